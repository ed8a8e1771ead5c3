// The analysis of a map: pure and deterministic (same map, same report), shared by the worker and
// the command line. `analyzeWithPool` gives the same report, computing betweenness on several threads.
import type { PathwaysMap } from '../model/types.ts';
import { mapContext } from './context.ts';
import { coverageGaps, transitionGaps } from './gaps.ts';
import { brokenPathways } from './pathways.ts';
import { redundancies } from './redundancy.ts';
import { cachedStructure, cachedStructureInPool, type BetweennessPool } from './structure-cache.ts';
import type { AnalysisOptions, AnalysisReport, StructureReport } from './types.ts';

export type * from './types.ts';
export type { BetweennessPool } from './structure-cache.ts';

function report(map: PathwaysMap, options: AnalysisOptions, structure: StructureReport): AnalysisReport {
  const ctx = mapContext(map);
  return {
    gaps: [...coverageGaps(ctx), ...transitionGaps(ctx)],
    brokenPathways: brokenPathways(ctx),
    redundancies: redundancies(ctx, options.redundancyThreshold),
    structure,
  };
}

export function analyze(map: PathwaysMap, options: AnalysisOptions = {}): AnalysisReport {
  return report(map, options, cachedStructure(map, options.seed ?? 1));
}

export async function analyzeWithPool(map: PathwaysMap, options: AnalysisOptions, pool: BetweennessPool | null): Promise<AnalysisReport> {
  return report(map, options, await cachedStructureInPool(map, options.seed ?? 1, pool));
}
