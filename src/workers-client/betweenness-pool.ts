// The browser's betweenness pool: Web Workers started by the analysis worker (one per spare core).
// Terminating the analysis worker — a cancel — terminates them with it.
import * as Comlink from 'comlink';
import type { BetweennessWorkerApi } from '../../workers/betweenness.worker.ts';
import { IdleQueuePool } from '../analysis/pool.ts';

export function createWorkerPool(cores = globalThis.navigator?.hardwareConcurrency ?? 1): IdleQueuePool | null {
  // The page keeps a core; the analysis worker itself only waits while the pool works.
  const size = Math.min(8, Math.max(0, cores - 1));
  if (size < 2 || typeof Worker === 'undefined') return null;
  const workers = Array.from({ length: size }, (_, i) => {
    const worker = new Worker(new URL('../../workers/betweenness.worker.ts', import.meta.url), { type: 'module', name: `betweenness-${i}` });
    const api = Comlink.wrap<BetweennessWorkerApi>(worker);
    return (offsets: Int32Array, adjacency: Int32Array, from: number, to: number) => api.range(offsets, adjacency, from, to) as Promise<Float64Array>;
  });
  return new IdleQueuePool(workers);
}
