// Every finding of a report as one ranked list: a sentence, the people it affects (impact.ts), what it
// is about (life stage, area, organization: for grouping), and the elements to frame when it is chosen.
import { isOpenProgram, lifeStageIds, servesArea, servesStage } from '../model/rules.ts';
import type { PathwaysMap, ProgramNode } from '../model/types.ts';
import { ImpactModel, type Impact, type SimulationLosses } from './impact.ts';
import { describeGap, describePathway, describeRedundancy, indexOf, labelsFor } from './sentences.ts';
import type { AnalysisReport, BrokenPathway, BrokenPathwayKind, Gap, Redundancy } from './types.ts';

export type FindingKind = 'coverage' | 'transition' | BrokenPathwayKind | 'redundancy';

export type FindingSource = { kind: 'gap'; gap: Gap } | { kind: 'pathway'; pathway: BrokenPathway } | { kind: 'redundancy'; redundancy: Redundancy };

export interface Finding {
  /** Stable and unique within a report. */
  key: string;
  kind: FindingKind;
  text: string;
  impact: Impact;
  /** The earliest life stage it concerns (map order), the area and the organization, where it has one. */
  stage?: string;
  area?: string;
  organization?: string;
  source: FindingSource;
}

/** Kinds in the order a planner reads them, with their plural titles. */
export const FINDING_KINDS: [FindingKind, string][] = [
  ['coverage', 'Coverage gaps'],
  ['transition', 'Transition gaps'],
  ['broken-referral', 'Broken referrals'],
  ['referral-to-inactive', 'Referrals to paused or closed programs'],
  ['dead-end', 'Dead ends'],
  ['unreachable', 'Unreachable programs'],
  ['redundancy', 'Redundancies'],
];

/**
 * The report's findings, most people affected first (ties: kind order, then the report's order). A map
 * with no programs has none: every stage is trivially a gap there, which tells a new map nothing.
 */
export function rankedFindings(map: PathwaysMap, report: AnalysisReport, simulation: SimulationLosses | null = null): Finding[] {
  const programs = new Map(map.nodes.flatMap((n) => (n.type === 'program' ? [[n.id, n] as const] : [])));
  if (!programs.size) return [];
  const labels = labelsFor(map);
  const impact = new ImpactModel(map, simulation);
  const stageOrder = new Map(lifeStageIds(map.meta).map((s, i) => [s, i]));
  const firstStage = (program: ProgramNode | undefined) =>
    [...(program?.lifeStages ?? [])].filter((s) => stageOrder.has(s)).sort((a, b) => stageOrder.get(a)! - stageOrder.get(b)!)[0];
  const onlyArea = (program: ProgramNode | undefined) => (program?.areas?.length === 1 ? program.areas[0] : undefined);
  const edges = indexOf(map).edges;

  const found: Finding[] = [];
  for (const gap of report.gaps) {
    const stage = gap.kind === 'coverage' ? gap.stage : gap.from;
    const key = gap.kind === 'coverage' ? `coverage:${gap.stage}:${gap.area ?? ''}:${gap.population ?? ''}` : `transition:${gap.from}:${gap.to}:${gap.area ?? ''}`;
    found.push({ key, kind: gap.kind, text: describeGap(gap, labels), impact: impact.gap(gap), stage, area: gap.area, source: { kind: 'gap', gap } });
  }
  for (const pathway of report.brokenPathways) {
    const edge = pathway.edge ? edges.get(pathway.edge) : undefined;
    // A referral's finding belongs to the program that refers (the one that can fix it).
    const program = programs.get(edge?.source ?? pathway.node ?? '');
    found.push({
      key: `${pathway.kind}:${pathway.edge ?? ''}:${pathway.node ?? ''}`,
      kind: pathway.kind,
      text: describePathway(pathway, map, labels),
      impact: impact.pathway(pathway),
      stage: firstStage(program),
      area: onlyArea(program),
      organization: program?.organization,
      source: { kind: 'pathway', pathway },
    });
  }
  for (const redundancy of report.redundancies) {
    const [a, b] = redundancy.programs.map((id) => programs.get(id));
    found.push({
      key: `redundancy:${redundancy.programs.join(':')}`,
      kind: 'redundancy',
      text: describeRedundancy(redundancy, labels),
      impact: impact.redundancy(redundancy),
      stage: firstStage(a),
      area: onlyArea(a) ?? onlyArea(b),
      organization: a?.organization,
      source: { kind: 'redundancy', redundancy },
    });
  }
  const kindOrder = new Map(FINDING_KINDS.map(([kind], i) => [kind, i]));
  // Stable sort: equal impact keeps kind order, then the report's own order.
  return found
    .map((finding, i) => ({ finding, i }))
    .sort((x, y) => y.finding.impact.people - x.finding.impact.people || kindOrder.get(x.finding.kind)! - kindOrder.get(y.finding.kind)! || x.i - y.i)
    .map(({ finding }) => finding);
}

/**
 * The elements a finding points at, to select and frame: a referral and its two programs; a program;
 * both redundant programs; for a coverage gap the open programs serving that stage elsewhere; for a
 * transition gap the open programs of both stages in that area.
 */
export function findingTargets(finding: Finding, map: PathwaysMap): string[] {
  const source = finding.source;
  if (source.kind === 'redundancy') return [...source.redundancy.programs];
  if (source.kind === 'pathway') return pathwayTargets(source.pathway, map);
  return gapTargets(source.gap, map);
}

/** A broken referral and its two programs, or the program that is a dead end or unreachable. */
export function pathwayTargets(pathway: BrokenPathway, map: PathwaysMap): string[] {
  const edge = pathway.edge ? indexOf(map).edges.get(pathway.edge) : undefined;
  if (edge) return [edge.id, edge.source, edge.target];
  return pathway.node ? [pathway.node] : [];
}

export function gapTargets(gap: Gap, map: PathwaysMap): string[] {
  const programs = map.nodes.filter((n): n is ProgramNode => n.type === 'program' && isOpenProgram(n));
  if (gap.kind === 'coverage') return programs.filter((p) => servesStage(p, gap.stage)).map((p) => p.id);
  return programs.filter((p) => (servesStage(p, gap.from) || servesStage(p, gap.to)) && servesArea(p, gap.area)).map((p) => p.id);
}

/** The Insights tab's badge: gaps and broken pathways, none on a map without programs (as the list). */
export function problemTotal(map: PathwaysMap | null, report: AnalysisReport | null): number {
  if (!map || !report || !map.nodes.some((n) => n.type === 'program')) return 0;
  return report.gaps.length + report.brokenPathways.length;
}
