// Choices for the inspector's controls, from the SPEC's vocabulary and the map's own settings.
import { COLLABORATION_LEVELS, COSTS, DOMAINS, lifeStagesOf, PROGRAM_STATUSES, REFERRAL_STATUSES, SECTORS } from '../../model/constants.ts';
import type { MapMeta, PathwaysMap } from '../../model/types.ts';
import { LEVEL_LABELS, SECTOR_LABELS } from '../../canvas/palette.ts';

export type Option = { id: string; label: string };

const titleCase = (id: string) => id.replace(/-/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
const list = (ids: readonly string[], labels: Record<string, string> = {}): Option[] => ids.map((id) => ({ id, label: labels[id] ?? titleCase(id) }));

export const DOMAIN_OPTIONS = list(DOMAINS, { 'economic-security': 'Economic security', 'family-support': 'Family support' });
export const PROGRAM_STATUS_OPTIONS = list(PROGRAM_STATUSES, { waitlist: 'Waitlist' });
export const COST_OPTIONS = list(COSTS, { sliding: 'Sliding scale' });
export const SECTOR_OPTIONS = list(SECTORS, SECTOR_LABELS);
export const REFERRAL_STATUS_OPTIONS = list(REFERRAL_STATUSES);
export const LEVEL_OPTIONS = list(COLLABORATION_LEVELS, LEVEL_LABELS);

export function stageOptions(meta: MapMeta): Option[] {
  return lifeStagesOf(meta).map((s) => ({ id: s.id, label: s.label }));
}

export const areaOptions = (meta: MapMeta): Option[] => (meta.areas ?? []).map((a) => ({ id: a.id, label: a.label }));
export const populationOptions = (meta: MapMeta): Option[] => (meta.populations ?? []).map((p) => ({ id: p.id, label: p.label }));

export function organizationOptions(map: PathwaysMap): Option[] {
  return map.nodes.filter((n) => n.type === 'organization').map((n) => ({ id: n.id, label: n.label })).sort((a, b) => a.label.localeCompare(b.label));
}

/** Language codes worth suggesting: the populations' languages and English. */
export function languageSuggestions(meta: MapMeta): string[] {
  return [...new Set(['en', ...(meta.populations ?? []).flatMap((p) => p.languages ?? [])])];
}

export const LANGUAGE_PATTERN = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
export const URL_PATTERN = /^https?:\/\/\S+$/;
