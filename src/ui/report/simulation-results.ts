// Reads the latest simulation results off the studio without depending on the simulation module
// (built separately): anything with the SPEC's `simulate --json` shape (`reach`: stage → share) counts.
export interface SimulationSummary {
  cohort?: number;
  reach: Record<string, number>;
  byPopulation?: Record<string, Record<string, number>>;
  entry?: { stage?: string; programs: Record<string, number> };
  lostBy?: Record<string, number>;
}

function asSummary(value: unknown): SimulationSummary | null {
  if (!value || typeof value !== 'object') return null;
  const reach = (value as { reach?: unknown }).reach;
  if (!reach || typeof reach !== 'object') return null;
  const entries = Object.entries(reach as Record<string, unknown>).filter(([, v]) => typeof v === 'number');
  if (!entries.length) return null;
  const { cohort, byPopulation, entry, lostBy } = value as { cohort?: unknown; byPopulation?: unknown; entry?: unknown; lostBy?: unknown };
  return {
    ...(entry && typeof entry === 'object' && typeof (entry as { programs?: unknown }).programs === 'object' ? { entry: entry as SimulationSummary['entry'] } : {}),
    ...(lostBy && typeof lostBy === 'object' ? { lostBy: lostBy as Record<string, number> } : {}),
    reach: Object.fromEntries(entries) as Record<string, number>,
    ...(typeof cohort === 'number' ? { cohort } : {}),
    ...(byPopulation && typeof byPopulation === 'object' ? { byPopulation: byPopulation as Record<string, Record<string, number>> } : {}),
  };
}

/** The simulation's latest result if there is one, looked for where a state class would keep it. */
export function latestSimulation(studio: object): SimulationSummary | null {
  const simulation = (studio as { simulation?: unknown }).simulation;
  if (!simulation || typeof simulation !== 'object') return null;
  const s = simulation as Record<string, unknown>;
  for (const candidate of [s.result, s.results, s.baseline, s.report, s.latest, simulation]) {
    const summary = asSummary(candidate) ?? asSummary((candidate as { baseline?: unknown } | undefined)?.baseline);
    if (summary) return summary;
  }
  return null;
}
