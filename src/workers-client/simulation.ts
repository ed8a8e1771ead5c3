// The page's side of the simulation worker: one job at a time, cancellable.
import type { SimulationWorkerApi } from '../../workers/simulation.worker.ts';
import { CancellableWorker } from './cancellable.ts';

export class SimulationCancelled extends Error {
  constructor() {
    super('simulation cancelled');
  }
}

export class SimulationClient extends CancellableWorker<SimulationWorkerApi> {
  constructor() {
    super(() => new Worker(new URL('../../workers/simulation.worker.ts', import.meta.url), { type: 'module', name: 'simulation' }), () => new SimulationCancelled());
  }
}
