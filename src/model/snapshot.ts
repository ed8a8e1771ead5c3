// Projects the live Y.Doc into an immutable, validated `PathwaysMap` snapshot. Incremental: after a
// transaction only the entries it touched are re-validated; every other entry keeps its frozen object
// (same identity), so the canvas and the worker can diff cheaply. Invalid entries — from a peer, an old
// file or a bug — are quarantined and reported, never thrown; edges whose endpoint is gone are hidden.
import * as Y from 'yjs';
import { MAP_FORMAT, MAP_VERSION } from './constants.ts';
import { ContentReader } from './content-reader.ts';
import { contentRoots, contentStore, isMapLoad, mapRoots, ORDER_KEY, SCHEMA_KEY, WRITTEN_KEY, type MapRoots } from './doc.ts';
import { deepFreeze, emptyChange, type HiddenEdge, type MapSnapshot, type QuarantinedEntry, type SnapshotChange } from './snapshot-entries.ts';
import { storedVersions } from './version-store.ts';
import { endpointProblem, validateMetaEntry } from './validate.ts';
import type { MapEdge, MapMeta, MapNode, MapView, PathwaysMap, Problem } from './types.ts';

export type { Collection, HiddenEdge, MapSnapshot, QuarantinedEntry, SnapshotChange } from './snapshot-entries.ts';

export class SnapshotProjector {
  readonly doc: Y.Doc;
  /** The map shown: the content the pointer names (or a v2 document's top-level roots). */
  private reader: ContentReader;
  /** A content being loaded, read ahead as its slices arrive, so showing it costs only the snapshot. */
  private ahead: ContentReader | null = null;
  /** Which entry each field map holds, to name the entry a nested change belongs to. */
  private readonly entryIds = new WeakMap<object, string>();
  private meta: MapMeta = { title: '' };
  private metaProblems: QuarantinedEntry[] = [];
  private current!: MapSnapshot;
  private revision = 0;
  private readonly listeners = new Set<(snapshot: MapSnapshot, change: SnapshotChange) => void>();
  private readonly onTransaction = (transaction: Y.Transaction) => this.applyTransaction(transaction);

  constructor(doc: Y.Doc) {
    this.doc = doc;
    this.reader = new ContentReader(mapRoots(doc), this.entryIds);
    this.reloadAll();
    doc.on('afterTransaction', this.onTransaction);
  }

  get snapshot(): MapSnapshot {
    return this.current;
  }

  subscribe(listener: (snapshot: MapSnapshot, change: SnapshotChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
    this.listeners.clear();
  }

  private get roots(): MapRoots {
    return this.reader.roots;
  }

  /** Everything changed (`full`: the change lists no ids), after the snapshot is rebuilt. */
  private reloadAll(readEntries = true): SnapshotChange {
    if (readEntries) this.reader.readAll();
    this.readMeta();
    this.build();
    return emptyChange(true);
  }

  private readMeta(): void {
    const raw: Record<string, unknown> = {};
    for (const [key, value] of this.roots.meta.entries()) if (key !== SCHEMA_KEY) raw[key] = value;
    if (typeof raw.title !== 'string') raw.title = raw.title === undefined ? '' : raw.title;
    const problems = validateMetaEntry(raw);
    // Drop only the fields that are wrong; the rest of the settings stay usable.
    const badFields = new Map<string, Problem[]>();
    for (const problem of problems) {
      const field = problem.path.replace(/^meta\.?/, '').split(/[.[]/)[0] || 'meta';
      badFields.set(field, [...(badFields.get(field) ?? []), problem]);
    }
    for (const field of badFields.keys()) delete raw[field];
    if (typeof raw.title !== 'string') raw.title = '';
    this.meta = deepFreeze(raw as MapMeta);
    this.metaProblems = [...badFields].map(([id, list]) => ({ collection: 'meta', id, problems: list }));
  }

  private applyTransaction(transaction: Y.Transaction): void {
    const roots = mapRoots(this.doc);
    if (roots.nodes !== this.roots.nodes) {
      // The pointer moved: another content is the map (a load here or at a peer, or its undo).
      const ahead = this.ahead?.content === roots.nodes.parent ? this.ahead : null;
      this.ahead = null;
      // The same transaction may bring the content's last entries too (a reconnecting peer's catch-up).
      ahead?.apply(transaction);
      this.reader = ahead ?? new ContentReader(roots, this.entryIds);
      this.emit({ ...this.reloadAll(!ahead), load: true });
      return;
    }
    this.readAhead(transaction);
    const touched = this.reader.apply(transaction);
    const change = emptyChange(false);
    change.load = isMapLoad(transaction.origin);
    change.nodes = touched.nodes;
    change.edges = touched.edges;
    change.positions = touched.positions;
    change.views = touched.views;
    const changed = transaction.changed as Map<unknown, Set<string | null>>;
    change.meta = changed.has(roots.meta);
    if (changed.has(roots.file)) {
      this.emit({ ...this.reloadAll(), load: change.load });
      return;
    }
    if (!(change.meta || change.views || change.nodes.size || change.edges.size || change.positions.size)) return;
    if (change.meta) this.readMeta();
    this.build();
    this.emit(change);
  }

  /** Follows a content being written that is not the map (a staged load, here or at a peer). */
  private readAhead(transaction: Y.Transaction): void {
    const store = contentStore(this.doc);
    // A content added (a load begins) or removed (one cancelled).
    for (const key of (transaction.changed as Map<unknown, Set<string | null>>).get(store) ?? []) {
      const content = key === null ? undefined : store.get(key);
      const roots = contentRoots(content);
      // Only a content still being written: a peer joining receives the maps loads replaced, too.
      if (roots && content !== this.roots.nodes.parent && (content as Y.Map<unknown>).get(WRITTEN_KEY) !== true) {
        this.ahead = new ContentReader(roots, this.entryIds);
        this.ahead.readAll();
      } else if (this.ahead && !contentRoots(this.ahead.content)) this.ahead = null;
    }
    if (this.ahead && this.ahead.content !== this.roots.nodes.parent) this.ahead.apply(transaction);
  }

  private build(): void {
    this.reader.reorder();
    const quarantined: QuarantinedEntry[] = [...this.metaProblems];
    const nodes: MapNode[] = [];
    const nodeTypes = new Map<string, MapNode['type']>();
    for (const [id, entry] of this.reader.nodes) {
      if (entry.value) {
        nodes.push(entry.value);
        nodeTypes.set(id, entry.value.type);
      } else quarantined.push({ collection: 'nodes', id, problems: entry.problems });
    }
    const edges: MapEdge[] = [];
    const hiddenEdges: HiddenEdge[] = [];
    for (const [id, entry] of this.reader.edges) {
      if (!entry.value) {
        quarantined.push({ collection: 'edges', id, problems: entry.problems });
        continue;
      }
      const edge = entry.value;
      const sourceType = nodeTypes.get(edge.source);
      const targetType = nodeTypes.get(edge.target);
      const reason =
        sourceType && targetType
          ? endpointProblem(edge.type, sourceType, targetType)
          : `no node "${[edge.source, edge.target].filter((end) => !nodeTypes.has(end)).join('", "')}"`;
      if (reason) hiddenEdges.push({ id, source: edge.source, target: edge.target, reason });
      else edges.push(edge);
    }
    const views: MapView[] = [];
    const orders = new Map<MapView, number>();
    for (const [id, entry] of this.reader.views) {
      if (!entry.value) {
        quarantined.push({ collection: 'views', id, problems: entry.problems });
        continue;
      }
      const { [ORDER_KEY]: order, ...view } = entry.value;
      const clean = Object.freeze(view) as MapView;
      orders.set(clean, typeof order === 'number' ? order : Number.MAX_SAFE_INTEGER);
      views.push(clean);
    }
    views.sort((a, b) => orders.get(a)! - orders.get(b)! || a.id.localeCompare(b.id));
    for (const [id, problems] of this.reader.positionProblems) quarantined.push({ collection: 'positions', id, problems });
    const extras: Record<string, unknown> = {};
    for (const [key, value] of this.roots.file.entries()) extras[key] = value;
    const map: PathwaysMap = {
      ...extras,
      format: MAP_FORMAT,
      version: MAP_VERSION,
      meta: this.meta,
      nodes: Object.freeze(nodes) as MapNode[],
      edges: Object.freeze(edges) as MapEdge[],
      views: Object.freeze(views) as MapView[],
      positions: Object.freeze(Object.fromEntries(this.reader.positions)),
    };
    this.current = Object.freeze({
      map: Object.freeze(map),
      quarantined: Object.freeze(quarantined) as QuarantinedEntry[],
      hiddenEdges: Object.freeze(hiddenEdges) as HiddenEdge[],
      revision: ++this.revision,
    });
  }

  private emit(change: SnapshotChange): void {
    for (const listener of this.listeners) listener(this.current, change);
  }
}

/** A one-shot projection of what the doc holds. */
export function projectSnapshot(doc: Y.Doc): MapSnapshot {
  const projector = new SnapshotProjector(doc);
  projector.destroy();
  return projector.snapshot;
}

/** The v1 file of what the doc holds: only its valid parts (= the snapshot's map), with its named versions. */
export function readMapFile(doc: Y.Doc): PathwaysMap {
  const map = projectSnapshot(doc).map;
  const versions = storedVersions(doc);
  return versions.length ? { ...map, versions } : map;
}
