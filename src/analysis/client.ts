// The page's side of the analysis worker. A newer run supersedes an older one: the worker still
// busy with a stale map is terminated (that is the cancel) and a fresh one takes the new map.
import * as Comlink from 'comlink';
import type { AnalysisWorkerApi } from '../../workers/analysis.worker.ts';
import type { PathwaysMap } from '../model/types.ts';
import type { AnalysisOptions, AnalysisReport } from './types.ts';

export class AnalysisCancelled extends Error {
  constructor() {
    super('superseded by a newer analysis');
  }
}

export class AnalysisClient {
  private worker: Worker | null = null;
  private api: Comlink.Remote<AnalysisWorkerApi> | null = null;
  private running: { reject: (error: Error) => void } | null = null;

  private spawn(): Comlink.Remote<AnalysisWorkerApi> {
    this.worker = new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' });
    this.api = Comlink.wrap<AnalysisWorkerApi>(this.worker);
    return this.api;
  }

  /** Runs the analysis in the worker; rejects with AnalysisCancelled if a newer run starts first. */
  async run(map: PathwaysMap, options: AnalysisOptions = {}): Promise<AnalysisReport> {
    if (this.running) this.cancel();
    const api = this.api ?? this.spawn();
    return new Promise<AnalysisReport>((resolve, reject) => {
      const job = { reject };
      this.running = job;
      api.analyzeJson(JSON.stringify(map), options).then(
        (reportJson) => {
          if (this.running !== job) return;
          this.running = null;
          resolve(JSON.parse(reportJson) as AnalysisReport);
        },
        (error) => {
          if (this.running !== job) return;
          this.running = null;
          reject(error);
        },
      );
    });
  }

  cancel(): void {
    if (!this.running) return;
    this.running.reject(new AnalysisCancelled());
    this.running = null;
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }

  destroy(): void {
    this.cancel();
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }
}
