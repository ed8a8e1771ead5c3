// What every analysis needs to know about a map, computed once: stages in order, areas, populations,
// open programs, usable referrals, and who serves what.
import { DEFAULT_LIFE_STAGES, OPEN_PROGRAM_STATUSES, USABLE_REFERRAL_STATUSES } from '../model/constants.ts';
import { languagesOverlap } from '../model/language.ts';
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

const openStatuses: readonly string[] = OPEN_PROGRAM_STATUSES;
const usableStatuses: readonly string[] = USABLE_REFERRAL_STATUSES;

/** A program without a status is taken as active, a referral without one as active. */
export const isOpen = (program: ProgramNode): boolean => openStatuses.includes(program.status ?? 'active');
export const isUsable = (referral: ReferralEdge): boolean => usableStatuses.includes(referral.status ?? 'active');

export function mapContext(map: PathwaysMap): MapContext {
  const programs = map.nodes.filter((n): n is ProgramNode => n.type === 'program');
  const referrals = map.edges.filter((e): e is ReferralEdge => e.type === 'referral');
  return {
    map,
    stages: (map.meta.lifeStages ?? DEFAULT_LIFE_STAGES.map((id) => ({ id }))).map((s) => s.id),
    areas: (map.meta.areas ?? []).map((a) => a.id),
    populations: map.meta.populations ?? [],
    programs,
    programsById: new Map(programs.map((p) => [p.id, p])),
    openPrograms: programs.filter(isOpen),
    referrals,
    usableReferrals: referrals.filter(isUsable),
  };
}

export const servesStage = (program: ProgramNode, stage: string): boolean => !!program.lifeStages?.includes(stage);

/** No areas listed means every area. */
export const servesArea = (program: ProgramNode, area: string | undefined): boolean =>
  area === undefined || !program.areas?.length || program.areas.includes(area);

/**
 * A population is served when the program is open to it (no populations listed = everyone) and,
 * where both state languages, they share one (SPEC: a program whose languages are set and share none
 * with the population's does not serve it). Languages match by primary subtag: "es" serves "es-MX".
 */
export function servesPopulation(program: ProgramNode, population: Population): boolean {
  if (program.populations?.length && !program.populations.includes(population.id)) return false;
  if (program.languages?.length && population.languages?.length) {
    return languagesOverlap(program.languages, population.languages);
  }
  return true;
}
