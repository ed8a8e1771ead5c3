// Compares two maps (two versions, a version and now, or two files): what was added, removed and
// changed, how the network measures moved, which gaps and broken pathways opened or closed, and how far
// a simulated cohort gets then and now (same seed, same cohort). Reuses the analysis and the simulation;
// the shape is the SPEC's `diff --json` (fields may be added, none renamed). Pure.
import { analyze } from '../analysis/index.ts';
import type { AnalysisReport, BrokenPathway, Gap } from '../analysis/types.ts';
import { COLLABORATION_LEVELS } from '../model/constants.ts';
import type { MapEdge, MapNode, Outcome, PathwaysMap } from '../model/types.ts';
import { DEFAULT_COHORT, simulate } from '../simulation/index.ts';

export interface BeforeAfter<T> {
  before: T;
  after: T;
}

export interface MapDiff {
  added: { nodes: string[]; edges: string[] };
  removed: { nodes: string[]; edges: string[] };
  changed: { nodes: Record<string, string[]>; edges: Record<string, string[]> };
  /** density, crossSectorShare, modularity, communities, articulationPoints, bridges, ties.<level>, nodes, edges, gaps, brokenPathways */
  measures: Record<string, BeforeAfter<number>>;
  /** The five strongest brokers (highest betweenness), then and now. */
  brokers: BeforeAfter<string[]>;
  /** Single points of failure (articulation points) that appeared or went away. */
  singlePointsOfFailure: { added: string[]; removed: string[] };
  gaps: { opened: Gap[]; closed: Gap[] };
  brokenPathways: { opened: BrokenPathway[]; closed: BrokenPathway[] };
  /** Share of the cohort reaching each life stage. */
  reach: BeforeAfter<Record<string, number>>;
  byPopulation: BeforeAfter<Record<string, Record<string, number>>>;
  simulation: { cohort: number; seed: number };
  /** Shared outcomes (meta.outcomes) by measure, then and now. */
  outcomes: { measure: string; stage?: string; before?: OutcomeValues; after?: OutcomeValues }[];
}

export type OutcomeValues = Pick<Outcome, 'baseline' | 'target' | 'actual'>;

export interface DiffOptions {
  seed?: number;
  cohort?: number;
  /** Reports already computed (the studio's worker has the current one). */
  reports?: Partial<BeforeAfter<AnalysisReport>>;
}

const BROKERS = 5;

/** The fields whose values differ (unknown fields included); `id` never. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => key !== 'id' && JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort();
}

function compareEntries<T extends MapNode | MapEdge>(before: readonly T[], after: readonly T[]) {
  const old = new Map(before.map((e) => [e.id, e]));
  const now = new Map(after.map((e) => [e.id, e]));
  const changed: Record<string, string[]> = {};
  for (const [id, entry] of now) {
    const was = old.get(id);
    // Versions share unchanged entries (frozen snapshot objects): identity settles most of them.
    if (!was || was === entry || JSON.stringify(was) === JSON.stringify(entry)) continue;
    const fields = changedFields(was, entry);
    if (fields.length) changed[id] = fields;
  }
  return {
    added: after.filter((e) => !old.has(e.id)).map((e) => e.id),
    removed: before.filter((e) => !now.has(e.id)).map((e) => e.id),
    changed,
  };
}

/** Added, removed and changed elements only: fast, for drawing on the canvas. */
export function elementChanges(before: PathwaysMap, after: PathwaysMap): Pick<MapDiff, 'added' | 'removed' | 'changed'> {
  const nodes = compareEntries(before.nodes, after.nodes);
  const edges = compareEntries(before.edges, after.edges);
  return {
    added: { nodes: nodes.added, edges: edges.added },
    removed: { nodes: nodes.removed, edges: edges.removed },
    changed: { nodes: nodes.changed, edges: edges.changed },
  };
}

/** Items in `after` and not in `before`, and the other way round, compared by their JSON. */
function openedClosed<T>(before: T[], after: T[]): { opened: T[]; closed: T[] } {
  const key = (item: T) => JSON.stringify(item, Object.keys(item as object).sort());
  const old = new Set(before.map(key));
  const now = new Set(after.map(key));
  return { opened: after.filter((item) => !old.has(key(item))), closed: before.filter((item) => !now.has(key(item))) };
}

function measuresOf(map: PathwaysMap, report: AnalysisReport): Record<string, number> {
  const s = report.structure;
  const measures: Record<string, number> = {
    nodes: map.nodes.length,
    edges: map.edges.length,
    density: s.density,
    crossSectorShare: s.crossSectorShare,
    modularity: s.modularity,
    communities: new Set(Object.values(s.communities)).size,
    articulationPoints: s.articulationPoints.length,
    bridges: s.bridges.length,
    gaps: report.gaps.length,
    brokenPathways: report.brokenPathways.length,
  };
  for (const level of COLLABORATION_LEVELS) measures[`ties.${level}`] = s.levels[level] ?? 0;
  return measures;
}

function topBrokers(report: AnalysisReport): string[] {
  return Object.entries(report.structure.betweenness)
    .filter(([, value]) => value > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, BROKERS)
    .map(([id]) => id);
}

function outcomesOf(before: PathwaysMap, after: PathwaysMap): MapDiff['outcomes'] {
  const values = (o: Outcome): OutcomeValues => ({ baseline: o.baseline, target: o.target, actual: o.actual });
  const keyOf = (o: Outcome) => o.id ?? `${o.measure}\u0000${o.stage ?? ''}`;
  const rows = new Map<string, MapDiff['outcomes'][number]>();
  for (const o of before.meta.outcomes ?? []) rows.set(keyOf(o), { measure: o.measure, ...(o.stage ? { stage: o.stage } : {}), before: values(o) });
  for (const o of after.meta.outcomes ?? []) {
    const row = rows.get(keyOf(o)) ?? { measure: o.measure, ...(o.stage ? { stage: o.stage } : {}) };
    rows.set(keyOf(o), { ...row, measure: o.measure, after: values(o) });
  }
  return [...rows.values()];
}

/** The whole comparison of `before` with `after`. */
export function diffMaps(before: PathwaysMap, after: PathwaysMap, options: DiffOptions = {}): MapDiff {
  const seed = options.seed ?? 1;
  const cohort = options.cohort ?? DEFAULT_COHORT;
  const reportBefore = options.reports?.before ?? analyze(before, { seed });
  const reportAfter = options.reports?.after ?? analyze(after, { seed });
  const measuresBefore = measuresOf(before, reportBefore);
  const measuresAfter = measuresOf(after, reportAfter);
  const simBefore = simulate(before, { seed, cohort });
  const simAfter = simulate(after, { seed, cohort });
  const points = openedClosed(reportBefore.structure.articulationPoints, reportAfter.structure.articulationPoints);
  return {
    ...elementChanges(before, after),
    measures: Object.fromEntries(Object.keys(measuresAfter).map((name) => [name, { before: measuresBefore[name], after: measuresAfter[name] }])),
    brokers: { before: topBrokers(reportBefore), after: topBrokers(reportAfter) },
    singlePointsOfFailure: { added: points.opened, removed: points.closed },
    gaps: openedClosed(reportBefore.gaps, reportAfter.gaps),
    brokenPathways: openedClosed(reportBefore.brokenPathways, reportAfter.brokenPathways),
    reach: { before: simBefore.reach, after: simAfter.reach },
    byPopulation: { before: simBefore.byPopulation, after: simAfter.byPopulation },
    simulation: { cohort, seed },
    outcomes: outcomesOf(before, after),
  };
}
