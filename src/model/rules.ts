// Who a program serves, and what counts as open, usable and a hand-off — the SPEC's domain rules in one
// place. Analysis (gaps, redundancy), simulation (barriers, hand-offs) and views (filters) all read
// these, so the same program serves the same people in every feature.
import { DEFAULT_HANDOFF_RATE, defaultLifeStages, OPEN_PROGRAM_STATUSES, USABLE_REFERRAL_STATUSES } from './constants.ts';
import type { LifeStage, MapMeta, ProgramNode, ReferralEdge } from './types.ts';

const isSet = (list: readonly unknown[] | undefined): list is readonly unknown[] => !!list && list.length > 0;

/** The map's life stages in order: its own, or the default cradle-to-career six. */
export function lifeStagesOf(meta: Pick<MapMeta, 'lifeStages'>): LifeStage[] {
  return meta.lifeStages ?? defaultLifeStages();
}

export function lifeStageIds(meta: Pick<MapMeta, 'lifeStages'>): string[] {
  return lifeStagesOf(meta).map((s) => s.id);
}

const openStatuses: readonly string[] = OPEN_PROGRAM_STATUSES;
const usableStatuses: readonly string[] = USABLE_REFERRAL_STATUSES;

/** Open = active or waitlist; a program without a status is taken as active. */
export const isOpenProgram = (program: Pick<ProgramNode, 'status'>): boolean => openStatuses.includes(program.status ?? 'active');

/** Usable = active or informal; a referral without a status is taken as active. */
export const isUsableReferral = (referral: Pick<ReferralEdge, 'status'>): boolean => usableStatuses.includes(referral.status ?? 'active');

/**
 * Share of referred people who arrive: the edge's own rate, else 0.8 for an active and 0.5 for an
 * informal referral (SPEC); a referral that is not usable carries no one.
 */
export function handoffRateOf(referral: Pick<ReferralEdge, 'status' | 'handoffRate'>): number {
  if (!isUsableReferral(referral)) return 0;
  return referral.handoffRate ?? DEFAULT_HANDOFF_RATE[(referral.status ?? 'active') as keyof typeof DEFAULT_HANDOFF_RATE];
}

/** Two BCP-47 codes name the same language when their primary subtags match ("es" serves "es-MX"). */
export function primaryLanguage(code: string): string {
  return code.toLowerCase().split('-')[0];
}

/** True when the two lists share a language (by primary subtag). */
export function languagesOverlap(a: readonly string[], b: readonly string[]): boolean {
  const primaries = new Set(a.map(primaryLanguage));
  return b.some((code) => primaries.has(primaryLanguage(code)));
}

/** Both state languages and share none: the language barrier (SPEC). Unstated on either side = no barrier. */
export function languageMismatch(program: { languages?: readonly string[] }, population: { languages?: readonly string[] }): boolean {
  return isSet(program.languages) && isSet(population.languages) && !languagesOverlap(program.languages!, population.languages!);
}

/** Both state areas and share none: the area barrier (SPEC). */
export function areaMismatch(program: { areas?: readonly string[] }, population: { areas?: readonly string[] }): boolean {
  return isSet(program.areas) && isSet(population.areas) && !program.areas!.some((a) => population.areas!.includes(a));
}

export const servesStage = (program: Pick<ProgramNode, 'lifeStages'>, stage: string): boolean => !!program.lifeStages?.includes(stage);

/** No areas listed means every area; `undefined` asks about the map as a whole. */
export const servesArea = (program: Pick<ProgramNode, 'areas'>, area: string | undefined): boolean =>
  area === undefined || !isSet(program.areas) || program.areas!.includes(area);

/** Two programs reach the same people: a shared life stage, overlapping areas and overlapping
 *  populations (an empty list overlaps everything). The redundancy rule's "same people". */
export function reachSamePeople(a: Pick<ProgramNode, 'lifeStages' | 'areas' | 'populations'>, b: Pick<ProgramNode, 'lifeStages' | 'areas' | 'populations'>): boolean {
  const overlap = (x: readonly string[] | undefined, y: readonly string[] | undefined) => !isSet(x) || !isSet(y) || x!.some((v) => y!.includes(v));
  return !!a.lifeStages?.some((s) => servesStage(b, s)) && overlap(a.areas, b.areas) && overlap(a.populations, b.populations);
}

/**
 * A population is served when the program is open to it (no populations listed = everyone) and its
 * languages, where both state them, share one with the population's (SPEC, coverage gap).
 */
export function servesPopulation(
  program: Pick<ProgramNode, 'populations' | 'languages'>,
  population: { id: string; languages?: readonly string[] },
): boolean {
  if (isSet(program.populations) && !program.populations!.includes(population.id)) return false;
  return !languageMismatch(program, population);
}
