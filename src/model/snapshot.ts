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
import { runInSlices } from './tasks.ts';
import { indexSnapshot, patchSnapshot, type SnapshotIndex } from './snapshot-patch.ts';
import { endpointProblem, validateMetaEntry } from './validate.ts';
import type { MapEdge, MapMeta, MapNode, MapView, PathwaysMap, Problem } from './types.ts';

export type { Collection, HiddenEdge, MapSnapshot, QuarantinedEntry, SnapshotChange } from './snapshot-entries.ts';

/** Entries a sliced build reads between looks at the clock (resumeInSlices). */
const BUILD_STEP = 500;

export class SnapshotProjector {
  readonly doc: Y.Doc;
  /** The map shown: the content the pointer names (or a v2 document's top-level roots). */
  private reader: ContentReader;
  /**
   * Contents kept read though not shown, by content (null: a v2 document's top-level roots): one being
   * loaded, read ahead as its slices arrive, and the one a load replaced (Undo flips back to it). Showing
   * either costs only the snapshot. The doc holds two maps at most (map-load.ts), so these stay few.
   */
  private readonly kept = new Map<unknown, ContentReader>();
  /** Which entry each field map holds, to name the entry a nested change belongs to. */
  private readonly entryIds = new WeakMap<object, string>();
  private meta: MapMeta = { title: '' };
  private metaProblems: QuarantinedEntry[] = [];
  private current!: MapSnapshot;
  private revision = 0;
  private changedWhileDeferred = false;
  /** Where the current snapshot's entries sit, made at the first edit after a full build (snapshot-patch.ts). */
  private index: SnapshotIndex | null = null;
  /** Counts `defer()` calls: a sliced resume that sees it change stops, the projector deferred again. */
  private deferrals = 0;
  private readonly listeners = new Set<(snapshot: MapSnapshot, change: SnapshotChange) => void>();
  private readonly onTransaction = (transaction: Y.Transaction) => this.applyTransaction(transaction);

  /**
   * `deferred`: reads each transaction's entries as they come but builds no snapshot until `resume()`.
   * A stored map applied a slice at a time is read along the way, and built once at the end.
   */
  constructor(doc: Y.Doc, private deferred = false) {
    this.doc = doc;
    this.reader = new ContentReader(mapRoots(doc), this.entryIds);
    this.reloadAll();
    this.build();
    doc.on('afterTransaction', this.onTransaction);
  }

  /** Building no snapshot until resumed. */
  get holding(): boolean {
    return this.deferred;
  }

  /** Stops building snapshots until `resume()` (a peer's big first sync arriving a slice per task). */
  defer(): void {
    this.deferred = true;
    this.deferrals++;
  }

  /**
   * Builds the snapshot of everything read while deferred, and tells the listeners if the map changed
   * meanwhile (as a load: everything may have); from now on, one snapshot per change.
   */
  resume(): void {
    if (!this.deferred) return;
    this.deferred = false;
    if (this.changedWhileDeferred) this.publish({ ...emptyChange(true), load: true });
    this.changedWhileDeferred = false;
  }

  /**
   * As `resume`, with the snapshot built ~`budgetMs` per task: a county map's first build, before the JIT
   * has warmed up, was one task of ~90 ms at 5,000 programs. Stays deferred while building; a change read
   * meanwhile, or `defer()` again, is not lost (the build starts over, or waits for the next resume).
   */
  async resumeInSlices(budgetMs = 8): Promise<void> {
    const deferrals = this.deferrals;
    while (this.deferred && this.changedWhileDeferred) {
      this.changedWhileDeferred = false;
      const built = await runInSlices(this.buildSteps(), budgetMs, () => this.deferred && this.deferrals === deferrals);
      // Resumed at once meanwhile (that built the snapshot), or held again (the next resume builds it).
      if (!built) return void (this.deferred && (this.changedWhileDeferred = true));
      if (this.changedWhileDeferred) continue;
      this.current = built.value;
      this.deferred = false;
      this.emit({ ...emptyChange(true), load: true });
      return;
    }
    if (this.deferrals === deferrals) this.deferred = false;
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

  /** Reads the map shown again (its entries unless already read); everything changed (`full`: no ids listed). */
  private reloadAll(readEntries = true): SnapshotChange {
    if (readEntries) this.reader.readAll();
    this.readMeta();
    return emptyChange(true);
  }

  /** Builds the snapshot and tells the listeners; while deferred, only notes that the map changed. */
  private publish(change: SnapshotChange): void {
    if (this.deferred) {
      this.changedWhileDeferred = true;
      return;
    }
    const indexOf = () => (this.index?.snapshot === this.current ? this.index : (this.index = indexSnapshot(this.current)));
    const patched = patchSnapshot(indexOf, this.reader, change, this.meta, this.metaProblems.length === 0, this.revision + 1);
    if (patched) {
      this.revision++;
      this.current = this.index!.snapshot = patched;
    } else this.build();
    this.emit(change);
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
    // The same transaction may bring a content's last entries and its flip (a reconnecting peer's catch-up).
    this.followKept(transaction);
    const roots = mapRoots(this.doc);
    if (roots.nodes !== this.roots.nodes) {
      // The pointer moved: another content is the map (a load here or at a peer, or its undo).
      const next = this.kept.get(roots.nodes.parent) ?? null;
      this.kept.delete(roots.nodes.parent);
      if (this.reader.content === null || contentRoots(this.reader.content)) {
        this.reader.apply(transaction);
        this.kept.set(this.reader.content, this.reader);
      }
      this.reader = next ?? new ContentReader(roots, this.entryIds);
      this.publish({ ...this.reloadAll(!next), load: true });
      return;
    }
    const touched = this.reader.apply(transaction);
    const change = emptyChange(false);
    change.load = isMapLoad(transaction.origin);
    change.nodes = touched.nodes;
    change.edges = touched.edges;
    change.positions = touched.positions;
    change.views = touched.views;
    const changed = transaction.changed as Map<unknown, Set<string | null>>;
    change.meta = changed.has(roots.meta);
    if (changed.has(roots.file)) return this.publish({ ...this.reloadAll(), load: change.load });
    if (!(change.meta || change.views || change.nodes.size || change.edges.size || change.positions.size)) return;
    if (change.meta) this.readMeta();
    this.publish(change);
  }

  /** Keeps the contents not shown read: starts reading one a load begins, forgets one removed. */
  private followKept(transaction: Y.Transaction): void {
    const store = contentStore(this.doc);
    const started = new Set<unknown>();
    for (const key of (transaction.changed as Map<unknown, Set<string | null>>).get(store) ?? []) {
      const content = key === null ? undefined : store.get(key);
      const roots = contentRoots(content);
      // Only a content still being written: a peer joining receives the maps loads replaced, too.
      if (roots && content !== this.roots.nodes.parent && !this.kept.has(content) && (content as Y.Map<unknown>).get(WRITTEN_KEY) !== true) {
        const reader = new ContentReader(roots, this.entryIds);
        reader.readAll();
        this.kept.set(content, reader);
        started.add(content);
      }
    }
    for (const [content, reader] of this.kept) {
      if (content !== null && !contentRoots(content)) this.kept.delete(content);
      else if (!started.has(content)) reader.apply(transaction);
    }
  }

  private build(): void {
    const steps = this.buildSteps();
    let step = steps.next();
    while (!step.done) step = steps.next();
    this.current = step.value;
  }

  /** The snapshot of what is read, pausing every BUILD_STEP entries (`build` runs it through). */
  private *buildSteps(): Generator<void, MapSnapshot> {
    const reader = this.reader;
    reader.reorder();
    let read = 0;
    const quarantined: QuarantinedEntry[] = [...this.metaProblems];
    const nodes: MapNode[] = [];
    const nodeTypes = new Map<string, MapNode['type']>();
    for (const [id, entry] of reader.nodes) {
      if (++read % BUILD_STEP === 0) yield;
      if (entry.value) {
        nodes.push(entry.value);
        nodeTypes.set(id, entry.value.type);
      } else quarantined.push({ collection: 'nodes', id, problems: entry.problems });
    }
    const edges: MapEdge[] = [];
    const hiddenEdges: HiddenEdge[] = [];
    for (const [id, entry] of reader.edges) {
      if (++read % BUILD_STEP === 0) yield;
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
    for (const [id, entry] of reader.views) {
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
    // By id, as every replica lists them (not in the order each came to know of them).
    for (const [id, problems] of [...reader.positionProblems].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) quarantined.push({ collection: 'positions', id, problems });
    yield;
    const extras: Record<string, unknown> = {};
    for (const [key, value] of reader.roots.file.entries()) extras[key] = value;
    const map: PathwaysMap = {
      ...extras,
      format: MAP_FORMAT,
      version: MAP_VERSION,
      meta: this.meta,
      nodes: Object.freeze(nodes) as MapNode[],
      edges: Object.freeze(edges) as MapEdge[],
      views: Object.freeze(views) as MapView[],
      positions: Object.freeze(Object.fromEntries(reader.positions)),
    };
    return Object.freeze({
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
