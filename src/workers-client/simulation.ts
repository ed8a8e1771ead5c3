// The page's side of the simulation worker: one job at a time, cancellable.
import * as Comlink from 'comlink';
import type { SimulationWorkerApi } from '../../workers/simulation.worker.ts';
import type { PathwaysMap } from '../model/types.ts';
import type { SimulationOptions, SimulationRun } from '../simulation/index.ts';
import type { Comparison, Scenario } from '../simulation/scenarios.ts';
import { CancellableWorker } from './cancellable.ts';

export class SimulationCancelled extends Error {
  constructor() {
    super('simulation cancelled');
  }
}

export class SimulationClient {
  private readonly worker = new CancellableWorker<SimulationWorkerApi>(
    () => new Worker(new URL('../../workers/simulation.worker.ts', import.meta.url), { type: 'module', name: 'simulation' }),
    () => new SimulationCancelled(),
  );

  /** A cohort through `map`; `onProgress` hears how many people are done. */
  run(map: PathwaysMap, options: SimulationOptions, onProgress: (done: number) => void): Promise<SimulationRun> {
    const progress = Comlink.proxy(onProgress);
    return this.worker.runWithText([map], (api, [text]) => api.run(text, options, progress));
  }

  compare(map: PathwaysMap, scenario: Scenario, options: SimulationOptions): Promise<Comparison> {
    return this.worker.runWithText([map], (api, [text]) => api.compare(text, scenario, options));
  }

  critical(map: PathwaysMap, options: SimulationOptions): Promise<{ organization: string; lost: number }[]> {
    return this.worker.runWithText([map], (api, [text]) => api.critical(text, options));
  }

  cancel(): void {
    this.worker.cancel();
  }

  destroy(): void {
    this.worker.destroy();
  }
}
