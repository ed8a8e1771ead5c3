// The structure report is the expensive part of an analysis (betweenness is O(nodes × ties)), and
// most edits do not change it. It is cached by everything it depends on, and on a miss its
// betweenness can be computed by a pool of workers, each taking a share of the source nodes.
import type { PathwaysMap } from '../model/types.ts';
import { betweenness, normalizeBetweenness } from './centrality.ts';
import { buildNetwork, type Network } from './network.ts';
import { structureOf, structureParts, withBetweenness } from './structure.ts';
import type { StructureReport } from './types.ts';

/**
 * Everything the structure report depends on: node ids, ties (edges and program→organization),
 * organization sectors and partnership levels. Edits to anything else (status, labels, stages,
 * capacity…) leave it unchanged, so the worker reuses the last report instead of recomputing
 * betweenness after every keystroke.
 */
export function structureKey(map: PathwaysMap, seed: number): string {
  const parts: string[] = [String(seed)];
  for (const node of map.nodes) {
    parts.push(node.type === 'program' ? `${node.id}>${node.organization ?? ''}` : `${node.id}#${node.sector ?? ''}`);
  }
  parts.push('|');
  for (const edge of map.edges) parts.push(`${edge.source}>${edge.target}${edge.type === 'partnership' ? `@${edge.level ?? ''}` : ''}`);
  return parts.join('\n');
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

let lastStructure: { key: string; report: StructureReport } | null = null;

/** Forgets the cached report (benchmarks measure the cold path with it). */
export function clearStructureCache(): void {
  lastStructure = null;
}

function remember(key: string, report: StructureReport): StructureReport {
  // Frozen: the report is shared between runs, so a caller that mutated it would corrupt the next.
  lastStructure = { key, report: deepFreeze(report) };
  return lastStructure.report;
}

/** The structure report, reusing the previous one when the map's structure has not changed. */
export function cachedStructure(map: PathwaysMap, seed = 1): StructureReport {
  const key = structureKey(map, seed);
  if (lastStructure?.key === key) return lastStructure.report;
  const network = buildNetwork(map);
  return remember(key, structureOf(map, network, seed, betweenness(network)));
}

/** Computes Brandes sums for the sources from ≤ s < to (see `betweennessRange`), somewhere else. */
export interface BetweennessPool {
  readonly size: number;
  range(offsets: Int32Array, adjacency: Int32Array, from: number, to: number): Promise<Float64Array>;
}

/** Below this many nodes a single thread finishes before workers would have started. */
export const PARALLEL_MIN_NODES = 600;

/**
 * Betweenness with the sources split into chunks handed to the pool's workers as each frees up.
 * Parts are added in chunk order, not arrival order, so the floating-point sums — and the report —
 * are the same on every run.
 */
export async function pooledBetweenness(network: Network, pool: BetweennessPool): Promise<Float64Array> {
  const n = network.ids.length;
  // Two chunks a worker, handed out as workers free up: a slow worker does not hold the others back,
  // and a first chunk outlasts this thread's own work meanwhile (the other metrics), so a worker is
  // never left waiting for its second.
  const chunk = Math.max(1, Math.ceil(n / (pool.size * 2)));
  const parts: Float64Array[] = [];
  let next = 0;
  const lane = async () => {
    while (next < n) {
      const from = next;
      next = Math.min(n, next + chunk);
      parts[from / chunk] = await pool.range(network.offsets, network.adjacency, from, next);
    }
  };
  await Promise.all(Array.from({ length: pool.size }, lane));
  const sums = new Float64Array(n);
  for (const part of parts) for (let i = 0; i < n; i++) sums[i] += part[i];
  return normalizeBetweenness(sums);
}

/** `cachedStructure`, with betweenness spread over a pool when the map is big enough to gain. */
export async function cachedStructureInPool(map: PathwaysMap, seed: number, pool: BetweennessPool | null): Promise<StructureReport> {
  const key = structureKey(map, seed);
  if (lastStructure?.key === key) return lastStructure.report;
  const network = buildNetwork(map);
  const parallel = pool && pool.size > 1 && network.ids.length >= PARALLEL_MIN_NODES;
  if (!parallel) return remember(key, structureOf(map, network, seed, betweenness(network)));
  // The pool's jobs are handed out first; this thread computes the rest of the report meanwhile.
  const pending = pooledBetweenness(network, pool);
  const parts = structureParts(map, network, seed);
  return remember(key, withBetweenness(network, parts, await pending));
}
