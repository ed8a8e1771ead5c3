// What a snapshot is made of: its types, and one entry read from the doc, validated and frozen (or
// quarantined with its problems). The projector (snapshot.ts) assembles these.
import { fromFieldMap, ORDER_KEY, type MapRoots } from './doc.ts';
import { validateEdgeEntry, validateNodeEntry, validateViewEntry } from './validate.ts';
import type { PathwaysMap, Problem } from './types.ts';

export type Collection = 'nodes' | 'edges' | 'views' | 'meta' | 'positions';

export interface QuarantinedEntry {
  collection: Collection;
  id: string;
  problems: Problem[];
}

export interface HiddenEdge {
  id: string;
  source: string;
  target: string;
  reason: string;
}

export interface MapSnapshot {
  map: PathwaysMap;
  quarantined: QuarantinedEntry[];
  hiddenEdges: HiddenEdge[];
  /** Counts projections; a new snapshot always has a higher revision. */
  revision: number;
}

export interface SnapshotChange {
  nodes: Set<string>;
  edges: Set<string>;
  positions: Set<string>;
  meta: boolean;
  views: boolean;
  /** Everything may have changed (first projection, or a whole-map load); the id sets are then empty. */
  full: boolean;
  /** This replica replaced the whole map (a file opened, `loadMap`): what was said about the old one no longer holds. */
  load: boolean;
}

export interface Cached<T> {
  value: T | null;
  problems: Problem[];
  /** The entry's place in the list every replica agrees on (nodes and edges; views keep theirs in `value`). */
  order?: number;
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as object)) deepFreeze(inner);
  }
  return value;
}

export function readEntry<T>(roots: MapRoots, collection: 'nodes' | 'edges' | 'views', id: string): Cached<T> | undefined {
  const raw = roots[collection].get(id);
  if (raw === undefined) return undefined;
  const plain = fromFieldMap(raw);
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { value: null, problems: [{ path: '', message: 'is not an object' }] };
  }
  // The key is the id: a peer cannot make an entry claim another entry's id.
  const entry: Record<string, unknown> = { ...(plain as Record<string, unknown>), id };
  let order: number | undefined;
  if (collection !== 'views') {
    const raw = entry[ORDER_KEY];
    order = typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined;
    delete entry[ORDER_KEY];
  }
  const problems =
    collection === 'nodes' ? validateNodeEntry(entry) : collection === 'edges' ? validateEdgeEntry(entry) : validateViewEntry(entry);
  return problems.length ? { value: null, problems, order } : { value: deepFreeze(entry) as T, problems, order };
}

export function emptyChange(full: boolean): SnapshotChange {
  return { nodes: new Set(), edges: new Set(), positions: new Set(), meta: full, views: full, full, load: false };
}
