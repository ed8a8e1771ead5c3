// How a view draws: colour and size per node, and the legend that explains exactly those.
// Pure (no DOM): the canvas applies the result, the legend renders it, tests check it.
import { communityColor } from './analysis-overlays.ts';
import type { AnalysisReport } from '../analysis/types.ts';
import { lifeStageIds, lifeStagesOf } from '../model/rules.ts';
import { SECTOR_COLORS, SECTOR_LABELS, stageColor } from './palette.ts';
import { PROGRAM_STATUSES, SECTORS } from '../model/constants.ts';
import type { MapNode, PathwaysMap, ProgramStatus } from '../model/types.ts';
import { problemElements, visibleElements } from './filter.ts';
import type { LegendSection, SavedView, ViewMetric, ViewPresentation, ViewSizeBy } from './types.ts';

export const NEUTRAL_COLOR = '#8a94a6';

/** Okabe–Ito hues: tell apart with every common colour-vision deficiency. */
export const STATUS_COLORS: Record<ProgramStatus, string> = {
  active: '#009E73',
  waitlist: '#E69F00',
  paused: '#56B4E9',
  closed: '#D55E00',
};

const STATUS_LABELS: Record<ProgramStatus, string> = { active: 'Active', waitlist: 'Waitlist', paused: 'Paused', closed: 'Closed' };

/** Viridis, low to high: perceptually even and colour-blind safe. */
export const METRIC_RAMP = ['#FDE725', '#5EC962', '#21918C', '#3B528B', '#440154'] as const;

export const METRIC_LABELS: Record<ViewMetric | Exclude<ViewSizeBy, 'default'>, string> = {
  betweenness: 'Betweenness (brokerage)',
  degree: 'Degree (number of ties)',
  pagerank: 'PageRank (influence)',
  capacity: 'Capacity (people a year)',
};

export const MIN_SIZE = 18;
export const SIZE_RANGE = 70;

/** Node diameter for a value against the largest: area grows with the value. */
export function sizeFor(value: number, max: number): number {
  return Math.round(MIN_SIZE + SIZE_RANGE * Math.sqrt(max > 0 ? Math.max(0, value) / max : 0));
}

/** The ramp colour of a value against the largest (equal fifths of the range). */
export function rampColor(value: number, max: number): string {
  const t = max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
  return METRIC_RAMP[Math.min(METRIC_RAMP.length - 1, Math.floor(t * METRIC_RAMP.length))];
}

function metricValues(map: PathwaysMap, report: AnalysisReport | null, metric: ViewMetric | Exclude<ViewSizeBy, 'default'>): Map<string, number> {
  const values = new Map<string, number>();
  if (metric === 'capacity') {
    for (const node of map.nodes) if (node.type === 'program' && node.capacity !== undefined) values.set(node.id, node.capacity);
  } else if (report) {
    for (const [id, v] of Object.entries(report.structure[metric])) values.set(id, v);
  }
  return values;
}

function sectorOfNode(node: MapNode, byId: Map<string, MapNode>) {
  if (node.type === 'organization') return node.sector;
  const org = node.organization ? byId.get(node.organization) : undefined;
  return org?.type === 'organization' ? org.sector : undefined;
}

export function presentView(map: PathwaysMap, report: AnalysisReport | null, view: SavedView): ViewPresentation {
  const visible = visibleElements(map, report, view.filter);
  const shown = map.nodes.filter((n) => visible.has(n.id));
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const colors = new Map<string, string>();
  const legend: LegendSection[] = [];
  const colorBy = view.colorBy ?? 'lifeStage';

  if (colorBy === 'sector' || colorBy === 'lifeStage') {
    const sectorNodes = colorBy === 'sector' ? shown : shown.filter((n) => n.type === 'organization');
    for (const node of sectorNodes) {
      const sector = sectorOfNode(node, byId);
      colors.set(node.id, sector ? SECTOR_COLORS[sector] : NEUTRAL_COLOR);
    }
    const used = SECTORS.filter((s) => sectorNodes.some((n) => sectorOfNode(n, byId) === s));
    const hasUnknown = sectorNodes.some((n) => !sectorOfNode(n, byId));
    if (sectorNodes.length) {
      legend.push({
        title: colorBy === 'sector' ? 'Colour: sector (programs take their organization’s)' : 'Organizations by sector',
        items: [...used.map((s) => ({ label: SECTOR_LABELS[s], color: SECTOR_COLORS[s], shape: 'square' as const })), ...(hasUnknown ? [{ label: 'No sector', color: NEUTRAL_COLOR, shape: 'square' as const }] : [])],
      });
    }
  }
  if (colorBy === 'lifeStage') {
    const stages = lifeStageIds(map.meta);
    const labels = new Map(lifeStagesOf(map.meta).map((s) => [s.id, s.label]));
    const usedStages = new Set<number>();
    for (const node of shown) {
      if (node.type !== 'program') continue;
      const first = Math.min(...(node.lifeStages ?? []).map((s) => stages.indexOf(s)).filter((i) => i >= 0));
      const index = Number.isFinite(first) ? first : -1;
      usedStages.add(index);
      colors.set(node.id, stageColor(index));
    }
    const items = [...usedStages].sort((a, b) => a - b).map((i) => ({ label: i < 0 ? 'No life stage' : (labels.get(stages[i]) ?? stages[i]), color: stageColor(i), shape: 'dot' as const }));
    if (items.length) legend.push({ title: 'Programs by first life stage', items });
  }
  if (colorBy === 'community') {
    const communities = report?.structure.communities ?? {};
    const used = new Set<number>();
    for (const node of shown) {
      const c = communities[node.id];
      if (c === undefined) colors.set(node.id, NEUTRAL_COLOR);
      else {
        used.add(c);
        colors.set(node.id, communityColor(c));
      }
    }
    legend.push({
      title: 'Colour: community (who works together)',
      items: [...used].sort((a, b) => a - b).map((c) => ({ label: `Community ${c + 1}`, color: communityColor(c), shape: 'dot' as const })),
    });
  }
  if (colorBy === 'status') {
    const used = new Set<ProgramStatus>();
    for (const node of shown) {
      if (node.type === 'program') {
        const status = node.status ?? 'active';
        used.add(status);
        colors.set(node.id, STATUS_COLORS[status]);
      } else colors.set(node.id, NEUTRAL_COLOR);
    }
    const items = PROGRAM_STATUSES.filter((s) => used.has(s)).map((s) => ({ label: STATUS_LABELS[s], color: STATUS_COLORS[s], shape: 'dot' as const }));
    if (shown.some((n) => n.type === 'organization')) items.push({ label: 'Organization', color: NEUTRAL_COLOR, shape: 'dot' });
    legend.push({ title: 'Colour: program status', items });
  }
  if (colorBy === 'metric') {
    const metric = view.colorMetric ?? 'betweenness';
    const values = metricValues(map, report, metric);
    const max = Math.max(0, ...shown.map((n) => values.get(n.id) ?? 0));
    for (const node of shown) colors.set(node.id, rampColor(values.get(node.id) ?? 0, max));
    legend.push({
      title: `Colour: ${METRIC_LABELS[metric].toLowerCase()}`,
      ramp: true,
      items: [
        { label: 'Low', color: METRIC_RAMP[0], shape: 'dot' },
        { label: 'High', color: METRIC_RAMP[METRIC_RAMP.length - 1], shape: 'dot' },
      ],
    });
  }

  const sizes = new Map<string, number>();
  const sizeBy = view.sizeBy ?? 'default';
  let sizeNote: string | null = null;
  if (sizeBy !== 'default') {
    const values = metricValues(map, report, sizeBy);
    const max = Math.max(0, ...shown.map((n) => values.get(n.id) ?? 0));
    for (const node of shown) if (values.has(node.id)) sizes.set(node.id, sizeFor(values.get(node.id)!, max));
    sizeNote = `Size: ${METRIC_LABELS[sizeBy].toLowerCase()} — larger is more`;
  }
  const problems = view.filter?.problemsOnly ? problemElements(map, report) : null;
  const highlighted = new Set(problems ? [...problems.edges, ...[...problems.nodes].filter((id) => report?.brokenPathways.some((f) => f.node === id))] : []);
  return { visible, colors, sizes, legend, sizeNote, highlighted };
}
