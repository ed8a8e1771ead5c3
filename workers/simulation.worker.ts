// Thin comlink entry: cohort simulations and scenario comparisons run here, off the page's main thread.
// Maps cross as JSON text (cheap to clone); progress comes back through a proxied callback.
import * as Comlink from 'comlink';
import { simulate, type SimulationOptions } from '../src/simulation/index.ts';
import { compareScenario, whoIsCritical, type Scenario } from '../src/simulation/scenarios.ts';

const api = {
  run: (mapJson: string, options: SimulationOptions, onProgress?: (done: number) => void) =>
    simulate(JSON.parse(mapJson), { ...options, exact: true }, onProgress ? (done) => void onProgress(done) : undefined),
  compare: (mapJson: string, scenario: Scenario, options: SimulationOptions) => compareScenario(JSON.parse(mapJson), scenario, options),
  critical: (mapJson: string, options: SimulationOptions) => whoIsCritical(JSON.parse(mapJson), options),
};
export type SimulationWorkerApi = typeof api;
Comlink.expose(api);
