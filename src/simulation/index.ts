// The cohort simulation of a map: pure and seeded (same map and seed, same result), shared by the
// worker and the command line. Monte-Carlo always; the exact answer beside it where the model allows.
import type { PathwaysMap } from '../model/types.ts';
import { exactAnswer } from './exact.ts';
import { monteCarlo } from './monte-carlo.ts';
import { compileNetwork } from './network.ts';
import type { ExactAnswer, SimulationOptions, SimulationResult } from './types.ts';

export type * from './types.ts';

export const DEFAULT_COHORT = 1000;

export interface SimulationRun extends SimulationResult {
  /** The exact answer, or why there is none (cycles, binding capacity). */
  exact?: ExactAnswer;
  exactUnavailable?: string;
}

export function simulate(map: PathwaysMap, options: SimulationOptions & { exact?: boolean } = {}, onProgress?: (done: number) => void): SimulationRun {
  const cohort = Math.max(0, Math.floor(options.cohort ?? DEFAULT_COHORT));
  const seed = options.seed ?? 1;
  const net = compileNetwork(map, { ...(options.entry !== undefined ? { stage: options.entry } : {}), ...(options.entrySplit ? { split: options.entrySplit } : {}) });
  const result: SimulationRun = monteCarlo(net, cohort, seed, onProgress);
  if (options.exact) {
    const outcome = exactAnswer(net, cohort);
    if (outcome.ok) result.exact = outcome.answer;
    else result.exactUnavailable = outcome.reason;
  }
  return result;
}

export { compileNetwork, exactAnswer, monteCarlo };
export { entrySplit } from './network.ts';
