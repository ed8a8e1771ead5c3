// Thin comlink entry: cohort simulations and scenario comparisons run here, off the page's main thread.
// Maps cross as JSON text (cheap to clone; in parts, text-parts.ts); progress comes back through a proxied callback.
import * as Comlink from 'comlink';
import { simulate, type SimulationOptions } from '../src/simulation/index.ts';
import { compareScenario, whoIsCritical, type Scenario } from '../src/simulation/scenarios.ts';
import { TextInbox, type TextRef } from '../src/workers-client/text-parts.ts';

const inbox = new TextInbox();

const api = {
  textPart: inbox.textPart,
  run: (map: TextRef, options: SimulationOptions, onProgress?: (done: number) => void) =>
    simulate(JSON.parse(inbox.take(map)), { ...options, exact: true }, onProgress ? (done) => void onProgress(done) : undefined),
  compare: (map: TextRef, scenario: Scenario, options: SimulationOptions) => compareScenario(JSON.parse(inbox.take(map)), scenario, options),
  critical: (map: TextRef, options: SimulationOptions) => whoIsCritical(JSON.parse(inbox.take(map)), options),
};
export type SimulationWorkerApi = typeof api;
Comlink.expose(api);
