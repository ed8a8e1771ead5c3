// What every analysis needs to know about a map, computed once: stages in order, areas, populations,
// open programs, usable referrals, and who serves what.
import { isOpenProgram, isUsableReferral, lifeStageIds } from '../model/rules.ts';
import type { PathwaysMap, Population, ProgramNode, ReferralEdge } from '../model/types.ts';

export interface MapContext {
  map: PathwaysMap;
  stages: string[];
  /** Area ids the map defines (empty: the map has no area dimension). */
  areas: string[];
  populations: Population[];
  programs: ProgramNode[];
  programsById: Map<string, ProgramNode>;
  openPrograms: ProgramNode[];
  referrals: ReferralEdge[];
  usableReferrals: ReferralEdge[];
}

export function mapContext(map: PathwaysMap): MapContext {
  const programs = map.nodes.filter((n): n is ProgramNode => n.type === 'program');
  const referrals = map.edges.filter((e): e is ReferralEdge => e.type === 'referral');
  return {
    map,
    stages: lifeStageIds(map.meta),
    areas: (map.meta.areas ?? []).map((a) => a.id),
    populations: map.meta.populations ?? [],
    programs,
    programsById: new Map(programs.map((p) => [p.id, p])),
    openPrograms: programs.filter(isOpenProgram),
    referrals,
    usableReferrals: referrals.filter(isUsableReferral),
  };
}

