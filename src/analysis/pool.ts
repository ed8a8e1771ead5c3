// Hands range jobs to a fixed set of workers: each job waits for an idle worker. Shared by the
// browser's Web Worker pool and the command line's worker_threads pool.
import type { BetweennessPool } from './structure-cache.ts';

export type RangeJob = (offsets: Int32Array, adjacency: Int32Array, from: number, to: number) => Promise<Float64Array>;

export class IdleQueuePool implements BetweennessPool {
  private readonly idle: RangeJob[];
  private readonly waiting: ((worker: RangeJob) => void)[] = [];

  constructor(workers: RangeJob[]) {
    this.idle = [...workers];
    this.size = workers.length;
  }

  readonly size: number;

  async range(offsets: Int32Array, adjacency: Int32Array, from: number, to: number): Promise<Float64Array> {
    const worker = this.idle.pop() ?? (await new Promise<RangeJob>((resolve) => this.waiting.push(resolve)));
    try {
      return await worker(offsets, adjacency, from, to);
    } finally {
      const next = this.waiting.shift();
      if (next) next(worker);
      else this.idle.push(worker);
    }
  }
}
