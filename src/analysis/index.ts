// The analysis of a map: pure and deterministic (same map, same report), shared by the worker and
// the command line. `analyzeWithPool` gives the same report, computing betweenness on several threads.
import type { PathwaysMap } from '../model/types.ts';
import { mapContext } from './context.ts';
import { coverageGaps, transitionGaps } from './gaps.ts';
import { brokenPathways } from './pathways.ts';
import { redundancies } from './redundancy.ts';
import { cachedStructure, cachedStructureInPool, type BetweennessPool } from './structure-cache.ts';
import type { AnalysisOptions, AnalysisReport } from './types.ts';

export type * from './types.ts';
export type { BetweennessPool } from './structure-cache.ts';

function findingsOf(map: PathwaysMap, options: AnalysisOptions): Omit<AnalysisReport, 'structure'> {
  const ctx = mapContext(map);
  return {
    gaps: [...coverageGaps(ctx), ...transitionGaps(ctx)],
    brokenPathways: brokenPathways(ctx),
    redundancies: redundancies(ctx, options.redundancyThreshold),
  };
}

export function analyze(map: PathwaysMap, options: AnalysisOptions = {}): AnalysisReport {
  return { ...findingsOf(map, options), structure: cachedStructure(map, options.seed ?? 1) };
}

export async function analyzeWithPool(map: PathwaysMap, options: AnalysisOptions, pool: BetweennessPool | null): Promise<AnalysisReport> {
  // Started first: while the pool computes betweenness, this thread finds the gaps and pathways.
  const structure = cachedStructureInPool(map, options.seed ?? 1, pool);
  const findings = findingsOf(map, options);
  return { ...findings, structure: await structure };
}
