// Coverage gaps (who is not served at a life stage, where) and transition gaps (no usable referral
// carries people from one stage to the next), by the SPEC's definitions.
import type { MapContext } from './context.ts';
import { servesArea, servesPopulation, servesStage } from '../model/rules.ts';
import type { CoverageGap, TransitionGap } from './types.ts';

/**
 * (stage, area) with no open program, and — where the map defines populations — (stage, area,
 * population). A population that lists areas lives only there, so it is checked only in those areas.
 */
export function coverageGaps(ctx: MapContext): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  const areas: (string | undefined)[] = ctx.areas.length ? ctx.areas : [undefined];
  for (const stage of ctx.stages) {
    const atStage = ctx.openPrograms.filter((p) => servesStage(p, stage));
    for (const area of areas) {
      const here = atStage.filter((p) => servesArea(p, area));
      if (!here.length) gaps.push(area === undefined ? { kind: 'coverage', stage } : { kind: 'coverage', stage, area });
      for (const population of ctx.populations) {
        if (area !== undefined && population.areas?.length && !population.areas.includes(area)) continue;
        if (!here.some((p) => servesPopulation(p, population))) {
          gaps.push(area === undefined ? { kind: 'coverage', stage, population: population.id } : { kind: 'coverage', stage, area, population: population.id });
        }
      }
    }
  }
  return gaps;
}

/**
 * Consecutive stages s → s+1 with no usable referral from a program serving s to one serving s+1;
 * per area where the map defines areas (a referral counts for an area when both programs serve it).
 */
export function transitionGaps(ctx: MapContext): TransitionGap[] {
  const gaps: TransitionGap[] = [];
  const areas: (string | undefined)[] = ctx.areas.length ? ctx.areas : [undefined];
  const ends = ctx.usableReferrals
    .map((r) => [ctx.programsById.get(r.source), ctx.programsById.get(r.target)] as const)
    .filter(([s, t]) => s && t);
  for (let i = 0; i + 1 < ctx.stages.length; i++) {
    const [from, to] = [ctx.stages[i], ctx.stages[i + 1]];
    const crossing = ends.filter(([s, t]) => servesStage(s!, from) && servesStage(t!, to));
    for (const area of areas) {
      if (!crossing.some(([s, t]) => servesArea(s!, area) && servesArea(t!, area))) {
        gaps.push(area === undefined ? { kind: 'transition', from, to } : { kind: 'transition', from, to, area });
      }
    }
  }
  return gaps;
}
