// The page's side of the simulation worker. Cancel terminates the worker (a run in flight cannot be
// interrupted otherwise) and the next request starts a fresh one.
import * as Comlink from 'comlink';
import type { SimulationWorkerApi } from '../../workers/simulation.worker.ts';

export class SimulationCancelled extends Error {
  constructor() {
    super('simulation cancelled');
  }
}

export class SimulationClient {
  private worker: Worker | null = null;
  private api: Comlink.Remote<SimulationWorkerApi> | null = null;
  private rejectRunning: ((error: Error) => void) | null = null;

  private remote(): Comlink.Remote<SimulationWorkerApi> {
    if (!this.api) {
      this.worker = new Worker(new URL('../../workers/simulation.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
      this.api = Comlink.wrap<SimulationWorkerApi>(this.worker);
    }
    return this.api;
  }

  /** Runs `job` on the worker; rejects with SimulationCancelled if cancelled first. */
  run<T>(job: (api: Comlink.Remote<SimulationWorkerApi>) => Promise<T>): Promise<T> {
    this.cancel();
    return new Promise<T>((resolve, reject) => {
      this.rejectRunning = reject;
      job(this.remote()).then(
        (value) => {
          if (this.rejectRunning !== reject) return;
          this.rejectRunning = null;
          resolve(value);
        },
        (error) => {
          if (this.rejectRunning !== reject) return;
          this.rejectRunning = null;
          reject(error);
        },
      );
    });
  }

  cancel(): void {
    if (!this.rejectRunning) return;
    this.rejectRunning(new SimulationCancelled());
    this.rejectRunning = null;
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
