// Projects the live Y.Doc into an immutable, validated `PathwaysMap` snapshot. Incremental: after a
// transaction only the entries it touched are re-validated; every other entry keeps its frozen object
// (same identity), so the canvas and the worker can diff cheaply. Invalid entries — from a peer, an old
// file or a bug — are quarantined and reported, never thrown; edges whose endpoint is gone are hidden.
import * as Y from 'yjs';
import { MAP_FORMAT, MAP_VERSION } from './constants.ts';
import { fromFieldMap, isMapLoad, mapRoots, ORDER_KEY, SCHEMA_KEY, type MapRoots } from './doc.ts';
import { deepFreeze, emptyChange, readEntry, type Cached, type HiddenEdge, type MapSnapshot, type QuarantinedEntry, type SnapshotChange } from './snapshot-entries.ts';
import { storedVersions } from './version-store.ts';
import { endpointProblem, validateMetaEntry, validatePositionEntry } from './validate.ts';
import type { MapEdge, MapMeta, MapNode, MapView, PathwaysMap, Position, Problem } from './types.ts';

export type { Collection, HiddenEdge, MapSnapshot, QuarantinedEntry, SnapshotChange } from './snapshot-entries.ts';

export class SnapshotProjector {
  readonly doc: Y.Doc;
  private readonly roots: MapRoots;
  private readonly nodes = new Map<string, Cached<MapNode>>();
  private readonly edges = new Map<string, Cached<MapEdge>>();
  /** Collections that gained an entry since the last build and need putting in order. */
  private readonly unordered = new Set<'nodes' | 'edges'>();
  /** Which entry each field map holds, to name the entry a nested change belongs to (public API only). */
  private readonly entryIds = new WeakMap<object, string>();
  private readonly views = new Map<string, Cached<MapView>>();
  private positions: Record<string, Position> = {};
  private positionProblems = new Map<string, Problem[]>();
  private meta: MapMeta = { title: '' };
  private metaProblems: QuarantinedEntry[] = [];
  private current!: MapSnapshot;
  private revision = 0;
  private readonly listeners = new Set<(snapshot: MapSnapshot, change: SnapshotChange) => void>();
  private readonly onTransaction = (transaction: Y.Transaction) => this.applyTransaction(transaction);

  constructor(doc: Y.Doc) {
    this.doc = doc;
    this.roots = mapRoots(doc);
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

  private reloadAll(): SnapshotChange {
    const change = emptyChange(true);
    this.unordered.add('nodes').add('edges');
    for (const [collection, cache] of [['nodes', this.nodes], ['edges', this.edges], ['views', this.views]] as const) {
      cache.clear();
      for (const [id, fields] of this.roots[collection].entries()) {
        (cache as Map<string, Cached<unknown>>).set(id, readEntry(this.roots, collection, id)!);
        if (fields instanceof Y.Map) this.entryIds.set(fields, id);
        if (collection !== 'views') change[collection].add(id);
      }
    }
    this.positions = {};
    this.positionProblems.clear();
    for (const id of this.roots.positions.keys()) {
      this.readPosition(id);
      change.positions.add(id);
    }
    this.readMeta();
    this.build();
    return change;
  }

  private readPosition(id: string): void {
    const raw = this.roots.positions.get(id);
    this.positionProblems.delete(id);
    if (raw === undefined) {
      delete this.positions[id];
      return;
    }
    const problems = validatePositionEntry(raw);
    if (problems.length) {
      this.positionProblems.set(id, problems);
      delete this.positions[id];
    } else {
      const { x, y } = raw as Position;
      this.positions[id] = Object.freeze({ x, y });
    }
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
    const change = emptyChange(false);
    change.load = isMapLoad(transaction.origin);
    const { roots } = this;
    for (const [changedType, keys] of transaction.changed) {
      const type = changedType as unknown;
      if (type === roots.file) change.full = true;
      else if (type === roots.meta) change.meta = true;
      else if (type === roots.positions) for (const key of keys) key !== null && change.positions.add(key);
      else if (type === roots.nodes) for (const key of keys) key !== null && change.nodes.add(key);
      else if (type === roots.edges) for (const key of keys) key !== null && change.edges.add(key);
      else if (type === roots.views) change.views = true;
      else {
        const parent = changedType.parent as unknown;
        const id = this.entryIds.get(changedType);
        if (!id) continue;
        if (parent === roots.nodes) change.nodes.add(id);
        else if (parent === roots.edges) change.edges.add(id);
        else if (parent === roots.views) change.views = true;
      }
    }
    const touched = change.full || change.meta || change.views || change.nodes.size || change.edges.size || change.positions.size;
    if (!touched) return;
    if (change.full) {
      this.emit({ ...this.reloadAll(), load: change.load });
      return;
    }
    for (const id of change.nodes) this.refresh(this.nodes, 'nodes', id);
    for (const id of change.edges) this.refresh(this.edges, 'edges', id);
    if (change.views) {
      this.views.clear();
      for (const [id, fields] of roots.views.entries()) {
        this.views.set(id, readEntry(roots, 'views', id)!);
        if (fields instanceof Y.Map) this.entryIds.set(fields, id);
      }
    }
    for (const id of change.positions) this.readPosition(id);
    if (change.meta) this.readMeta();
    this.build();
    this.emit(change);
  }

  private refresh<T>(cache: Map<string, Cached<T>>, collection: 'nodes' | 'edges', id: string): void {
    const entry = readEntry<T>(this.roots, collection, id);
    const before = cache.get(id);
    if (entry) {
      // A new entry, or one whose place changed (a peer's edit, an undo that recreated it), moves.
      if (!before || before.order !== entry.order) this.unordered.add(collection);
      const fields = this.roots[collection].get(id);
      if (fields instanceof Y.Map) this.entryIds.set(fields, id);
      cache.set(id, entry);
    } else cache.delete(id);
  }

  /**
   * Puts entries in the order every replica agrees on: by their order key (ORDER_KEY, written with the
   * entry), then by id — never by when they reached this replica, which differs from peer to peer and
   * would lay out the same map differently on each screen. Entries without a key (a v1 document not yet
   * migrated, or a peer's bad write) come last, by id.
   */
  private reorder<T>(cache: Map<string, Cached<T>>): void {
    const last = Number.POSITIVE_INFINITY;
    const sorted = [...cache].sort(([a, x], [b, y]) => (x.order ?? last) - (y.order ?? last) || (a < b ? -1 : a > b ? 1 : 0));
    cache.clear();
    for (const [id, entry] of sorted) cache.set(id, entry);
  }

  private build(): void {
    if (this.unordered.has('nodes')) this.reorder(this.nodes);
    if (this.unordered.has('edges')) this.reorder(this.edges);
    this.unordered.clear();
    const quarantined: QuarantinedEntry[] = [...this.metaProblems];
    const nodes: MapNode[] = [];
    const nodeTypes = new Map<string, MapNode['type']>();
    for (const [id, entry] of this.nodes) {
      if (entry.value) {
        nodes.push(entry.value);
        nodeTypes.set(id, entry.value.type);
      } else quarantined.push({ collection: 'nodes', id, problems: entry.problems });
    }
    const edges: MapEdge[] = [];
    const hiddenEdges: HiddenEdge[] = [];
    for (const [id, entry] of this.edges) {
      if (!entry.value) {
        quarantined.push({ collection: 'edges', id, problems: entry.problems });
        continue;
      }
      const edge = entry.value;
      const missing = [edge.source, edge.target].filter((end) => !nodeTypes.has(end));
      const reason = missing.length
        ? `no node "${missing.join('", "')}"`
        : endpointProblem(edge.type, nodeTypes.get(edge.source)!, nodeTypes.get(edge.target)!);
      if (reason) hiddenEdges.push({ id, source: edge.source, target: edge.target, reason });
      else edges.push(edge);
    }
    const views: MapView[] = [];
    const orders = new Map<MapView, number>();
    for (const [id, entry] of this.views) {
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
    for (const [id, problems] of this.positionProblems) quarantined.push({ collection: 'positions', id, problems });
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
      positions: Object.freeze({ ...this.positions }),
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
