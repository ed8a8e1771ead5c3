// The command line's betweenness pool: worker_threads, one per core, each running the script in
// workers/betweenness.thread.ts.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { IdleQueuePool } from '../analysis/pool.ts';
import { BETWEENNESS_THREAD_SCRIPT } from '../../workers/betweenness.thread.ts';

export interface ThreadPool extends IdleQueuePool {
  close(): Promise<void>;
}

export function createThreadPool(size = availableParallelism()): ThreadPool | null {
  if (size < 2) return null;
  const threads = Array.from({ length: size }, () => new Worker(BETWEENNESS_THREAD_SCRIPT, { eval: true }));
  let nextId = 0;
  const jobs = threads.map((thread) => {
    const pending = new Map<number, { resolve: (sums: Float64Array) => void; reject: (error: Error) => void }>();
    thread.on('message', ({ id, sums }: { id: number; sums: Float64Array }) => {
      pending.get(id)?.resolve(sums);
      pending.delete(id);
    });
    thread.on('error', (error) => {
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    });
    return (offsets: Int32Array, adjacency: Int32Array, from: number, to: number) =>
      new Promise<Float64Array>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        thread.postMessage({ id, offsets, adjacency, from, to });
      });
  });
  const pool = new IdleQueuePool(jobs) as ThreadPool;
  pool.close = async () => {
    await Promise.all(threads.map((thread) => thread.terminate()));
  };
  return pool;
}
