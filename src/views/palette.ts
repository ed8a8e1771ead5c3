// Colour-blind-safe palettes (Okabe & Ito, 2008) and the fixed colours of the studio. One source for
// the canvas stylesheet and the legend, so the legend always matches what is drawn.
import { COLLABORATION_LEVELS, DEFAULT_LIFE_STAGES, SECTORS } from '../model/constants.ts';
import type { CollaborationLevel, ReferralStatus, Sector } from '../model/types.ts';

export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'] as const;

export const SECTOR_COLORS: Record<Sector, string> = {
  nonprofit: '#0072B2',
  public: '#009E73',
  philanthropy: '#CC79A7',
  business: '#E69F00',
  community: '#D55E00',
};

export const SECTOR_LABELS: Record<Sector, string> = {
  nonprofit: 'Nonprofit',
  public: 'Public agency',
  philanthropy: 'Philanthropy',
  business: 'Business',
  community: 'Community group',
};

/** Life stages in order along a sequential, colour-blind-safe ramp (light to dark reads as time). */
const STAGE_RAMP = ['#F0E442', '#E69F00', '#56B4E9', '#009E73', '#0072B2', '#CC79A7', '#D55E00', '#999999'];

export function stageColor(index: number): string {
  return index < 0 ? '#BBBBBB' : STAGE_RAMP[index % STAGE_RAMP.length];
}

export const REFERRAL_COLORS: Record<ReferralStatus, string> = {
  active: '#1d3557',
  informal: '#1d3557',
  broken: '#C0392B',
  proposed: '#8a94a6',
};

export const LEVEL_WIDTHS: Record<CollaborationLevel, number> = {
  'information-exchange': 1.5,
  coordinated: 3,
  cooperative: 5,
  'collective-action': 8,
};

export const LEVEL_LABELS: Record<CollaborationLevel, string> = {
  'information-exchange': 'Information exchange',
  coordinated: 'Coordinated',
  cooperative: 'Cooperative',
  'collective-action': 'Collective action',
};

export const PARTNERSHIP_COLOR = '#6c5b7b';
export const FUNDING_COLOR = '#2a9d8f';
export const DATA_SHARING_COLOR = '#7f8c8d';
export const SELECTION_COLOR = '#ff006e';

