// Which nodes and edges a view shows. Pure: map + analysis report + filter → visible ids.
import type { AnalysisReport } from '../analysis/types.ts';
import { servesArea, servesPopulation, servesStage } from '../model/rules.ts';
import type { MapNode, PathwaysMap, Population, ProgramNode, Sector } from '../model/types.ts';
import type { ViewFilter } from './types.ts';

const isSet = <T>(list: readonly T[] | undefined): list is readonly T[] => !!list && list.length > 0;

function programMatches(program: ProgramNode, filter: ViewFilter, populations: Map<string, Population>): boolean {
  if (isSet(filter.lifeStages) && !filter.lifeStages.some((s) => servesStage(program, s))) return false;
  if (isSet(filter.areas) && !filter.areas.some((a) => servesArea(program, a))) return false;
  if (isSet(filter.statuses) && !filter.statuses.includes(program.status ?? 'active')) return false;
  if (isSet(filter.populations) && !filter.populations.some((id) => populations.has(id) && servesPopulation(program, populations.get(id)!))) return false;
  return true;
}

/** Nodes and edges the analysis flags as broken pathways (an edge brings its two ends). */
export function problemElements(map: PathwaysMap, report: AnalysisReport | null): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const edgeById = new Map(map.edges.map((e) => [e.id, e]));
  for (const finding of report?.brokenPathways ?? []) {
    if (finding.node) nodes.add(finding.node);
    const edge = finding.edge ? edgeById.get(finding.edge) : undefined;
    if (edge) {
      edges.add(edge.id);
      nodes.add(edge.source);
      nodes.add(edge.target);
    }
  }
  return { nodes, edges };
}

export function visibleElements(map: PathwaysMap, report: AnalysisReport | null, filter: ViewFilter = {}): Set<string> {
  const populations = new Map((map.meta.populations ?? []).map((p) => [p.id, p]));
  const sectorOf = new Map<string, Sector | undefined>(map.nodes.flatMap((n) => (n.type === 'organization' ? [[n.id, n.sector]] : [])));
  const programFiltered = isSet(filter.lifeStages) || isSet(filter.areas) || isSet(filter.statuses) || isSet(filter.populations);
  const problems = filter.problemsOnly ? problemElements(map, report) : null;
  const communities = report?.structure.communities;

  const matchingPrograms = new Set(
    map.nodes.filter((n): n is ProgramNode => n.type === 'program' && programMatches(n, filter, populations)).map((p) => p.id),
  );
  // An organization passes the program filters when it runs a program that does.
  const orgsWithMatches = new Set(
    map.nodes.flatMap((n) => (n.type === 'program' && matchingPrograms.has(n.id) && n.organization ? [n.organization] : [])),
  );

  const nodeVisible = (node: MapNode): boolean => {
    if (isSet(filter.nodeTypes) && !filter.nodeTypes.includes(node.type)) return false;
    if (isSet(filter.sectors)) {
      const sector = node.type === 'organization' ? node.sector : node.organization ? sectorOf.get(node.organization) : undefined;
      if (!sector || !filter.sectors.includes(sector)) return false;
    }
    if (programFiltered && !(node.type === 'program' ? matchingPrograms.has(node.id) : orgsWithMatches.has(node.id))) return false;
    // Without an analysis yet, communities are unknown: the filter waits rather than hiding everything.
    if (isSet(filter.communities) && communities && !filter.communities.includes(communities[node.id] ?? -1)) return false;
    if (problems && !problems.nodes.has(node.id)) return false;
    return true;
  };

  const visible = new Set<string>();
  for (const node of map.nodes) if (nodeVisible(node)) visible.add(node.id);
  for (const edge of map.edges) {
    if (!visible.has(edge.source) || !visible.has(edge.target)) continue;
    if (isSet(filter.edgeTypes) && !filter.edgeTypes.includes(edge.type)) continue;
    if (problems && !problems.edges.has(edge.id)) continue;
    visible.add(edge.id);
  }
  return visible;
}
