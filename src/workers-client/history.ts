// The page's side of the history worker: one comparison at a time; a newer one cancels the older.
import type { HistoryWorkerApi } from '../../workers/history.worker.ts';
import type { MapDiff } from '../history/diff.ts';
import type { PathwaysMap } from '../model/types.ts';
import { CancellableWorker } from './cancellable.ts';

export class CompareCancelled extends Error {
  constructor() {
    super('comparison cancelled');
  }
}

export class CompareClient {
  private readonly worker = new CancellableWorker<HistoryWorkerApi>(
    () => new Worker(new URL('../../workers/history.worker.ts', import.meta.url), { type: 'module', name: 'history' }),
    () => new CompareCancelled(),
  );

  /** `keys`: the version ids of the maps that are versions (the worker keeps their analyses). */
  async compare(before: PathwaysMap, after: PathwaysMap, keys: { before?: string; after?: string } = {}, options: { seed?: number; cohort?: number } = {}): Promise<MapDiff> {
    const json = await this.worker.runWithText([before, after], (api, [beforeText, afterText]) => api.compare(beforeText, afterText, options, keys));
    return JSON.parse(json) as MapDiff;
  }

  cancel(): void {
    this.worker.cancel();
  }

  destroy(): void {
    this.worker.destroy();
  }
}
