// The page's side of the store worker, started for one job and ended after it: the jobs are rare
// (a stored record past its bound, a compaction after hundreds of writes), and an idle worker holds memory.
import * as Comlink from 'comlink';
import type { StoreWorker } from '../persist/map-store.ts';
import type { StoreWorkerApi } from '../../workers/store.worker.ts';

async function inWorker<T>(job: (api: Comlink.Remote<StoreWorkerApi>) => Promise<T>): Promise<T> {
  const worker = new Worker(new URL('../../workers/store.worker.ts', import.meta.url), { type: 'module', name: 'store' });
  try {
    return await job(Comlink.wrap<StoreWorkerApi>(worker));
  } finally {
    worker.terminate();
  }
}

export const storeWorker: StoreWorker = {
  compact: (updates) => inWorker((api) => api.compact(updates)),
  slice: (updates, maxStructs) => inWorker((api) => api.slice(updates, maxStructs)),
};
