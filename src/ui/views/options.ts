// Labels for the view editor's controls, from the model's vocabularies (one source of truth).
import { EDGE_TYPES, PROGRAM_STATUSES, SECTORS } from '../../model/constants.ts';
import { SECTOR_LABELS } from '../../views/palette.ts';
import { lifeStagesOf } from '../../model/rules.ts';
import type { PathwaysMap } from '../../model/types.ts';
import { lifeStageIds } from '../../model/rules.ts';
import type { SavedView, ViewColorBy, ViewLayout, ViewSizeBy } from '../../views/types.ts';

export const COLOR_BY_OPTIONS: { id: ViewColorBy; label: string }[] = [
  { id: 'lifeStage', label: 'Life stage (organizations by sector)' },
  { id: 'sector', label: 'Sector' },
  { id: 'community', label: 'Community' },
  { id: 'status', label: 'Program status' },
  { id: 'metric', label: 'A network metric' },
];
export const SIZE_BY_OPTIONS: { id: ViewSizeBy; label: string }[] = [
  { id: 'default', label: 'Uniform' },
  { id: 'capacity', label: 'Capacity' },
  { id: 'betweenness', label: 'Brokerage (betweenness)' },
  { id: 'degree', label: 'Ties (degree)' },
];
export const LAYOUT_OPTIONS: { id: ViewLayout; label: string }[] = [
  { id: 'lanes', label: 'Life-stage lanes' },
  { id: 'force', label: 'Network (force)' },
  { id: 'concentric', label: 'Concentric by a metric' },
  { id: 'byArea', label: 'Grouped by area' },
];
export const METRIC_OPTIONS = [
  { id: 'betweenness', label: 'Betweenness' },
  { id: 'degree', label: 'Degree' },
  { id: 'pagerank', label: 'PageRank' },
] as const;

const words = (id: string) => id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

export function filterOptions(map: PathwaysMap) {
  const stageLabels = new Map(lifeStagesOf(map.meta).map((s) => [s.id, s.label]));
  return {
    nodeTypes: [{ id: 'organization', label: 'Organizations' }, { id: 'program', label: 'Programs' }],
    edgeTypes: EDGE_TYPES.map((t) => ({ id: t, label: words(t) })),
    sectors: SECTORS.map((s) => ({ id: s, label: SECTOR_LABELS[s] })),
    lifeStages: lifeStageIds(map.meta).map((id) => ({ id, label: stageLabels.get(id) ?? words(id) })),
    areas: (map.meta.areas ?? []).map((a) => ({ id: a.id, label: a.label })),
    populations: (map.meta.populations ?? []).map((p) => ({ id: p.id, label: p.label })),
    statuses: PROGRAM_STATUSES.map((s) => ({ id: s, label: words(s) })),
  };
}

/** A one-line summary of what a view shows, for the switcher. */
export function describeView(view: SavedView): string {
  const parts = [LAYOUT_OPTIONS.find((l) => l.id === (view.layout ?? 'lanes'))?.label ?? ''];
  if (view.colorBy) parts.push(`colour: ${COLOR_BY_OPTIONS.find((c) => c.id === view.colorBy)?.label.toLowerCase()}`);
  if (view.sizeBy && view.sizeBy !== 'default') parts.push(`size: ${view.sizeBy}`);
  if (view.filter?.problemsOnly) parts.push('problems only');
  return parts.join(' · ');
}
