// The page's side of the analysis worker. A newer run supersedes an older one: the worker still busy
// with a stale map is terminated (that is the cancel) and a fresh one takes the new map.
import type { AnalysisWorkerApi } from '../../workers/analysis.worker.ts';
import type { PathwaysMap } from '../model/types.ts';
import { CancellableWorker } from './cancellable.ts';
import { stringifyInSlices } from '../model/json-slices.ts';
import type { AnalysisOptions, AnalysisReport } from '../analysis/types.ts';

export class AnalysisCancelled extends Error {
  constructor() {
    super('superseded by a newer analysis');
  }
}

export class AnalysisClient {
  /** Runs asked for so far: a run whose text is still being written when another starts is cancelled. */
  private runs = 0;
  private readonly worker = new CancellableWorker<AnalysisWorkerApi>(
    () => new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' }),
    () => new AnalysisCancelled(),
  );

  /** Runs the analysis in the worker; rejects with AnalysisCancelled if a newer run starts first. */
  async run(map: PathwaysMap, options: AnalysisOptions = {}): Promise<AnalysisReport> {
    // The map and report cross as JSON text: far cheaper for the page than structured clones. The text is
    // written a few ms per task; a newer run meanwhile supersedes this one.
    const run = ++this.runs;
    const text = await stringifyInSlices(map, () => run === this.runs);
    if (text === null) throw new AnalysisCancelled();
    const json = await this.worker.run((api) => api.analyzeJson(text, options));
    return JSON.parse(json) as AnalysisReport;
  }

  cancel(): void {
    this.runs++;
    this.worker.cancel();
  }

  destroy(): void {
    this.worker.destroy();
  }
}
