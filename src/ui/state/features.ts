// What the studio's feature states look like from the session's side (types only). The map session
// (`Studio`) holds its features through these structural interfaces and imports no feature module, so
// dependencies point one way: analysis, simulation, history and presentation → Studio. The feature
// classes implement them; StudioView and the session (the composition roots) build them.
import type { AnalysisReport } from '../../analysis/types.ts';
import type { SharedViewport } from '../../collab/presence.ts';
import type { PathwaysMap } from '../../model/types.ts';
import type { SimulationRun } from '../../simulation/index.ts';
import type { SavedView } from '../../views/types.ts';

/** The live analysis of the map (AnalysisState). */
export interface LiveAnalysis {
  readonly report: AnalysisReport | null;
  readonly analyzedMap: PathwaysMap | null;
  readonly running: boolean;
  readonly error: string | null;
  readonly runs: number;
}

/** Cohort runs and their latest results (SimulationState). */
export interface SimulationResults {
  readonly cohort: number;
  readonly result: SimulationRun | null;
  /** What the canvas draws (null outside the Simulate tab). */
  readonly overlayResult: SimulationRun['exact'] | SimulationRun | null;
  destroy(): void;
}

/** Versions and who changed what (HistoryState), as the inspector and the banner read them. */
export interface ChangeHistory {
  readonly changesRevision: number;
  restoredBy: string | null;
  selectChangesBy(name: string): number;
  destroy(): void;
}

/** What a presenter shares with the room (plain data: safe to send over awareness). */
export interface PresentingState {
  viewId: string | null;
  slideIndex: number;
  viewport: SharedViewport | null;
}

/** Presentation mode (PresentationState): the saved views as slides, followed across the room. */
export interface Presentation {
  readonly active: boolean;
  readonly slideIndex: number;
  /** A participant is in the presenter's slides (false once they step out). */
  readonly joined: boolean;
  readonly remote: PresentingState | null;
  readonly slides: SavedView[];
  readonly slide: SavedView | null;
  readonly presenting: PresentingState | null;
  start(index?: number): void;
  stop(): void;
  next(): void;
  previous(): void;
  /** Shows a presenter's slide and viewport on this screen (null: nobody presents). */
  applyPresenter(state: PresentingState | null): void;
  stepOut(): void;
  rejoin(): void;
}
