// The page's side of the analysis worker. A newer run supersedes an older one: the worker still busy
// with a stale map is terminated (that is the cancel) and a fresh one takes the new map.
import type { AnalysisWorkerApi } from '../../workers/analysis.worker.ts';
import type { PathwaysMap } from '../model/types.ts';
import { CancellableWorker } from './cancellable.ts';
import type { AnalysisOptions, AnalysisReport } from '../analysis/types.ts';

export class AnalysisCancelled extends Error {
  constructor() {
    super('superseded by a newer analysis');
  }
}

export class AnalysisClient {
  private readonly worker = new CancellableWorker<AnalysisWorkerApi>(
    () => new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' }),
    () => new AnalysisCancelled(),
  );

  /** Runs the analysis in the worker; rejects with AnalysisCancelled if a newer run starts first. */
  async run(map: PathwaysMap, options: AnalysisOptions = {}): Promise<AnalysisReport> {
    // The report comes back as JSON text too: far cheaper for the page than a structured clone.
    const json = await this.worker.runWithText([map], (api, [text]) => api.analyzeJson(text, options));
    return JSON.parse(json) as AnalysisReport;
  }

  cancel(): void {
    this.worker.cancel();
  }

  destroy(): void {
    this.worker.destroy();
  }
}
