// The simulation's result: the SPEC's `simulate --json` shape (fields may be added, never renamed).

export interface SimulationOptions {
  /** People entering over the year (default 1,000). */
  cohort?: number;
  /** Seed of the random draws: same map and seed, same result. */
  seed?: number;
  /** Enter only at entry points serving this life stage (all entry points when unset). */
  entry?: string;
  /** A fixed entry split (program id → share): a scenario keeps the baseline's. */
  entrySplit?: Record<string, number>;
}

/** Why people were lost (SPEC): the hand-off failed; it failed because of a language or area
 *  mismatch (the share of failures the barrier adds); into a paused or closed program; a dead end
 *  before the last stage; gave up waiting past capacity; not served at entry. */
export const LOSS_REASONS = ['handoff', 'barrier', 'closed', 'dead-end', 'capacity', 'entry'] as const;
export type LossReason = (typeof LOSS_REASONS)[number];

/** Where people entered: the life stage chosen (if any) and each entry point's share. */
export interface EntrySummary {
  stage?: string;
  programs: Record<string, number>;
}

export interface SimulationResult {
  cohort: number;
  seed: number;
  mode: 'monte-carlo' | 'exact';
  entry: EntrySummary;
  /** Share of the cohort served at a program of each life stage. */
  reach: Record<string, number>;
  /** The same per population: the equity gap. */
  byPopulation: Record<string, Record<string, number>>;
  /** People lost: at a referral (edge id: the hand-off failed) or at a program (node id: dead end, or gave up waiting). */
  lostAt: Record<string, number>;
  /** People lost, by reason. */
  lostBy: Partial<Record<LossReason, number>>;
  /** People lost at each place, by reason. */
  lostAtBy: Record<string, Partial<Record<LossReason, number>>>;
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
  lostBy: Partial<Record<LossReason, number>>;
  lostAtBy: Record<string, Partial<Record<LossReason, number>>>;
  flows: Record<string, number>;
}

export type ExactOutcome = { ok: true; answer: ExactAnswer } | { ok: false; reason: string };
