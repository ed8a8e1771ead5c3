// The vocabulary of the `pathways-map` format (../shared/SPEC.md, "The domain").
// Every list here is the single source for the schema, the inspector's controls and the tests.

export const MAP_FORMAT = 'pathways-map' as const;
export const MAP_VERSION = 1 as const;

export const NODE_TYPES = ['organization', 'program'] as const;
export const EDGE_TYPES = ['referral', 'partnership', 'funding', 'data-sharing'] as const;

export const SECTORS = ['nonprofit', 'public', 'philanthropy', 'business', 'community'] as const;

export const DOMAINS = [
  'health',
  'education',
  'economic-security',
  'housing',
  'food',
  'family-support',
  'legal',
  'transportation',
  'other',
] as const;

export const PROGRAM_STATUSES = ['active', 'waitlist', 'paused', 'closed'] as const;
export const OPEN_PROGRAM_STATUSES = ['active', 'waitlist'] as const;
export const COSTS = ['free', 'sliding', 'fee'] as const;

export const REFERRAL_STATUSES = ['active', 'informal', 'broken', 'proposed'] as const;
export const USABLE_REFERRAL_STATUSES = ['active', 'informal'] as const;

/** The spectrum of collaboration, weakest to strongest. */
export const COLLABORATION_LEVELS = [
  'information-exchange',
  'coordinated',
  'cooperative',
  'collective-action',
] as const;

export const DEFAULT_LIFE_STAGES = [
  'prenatal-birth',
  'early-childhood',
  'k12',
  'postsecondary',
  'workforce',
  'aging',
] as const;

const DEFAULT_STAGE_LABELS: Record<string, string> = {
  'prenatal-birth': 'Prenatal & birth', 'early-childhood': 'Early childhood', k12: 'K–12', postsecondary: 'Postsecondary', workforce: 'Workforce', aging: 'Aging',
};

/** The default life stages with their labels, for a map that names none of its own. */
export function defaultLifeStages(): { id: string; label: string }[] {
  return DEFAULT_LIFE_STAGES.map((id) => ({ id, label: DEFAULT_STAGE_LABELS[id] }));
}

/** A map's life stages with their labels: its own, else the defaults. The one place labels come from. */
export function lifeStagesOf(meta: { lifeStages?: { id: string; label: string }[] }): { id: string; label: string }[] {
  return meta.lifeStages ?? defaultLifeStages();
}

/** Default hand-off success by referral status, used by the simulation (SPEC). */
export const DEFAULT_HANDOFF_RATE = { active: 0.8, informal: 0.5 } as const;

/** Default Jaccard threshold at or above which two programs are redundant (SPEC). */
export const DEFAULT_REDUNDANCY_THRESHOLD = 0.75;

/** Bounds that keep peers and files from flooding the model or the screen. */
export const LIMITS = {
  idLength: 200,
  labelLength: 200,
  descriptionLength: 5000,
  listLength: 200,
  urlLength: 2000,
  fileBytes: 20 * 1024 * 1024,
} as const;
