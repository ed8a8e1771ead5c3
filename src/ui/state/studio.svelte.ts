// The open map as the UI sees it: the Y.Doc, its validated snapshot, the selection, undo state.
// The plain map session at the bottom: it imports no feature state. Features (analysis, simulation,
// history, presentation) take it in their constructor and are held here through ./features.ts.
import type { CanvasPort } from '../../canvas/port.svelte.ts';
import { CanvasCommands } from '../../canvas/commands.ts';
import type * as Y from 'yjs';
import type { MapEdge, MapNode, PathwaysMap } from '../../model/types.ts';
import { NO_OVERLAY, type OverlayOptions } from '../../views/analysis-overlays.ts';
import type { ChangeHistory, LiveAnalysis, Presentation, SimulationResults } from './features.ts';
import { SnapshotProjector, type MapSnapshot, type SnapshotChange } from '../../model/snapshot.ts';
import { createUndoManager } from '../../model/undo.ts';
import { loadMapInSlices, type LoadOptions } from '../../model/map-load.ts';
import { presentView } from '../../views/present.ts';
import type { SavedView } from '../../views/types.ts';

import type { LayoutName } from '../../canvas/host.ts';
export type { LayoutName };
export type SidebarTab = 'inspect' | 'insights' | 'simulate' | 'views' | 'history';

/** What a past view shows: a version (or a comparison drawn on one map), with its title for the banner. */
export interface PastView {
  title: string;
  /** When the version was taken (ISO), for the banner. */
  at?: string;
  map: PathwaysMap;
  /** Comparing: element id → how it changed (drawn on the canvas with a legend). */
  marks?: ReadonlyMap<string, 'added' | 'removed' | 'changed'>;
}

export class Studio {
  readonly doc: Y.Doc;
  readonly mapId: string;
  readonly undoManager: Y.UndoManager;
  private readonly projector: SnapshotProjector;
  private readonly unsubscribe: () => void;

  snapshot = $state.raw<MapSnapshot>() as MapSnapshot;
  lastChange = $state.raw<SnapshotChange | null>(null);
  selection = $state.raw<string[]>([]);
  layout = $state<LayoutName>('lanes');
  sidebarTab = $state<SidebarTab>('inspect');
  /** A node just added: its inspector opens at the top with the Name field focused, to type at once. */
  nameFieldFor = $state<string | null>(null);
  /** While on, dragging from one node to another draws a tie. */
  drawTies = $state(false);
  canUndo = $state(false);
  canRedo = $state(false);
  /** What the studio asks the canvas to do: frame elements, arrange again, show the view (src/canvas/commands.ts). */
  readonly canvasCommands = new CanvasCommands();
  /** What the canvas draws on top of the map: problems, colour by community, size by a metric. */
  overlay = $state<OverlayOptions>({ ...NO_OVERLAY });
  /** The live analysis of this map (set by the studio view that runs it). */
  analysis = $state.raw<LiveAnalysis | null>(null);
  /** Versions, comparisons and who changed what (set by the studio view). */
  history = $state.raw<ChangeHistory | null>(null);
  /** Cohort runs, what-ifs and their latest results (set by the studio view). */
  simulation = $state.raw<SimulationResults | null>(null);
  /**
   * A past version, or a comparison, shown read-only in place of the live map (issue 17): the canvas,
   * insights and simulation all read `snapshot`, so they show it as it was. Null: the map as it is now.
   */
  past = $state.raw<PastView | null>(null);
  /** The live map's snapshot, kept current while a past one is shown. */
  private live!: MapSnapshot;
  get liveSnapshot(): MapSnapshot {
    return this.live;
  }
  /** The canvas port while a canvas is mounted: viewport, fit, frame, coordinates, export (src/canvas/port.svelte.ts). */
  get canvas(): CanvasPort | undefined {
    return this.#canvas;
  }
  set canvas(port: CanvasPort | undefined) {
    this.#canvas = port;
    if (port) for (const resolve of this.#canvasWaiters.splice(0)) resolve(port);
  }
  #canvas = $state.raw<CanvasPort | undefined>(undefined);
  #canvasWaiters: ((port: CanvasPort) => void)[] = [];
  /** Resolves with the canvas once one is made (Canvas.svelte makes it a frame or two after it mounts). */
  canvasMade(): Promise<CanvasPort> {
    return this.#canvas ? Promise.resolve(this.#canvas) : new Promise((resolve) => this.#canvasWaiters.push(resolve));
  }
  /** The view as chosen: a saved view (by id), or the view editor's unsaved draft (as it is). */
  private chosenView = $state.raw<{ view: SavedView; draft: boolean } | null>(null);
  /**
   * The view drawn on the canvas (issue 7), null for the plain map. A saved view is read from the map as
   * it is now, so a peer's edit to it shows at once, and its deletion returns to the plain map.
   */
  currentView = $derived.by((): SavedView | null => {
    const chosen = this.chosenView;
    if (!chosen || chosen.draft) return chosen?.view ?? null;
    return (this.snapshot.map.views.find((v) => v.id === chosen.view.id) as SavedView | undefined) ?? null;
  });
  /** What fills the stage: the canvas, or the accessible table of nodes and edges. */
  stageMode = $state<'canvas' | 'table'>('canvas');
  /** Read-only embed (`#embed=1`): no editing chrome, canvas locked. */
  embedded = $state(false);
  /** Presentation mode; attached by whoever opens the map (the session), which builds the features. */
  presentation!: Presentation;
  viewPresentation = $derived(this.currentView ? presentView(this.snapshot.map, this.analysis?.report ?? null, this.currentView) : null);

  /** Shows a view (see activateView for saved views); `draft`: the editor's live preview. */
  showView(view: SavedView | null, draft = false): void {
    this.chosenView = view && { view, draft };
  }

  nodesById = $derived(new Map<string, MapNode>(this.snapshot.map.nodes.map((n) => [n.id, n])));
  edgesById = $derived(new Map<string, MapEdge>(this.snapshot.map.edges.map((e) => [e.id, e])));
  selectedNodes = $derived(this.selection.map((id) => this.nodesById.get(id)).filter((n): n is MapNode => !!n));
  selectedEdges = $derived(this.selection.map((id) => this.edgesById.get(id)).filter((e): e is MapEdge => !!e));

  /** Loads `map` over the one shown, a slice at a time, its snapshot too (map-load.ts `loadMapInSlices`). */
  loadMapInSlices(map: PathwaysMap, options: LoadOptions): Promise<boolean> {
    return loadMapInSlices(this.doc, map, { ...options, projector: this.projector });
  }

  /**
   * While a peer's big first sync arrives a slice per task, the map shown stays as it is; once it is all
   * in, the map it brought is shown at once (not the maps the peer's history passes through on the way).
   */
  holdSnapshot(hold: boolean): void {
    if (hold) this.projector.defer();
    else void this.projector.resumeInSlices();
  }

  /** `projector`: one already reading `doc` (a stored map opened a slice at a time). */
  constructor(doc: Y.Doc, mapId: string, projector = new SnapshotProjector(doc)) {
    this.doc = doc;
    this.mapId = mapId;
    this.projector = projector;
    this.snapshot = this.live = this.projector.snapshot;
    this.undoManager = createUndoManager(doc);
    this.unsubscribe = this.projector.subscribe((snapshot, change) => {
      this.live = snapshot;
      if (this.past) return;
      this.snapshot = snapshot;
      this.lastChange = change;
      // Drop selected ids that no longer exist (deleted here or by a peer).
      const alive = this.selection.filter((id) => this.nodesById.has(id) || this.edgesById.has(id));
      if (alive.length !== this.selection.length) this.selection = alive;
    });
    const refreshUndo = () => {
      this.canUndo = this.undoManager.canUndo();
      this.canRedo = this.undoManager.canRedo();
    };
    this.undoManager.on('stack-item-added', refreshUndo);
    this.undoManager.on('stack-item-popped', refreshUndo);
    this.undoManager.on('stack-cleared', refreshUndo);
  }

  /** Shows a past map read-only (null: back to now). */
  showPast(past: PastView | null): void {
    this.past = past;
    this.snapshot = past ? Object.freeze({ map: past.map, quarantined: [], hiddenEdges: [], revision: -1 }) : this.live;
    this.lastChange = null;
    this.select([]);
  }

  select(ids: string[]): void {
    this.selection = [...new Set(ids)];
  }

  /** Selects these elements and fits them in the view. */
  frame(ids: string[]): void {
    this.select(ids);
    this.canvasCommands.frame(ids);
  }

  undo(): void {
    this.undoManager.undo();
  }

  redo(): void {
    this.undoManager.redo();
  }

  destroy(): void {
    this.unsubscribe();
    this.projector.destroy();
    this.undoManager.destroy();
  }
}
