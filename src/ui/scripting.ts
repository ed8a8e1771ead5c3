// `window.pathways`: the studio's scripting API (documented in the README). Browser tests drive the
// app through it as well as through the UI; every call goes through the same validated mutations.
import { AnalysisClient } from '../workers-client/analysis.ts';
import type { AnalysisOptions, AnalysisReport } from '../analysis/types.ts';
import type { SimulationRun } from '../simulation/index.ts';
import { addEdge, addNode, putView, removeEdges, removeNodes, removeView, updateEdge, updateNode } from '../model/mutations.ts';
import { readMapFile } from '../model/snapshot.ts';
import type { MapEdge, MapNode, MapView, PathwaysMap } from '../model/types.ts';
import { activateView, findView } from './views/activate.ts';
import { formatProblems, validateMap } from '../model/validate.ts';
import type { Session } from './state/session.svelte.ts';
import type { PresentingState } from './present/presentation.svelte.ts';
import { historyApi, type HistoryApi } from './history/scripting.ts';

export const API_VERSION = '1.0.0';

/** What `room()` reports about the open map's live room. */
export interface RoomReport {
  url: string;
  viewerUrl: string | null;
  participants: string[];
  /** Everyone listed, with their colour; `self` is this screen. */
  people: { name: string; color: string; self: boolean; viewer: boolean }[];
  peers: number;
  signaling: boolean;
  offline: boolean;
  /** The relay refused this link's key (close 4403): edits stay on this device. */
  refused: boolean;
  /** Edits made here that the relay never took (since joining, or since the refusal). */
  keptEdits: number;
  /** What those edits touched: labels of nodes, ties and views. */
  kept: string[];
  following: string | null;
  presenter: string | null;
  leading: boolean;
  /** How much of a peer's big first sync is in (0–1) while it arrives a slice per task; else null. */
  receiving: number | null;
  /** Peers' big syncs applied a slice per task so far. */
  slicedSyncs: number;
}

export interface PathwaysApi extends HistoryApi {
  version: string;
  ready: Promise<void>;
  getMap(): PathwaysMap;
  /** Validates (throwing at once with the problems), then loads a slice at a time; resolves true once it is the map shown, false if a newer load superseded it. */
  loadMap(json: unknown): Promise<boolean>;
  addNode(node: Partial<MapNode> & Pick<MapNode, 'type'>): string;
  updateNode(id: string, patch: Record<string, unknown>): void;
  removeNode(id: string, options?: Parameters<typeof removeNodes>[2]): void;
  addEdge(edge: Partial<MapEdge> & Pick<MapEdge, 'type' | 'source' | 'target'>): string;
  updateEdge(id: string, patch: Record<string, unknown>): void;
  removeEdge(id: string): void;
  undo(): void;
  redo(): void;
  select(ids: string[]): void;
  selection(): string[];
  /** Where a node is drawn, in page pixels (for automation that drives the canvas with a mouse). */
  nodeScreenPosition(id: string): { x: number; y: number } | null;
  /** The ids of the map's nodes and ties on the canvas now (a big map arrives in slices). */
  canvasContent(): { nodes: string[]; edges: string[] };
  /** A one-off analysis of the open map in a fresh worker (cold cache), with its wall-clock time. */
  analyze(options?: AnalysisOptions): Promise<{ report: AnalysisReport; ms: number }>;
  /** The latest simulation result of the Simulate panel (SPEC `simulate --json` shape), or null. */
  simulationResult(): SimulationRun | null;
  /** What the simulation draws on the canvas now: referrals widened by people passing, loss markers. */
  simulationOnCanvas(): { flowing: number; lostMarkers: number; lostLabels: { x1: number; y1: number; x2: number; y2: number }[] };
  /** Ids drawn as selected on the canvas now (slides never show the editor's selection). */
  canvasSelection(): string[];
  /** The open map's live room: its link, who is here, WebRTC peers (null when not shared). */
  room(): RoomReport | null;
  /** Everyone else in the room as this screen sees them (validated presence). */
  roomPeers(): { name: string; cursor: { x: number; y: number } | null; selection: string[]; viewport: { zoom: number; pan: { x: number; y: number } } | null; leading: boolean }[];
  /** Follow a participant's viewport by name (null: stop); ask everyone to follow me; convening mode on/off. */
  follow(name: string | null): void;
  lead(on: boolean): void;
  setRelay(on: boolean): string | null;
  /** Saves a view (adds, or replaces the one with its id); returns its id. Shows a saved view (null: the plain map). */
  putView(view: Partial<MapView> & { label: string }): string;
  removeView(id: string): void;
  showView(id: string | null): void;
  /** The view on the canvas, as the map holds it now (null: the plain map). */
  currentView(): MapView | null;
  /** The lanes drawn behind the nodes (life stages, areas, organizations), by label. */
  canvasLanes(): string[];
  /** The canvas viewport, read and set (for following tests). */
  viewport(): { zoom: number; pan: { x: number; y: number } } | null;
  setViewport(viewport: { zoom: number; pan: { x: number; y: number } }): void;
  /** Whether the canvas is in an animated move (framing a view, a finding): wait for false, not for a time. */
  canvasMoving(): boolean;
  /** Shares the open map as a room; returns its link. */
  share(): string | null;
  /** Leaves the room without closing the map (edits go on locally), and comes back. */
  goOffline(): void;
  goOnline(): void;
  /** How many analyses have finished for the open map, whether one is running, and whether the report is of the map shown now. */
  analysisStatus(): { runs: number; running: boolean; current: boolean };
  /** What this screen publishes while presenting (null when not), and applying a presenter's state. */
  presenting(): PresentingState | null;
  applyPresenter(state: PresentingState | null): void;
}

export function installScriptingApi(session: Session, ready: Promise<void>): PathwaysApi {
  const studio = () => {
    if (!session.studio) throw new Error('No map is open');
    return session.studio;
  };
  const api: PathwaysApi = {
    ...historyApi(studio),
    version: API_VERSION,
    ready,
    getMap: () => readMapFile(studio().doc),
    loadMap(json) {
      const { map, problems } = validateMap(typeof json === 'string' ? JSON.parse(json) : json);
      if (!map) throw new Error(`The map was not loaded:\n${formatProblems(problems, 'map')}`);
      return studio().loadMapInSlices(map, { undoable: true });
    },
    addNode: (node) => addNode(studio().doc, node),
    updateNode: (id, patch) => updateNode(studio().doc, id, patch),
    removeNode: (id, options) => void removeNodes(studio().doc, [id], options),
    addEdge: (edge) => addEdge(studio().doc, edge),
    updateEdge: (id, patch) => updateEdge(studio().doc, id, patch),
    removeEdge: (id) => removeEdges(studio().doc, [id]),
    undo: () => studio().undo(),
    redo: () => studio().redo(),
    select: (ids) => studio().select(ids),
    selection: () => [...studio().selection],
    async analyze(options = {}) {
      const client = new AnalysisClient();
      const started = performance.now();
      try {
        const report = await client.run(readMapFile(studio().doc), options);
        return { report, ms: performance.now() - started };
      } finally {
        client.destroy();
      }
    },
    canvasLanes: () => studio().canvas?.lanes() ?? [],
    putView: (view) => putView(studio().doc, view),
    removeView: (id) => removeView(studio().doc, id),
    showView: (id) => activateView(studio(), id === null ? null : findView(studio(), id)),
    currentView: () => (studio().currentView ? structuredClone(studio().currentView) : null),
    simulationResult: () => (studio().simulation?.result ? structuredClone(studio().simulation!.result!) : null),
    canvasSelection: () => studio().canvas?.selectedIds() ?? [],
    simulationOnCanvas: () => studio().canvas?.simulationMarks() ?? { flowing: 0, lostMarkers: 0, lostLabels: [] },
    room: () => {
      const room = session.room;
      if (!room) return null;
      const following = room.others.find((o) => o.clientId === room.following)?.name ?? null;
      const presenter = room.participants.find((p) => p.clientId === room.presenter)?.name ?? null;
      const people = room.participants.map(({ name, color, self, viewer }) => ({ name, color, self, viewer }));
      return { url: room.url, viewerUrl: room.viewerUrl, participants: people.map((p) => p.name), people, peers: room.peers, signaling: room.signaling, offline: room.offline, refused: room.kept.refused, keptEdits: room.kept.count, kept: room.kept.labels(), following, presenter, leading: room.leading, receiving: room.receiving, slicedSyncs: room.slicedSyncs };
    },
    roomPeers: () => (session.room?.others ?? []).map(({ name, cursor, selection, viewport, leading }) => ({ name, cursor, selection: [...selection], viewport: viewport && { zoom: viewport.zoom, pan: { ...viewport.pan } }, leading })),
    follow: (name) => void session.room?.follow(name === null ? null : (session.room.others.find((o) => o.name === name)?.clientId ?? null)),
    lead: (on) => session.room?.lead(on),
    setRelay: (on) => session.setRelay(on)?.url ?? null,
    viewport: () => studio().canvas?.viewport ?? null,
    setViewport: (viewport) => studio().canvas?.setViewport(viewport),
    canvasMoving: () => studio().canvas?.moving() ?? false,
    share: () => session.share()?.url ?? null,
    goOffline: () => session.room?.disconnect(),
    goOnline: () => session.room?.reconnect(),
    analysisStatus: () => {
      const { analysis, snapshot } = studio();
      return { runs: analysis?.runs ?? 0, running: analysis?.running ?? false, current: !!analysis && analysis.analyzedMap === snapshot.map };
    },
    presenting: () => studio().presentation.presenting,
    applyPresenter: (state) => studio().presentation.applyPresenter(state),
    nodeScreenPosition: (id) => studio().canvas?.nodeScreenPosition(id) ?? null,
    canvasContent: () => studio().canvas?.content() ?? { nodes: [], edges: [] },
  };
  (globalThis as unknown as { pathways: PathwaysApi }).pathways = api;
  return api;
}
