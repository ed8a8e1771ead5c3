// Each finding as a sentence a planner can read aloud at a convening.
import { lifeStagesOf } from '../model/rules.ts';
import type { MapEdge, MapNode, PathwaysMap } from '../model/types.ts';
import type { Impact, ImpactBasis } from './impact.ts';
import type { BrokenPathway, Gap, Redundancy } from './types.ts';

export interface Labels {
  stage(id: string): string;
  area(id: string): string;
  population(id: string): string;
  node(id: string): string;
}

export function labelsFor(map: PathwaysMap): Labels {
  const stages = new Map(lifeStagesOf(map.meta).map((s) => [s.id, s.label]));
  const areas = new Map((map.meta.areas ?? []).map((a) => [a.id, a.label]));
  const populations = new Map((map.meta.populations ?? []).map((p) => [p.id, p.label]));
  const nodes = new Map(map.nodes.map((n) => [n.id, n.label]));
  const humanize = (id: string) => id.replace(/-/g, ' ');
  return {
    stage: (id) => stages.get(id) ?? humanize(id),
    area: (id) => areas.get(id) ?? humanize(id),
    population: (id) => populations.get(id) ?? humanize(id),
    node: (id) => nodes.get(id) ?? id,
  };
}

const lower = (text: string) => (/^[A-Z][a-z]/.test(text) && !/^K–/.test(text) ? text[0].toLowerCase() + text.slice(1) : text);

export function describeGap(gap: Gap, labels: Labels): string {
  if (gap.kind === 'coverage') {
    const where = gap.area ? ` in ${labels.area(gap.area)}` : '';
    const who = gap.population ? ` for ${labels.population(gap.population)}` : '';
    return `No open program serves ${lower(labels.stage(gap.stage))}${where}${who}.`;
  }
  const where = gap.area ? ` in ${labels.area(gap.area)}` : '';
  return `No working referral carries people from ${lower(labels.stage(gap.from))} to ${lower(labels.stage(gap.to))}${where}.`;
}

/** Nodes and edges by id, built once per map (a county map has thousands of findings to describe). */
const indexes = new WeakMap<PathwaysMap, { nodes: Map<string, MapNode>; edges: Map<string, MapEdge> }>();
export function indexOf(map: PathwaysMap): { nodes: Map<string, MapNode>; edges: Map<string, MapEdge> } {
  let index = indexes.get(map);
  if (!index) indexes.set(map, (index = { nodes: new Map(map.nodes.map((n) => [n.id, n])), edges: new Map(map.edges.map((e) => [e.id, e])) }));
  return index;
}

export function describePathway(finding: BrokenPathway, map: PathwaysMap, labels: Labels): string {
  const edge = finding.edge ? indexOf(map).edges.get(finding.edge) : undefined;
  const route = edge ? `${labels.node(edge.source)} → ${labels.node(edge.target)}` : '';
  switch (finding.kind) {
    case 'broken-referral':
      return `The referral ${route} is broken.`;
    case 'referral-to-inactive': {
      const target = indexOf(map).nodes.get(finding.node!);
      const status = target?.type === 'program' ? target.status : 'inactive';
      return `${labels.node(edge?.source ?? '')} still refers people to ${labels.node(finding.node!)}, which is ${status}.`;
    }
    case 'dead-end':
      return `${labels.node(finding.node!)} refers no one onward: people who finish there have nowhere to go next.`;
    case 'unreachable':
      return `No entry point leads to ${labels.node(finding.node!)}: people cannot find their way there by referral.`;
  }
}

export function describeRedundancy(redundancy: Redundancy, labels: Labels): string {
  const [a, b] = redundancy.programs.map(labels.node);
  return `${a} and ${b} serve the same people in the same way (${Math.round(redundancy.similarity * 100)}% alike).`;
}

const BASIS: Record<ImpactBasis, string> = {
  simulation: 'from the latest simulation',
  referrals: 'from referral volume',
  capacity: 'from program capacity',
  shares: 'from population shares',
};

/** "≈ 1,240 people a year (from program capacity)" — what ranks a finding, and where the number comes from. */
export function describeImpact(impact: Impact): string {
  return `≈ ${impact.people.toLocaleString('en-US')} ${impact.people === 1 ? 'person' : 'people'} a year (${BASIS[impact.basis]})`;
}
