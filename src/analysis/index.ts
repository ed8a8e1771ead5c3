// The analysis of a map: pure and deterministic (same map, same report), shared by the worker and
// the command line.
import type { PathwaysMap } from '../model/types.ts';
import { mapContext } from './context.ts';
import { coverageGaps, transitionGaps } from './gaps.ts';
import { brokenPathways } from './pathways.ts';
import { redundancies } from './redundancy.ts';
import { cachedStructure } from './structure.ts';
import type { AnalysisOptions, AnalysisReport } from './types.ts';

export type * from './types.ts';

export function analyze(map: PathwaysMap, options: AnalysisOptions = {}): AnalysisReport {
  const ctx = mapContext(map);
  return {
    gaps: [...coverageGaps(ctx), ...transitionGaps(ctx)],
    brokenPathways: brokenPathways(ctx),
    redundancies: redundancies(ctx, options.redundancyThreshold),
    structure: cachedStructure(map, options.seed ?? 1),
  };
}
