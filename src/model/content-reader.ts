// One content's entries read from the doc, validated and frozen (or quarantined), kept up to date entry
// by entry. The projector keeps one for the map shown, and one for a content being loaded: reading a
// county-size map ahead, slice by slice as it is written, leaves nothing heavy for the moment it is shown.
import * as Y from 'yjs';
import type { MapRoots } from './doc.ts';
import { deepFreeze, readEntry, type Cached } from './snapshot-entries.ts';
import { validatePositionEntry } from './validate.ts';
import type { MapEdge, MapNode, MapView, Position, Problem } from './types.ts';

export type EntryCollection = 'nodes' | 'edges' | 'views';

export class ContentReader {
  readonly nodes = new Map<string, Cached<MapNode>>();
  readonly edges = new Map<string, Cached<MapEdge>>();
  readonly views = new Map<string, Cached<MapView>>();
  readonly positions = new Map<string, Position>();
  readonly positionProblems = new Map<string, Problem[]>();
  /** Collections that gained an entry, or whose entry moved, since they were last put in order. */
  readonly unordered = new Set<'nodes' | 'edges'>();

  /** `entryIds` names the entry each field map holds, to place a nested change (shared with the projector). */
  constructor(readonly roots: MapRoots, private readonly entryIds: WeakMap<object, string>) {}

  /** The content these roots belong to (null for a v2 document's top-level roots). */
  get content(): unknown {
    return this.roots.nodes.parent;
  }

  readAll(): void {
    for (const collection of ['nodes', 'edges', 'views'] as const) {
      this.cache(collection).clear();
      for (const id of this.roots[collection].keys()) this.refresh(collection, id);
    }
    this.positions.clear();
    this.positionProblems.clear();
    for (const id of this.roots.positions.keys()) this.readPosition(id);
    this.unordered.add('nodes').add('edges');
  }

  cache(collection: EntryCollection): Map<string, Cached<unknown>> {
    return this[collection] as Map<string, Cached<unknown>>;
  }

  /** Reads one entry again (or forgets it, if it is gone). */
  refresh(collection: EntryCollection, id: string): void {
    const cache = this.cache(collection);
    const entry = readEntry<unknown>(this.roots, collection, id);
    const before = cache.get(id);
    if (entry) {
      // A new entry, or one whose place changed (a peer's edit, an undo that recreated it), moves.
      if (collection !== 'views' && (!before || before.order !== entry.order)) this.unordered.add(collection);
      const fields = this.roots[collection].get(id);
      if (fields instanceof Y.Map) this.entryIds.set(fields, id);
      cache.set(id, entry);
    } else cache.delete(id);
  }

  readPosition(id: string): void {
    const raw = this.roots.positions.get(id);
    this.positionProblems.delete(id);
    this.positions.delete(id);
    if (raw === undefined) return;
    const problems = validatePositionEntry(raw);
    if (problems.length) this.positionProblems.set(id, problems);
    else {
      const { x, y } = raw as Position;
      this.positions.set(id, deepFreeze({ x, y }));
    }
  }

  /**
   * Reads what a transaction changed in this content's entries and positions; returns which ids, by
   * collection. Meta, views order and unknown fields are the projector's (they are small).
   */
  apply(transaction: Y.Transaction): { nodes: Set<string>; edges: Set<string>; positions: Set<string>; views: boolean } {
    const touched = { nodes: new Set<string>(), edges: new Set<string>(), positions: new Set<string>(), views: false };
    const { roots } = this;
    for (const [changedType, keys] of transaction.changed) {
      const type = changedType as unknown;
      const parent = changedType.parent as unknown;
      if (type === roots.positions) for (const key of keys) key !== null && touched.positions.add(key);
      else if (type === roots.nodes) for (const key of keys) key !== null && touched.nodes.add(key);
      else if (type === roots.edges) for (const key of keys) key !== null && touched.edges.add(key);
      else if (type === roots.views || parent === roots.views) touched.views = true;
      else {
        const id = this.entryIds.get(changedType);
        if (!id) continue;
        if (parent === roots.nodes) touched.nodes.add(id);
        else if (parent === roots.edges) touched.edges.add(id);
      }
    }
    for (const id of touched.nodes) this.refresh('nodes', id);
    for (const id of touched.edges) this.refresh('edges', id);
    for (const id of touched.positions) this.readPosition(id);
    if (touched.views) {
      this.views.clear();
      for (const id of this.roots.views.keys()) this.refresh('views', id);
    }
    return touched;
  }

  /**
   * Puts entries in the order every replica agrees on: by their order key (ORDER_KEY, written with the
   * entry), then by id — never by when they reached this replica, which differs from peer to peer and
   * would lay out the same map differently on each screen. Entries without a key (a v1 document not yet
   * migrated, or a peer's bad write) come last, by id.
   */
  reorder(): void {
    const last = Number.POSITIVE_INFINITY;
    const compare = ([a, x]: [string, Cached<unknown>], [b, y]: [string, Cached<unknown>]) => (x.order ?? last) - (y.order ?? last) || (a < b ? -1 : a > b ? 1 : 0);
    for (const collection of this.unordered) {
      const cache = this.cache(collection);
      const entries = [...cache];
      // A map loaded from a file arrives in its order: checking costs a pass, sorting 25,000 entries ~10 ms.
      if (entries.every((entry, i) => i === 0 || compare(entries[i - 1], entry) <= 0)) continue;
      const sorted = entries.sort(compare);
      cache.clear();
      for (const [id, entry] of sorted) cache.set(id, entry);
    }
    this.unordered.clear();
  }
}
