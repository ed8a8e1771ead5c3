// The simulation's result: the SPEC's `simulate --json` shape (fields may be added, never renamed).

export interface SimulationOptions {
  /** People entering over the year (default 1,000). */
  cohort?: number;
  /** Seed of the random draws: same map and seed, same result. */
  seed?: number;
}

export interface SimulationResult {
  cohort: number;
  seed: number;
  mode: 'monte-carlo' | 'exact';
  /** Share of the cohort served at a program of each life stage. */
  reach: Record<string, number>;
  /** The same per population: the equity gap. */
  byPopulation: Record<string, Record<string, number>>;
  /** People lost: at a referral (edge id: the hand-off failed) or at a program (node id: dead end, or gave up waiting). */
  lostAt: Record<string, number>;
  /** Programs asked to serve more people than their capacity. */
  overCapacity: string[];
  /** People who arrived along each referral. */
  flows: Record<string, number>;
  /** People who reached the last life stage's programs (completion). */
  completed: number;
}

export interface ExactAnswer {
  reach: Record<string, number>;
  byPopulation: Record<string, Record<string, number>>;
  lostAt: Record<string, number>;
  flows: Record<string, number>;
}

export type ExactOutcome = { ok: true; answer: ExactAnswer } | { ok: false; reason: string };
