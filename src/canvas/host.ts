// What the canvas component reads from, and sets in, the session that hosts it (the UI's Studio
// satisfies it structurally): declared here so the canvas depends on nothing in src/ui.
import type { AnalysisReport } from '../analysis/types.ts';
import type { MapSnapshot } from '../model/snapshot.ts';
import type { OverlayOptions } from '../views/analysis-overlays.ts';
import type { SavedView, ViewPresentation } from '../views/types.ts';
import type { CanvasCommands } from './commands.ts';
import type { CanvasHost } from './interactions.ts';
import type { applySimulationOverlay } from './overlays.ts';
import type { CanvasPort } from './port.svelte.ts';

/** How the canvas arranges the map. */
export type LayoutName = 'lanes' | 'force' | 'concentric' | 'byArea';

export interface CanvasStudio extends CanvasHost {
  readonly snapshot: MapSnapshot;
  readonly layout: LayoutName;
  /** What the studio asks the canvas to do (frame, arrange again, show the view); connected on mount. */
  readonly canvasCommands: CanvasCommands;
  readonly currentView: SavedView | null;
  readonly viewPresentation: ViewPresentation | null;
  readonly overlay: OverlayOptions;
  readonly analysis: { readonly report: AnalysisReport | null } | null;
  readonly simulation: { readonly overlayResult: Parameters<typeof applySimulationOverlay>[1] | undefined } | null;
  readonly past: { readonly marks?: ReadonlyMap<string, 'added' | 'removed' | 'changed'> } | null;
  readonly presentation: { readonly active: boolean };
  readonly drawTies: boolean;
  /** An arrangement is its own undo step, however close it follows another edit. */
  readonly undoManager: { stopCapturing(): void };
  /** The port, set while the canvas is mounted. */
  canvas: CanvasPort | undefined;
}
