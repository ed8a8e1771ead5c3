// Rules across a map's entries, which no single entry's schema can see: unique ids, edge endpoints of
// the right kinds, programs' organizations, and references to the map's life stages, areas, populations.
import { lifeStageIds } from './rules.ts';
import type { MapEdge, MapNode, PathwaysMap, Problem } from './types.ts';

/** Endpoint rules by edge type. */
const ENDPOINTS: Record<MapEdge['type'], { source: MapNode['type'][]; target: MapNode['type'][]; text: string }> = {
  referral: { source: ['program'], target: ['program'], text: 'a referral goes from a program to a program' },
  partnership: { source: ['organization'], target: ['organization'], text: 'a partnership joins two organizations' },
  'data-sharing': { source: ['organization'], target: ['organization'], text: 'data sharing joins two organizations' },
  funding: { source: ['organization'], target: ['organization', 'program'], text: 'funding goes from an organization to an organization or a program' },
};

/** Why an edge of this type cannot join these node types, or null when it can. */
export function endpointProblem(type: MapEdge['type'], sourceType: MapNode['type'], targetType: MapNode['type']): string | null {
  const rule = ENDPOINTS[type];
  if (!rule) return `unknown edge type "${type}"`;
  return rule.source.includes(sourceType) && rule.target.includes(targetType) ? null : rule.text;
}

/** Rules across entries: unique ids, endpoints, organizations, references to meta ids. */
export function crossReferenceProblems(map: PathwaysMap): { problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const nodeIndex = new Map<string, number>();
  map.nodes.forEach((node, i) => {
    const first = nodeIndex.get(node.id);
    if (first !== undefined) problems.push({ path: `nodes[${i}].id`, message: `duplicate id "${node.id}" (also nodes[${first}])` });
    else nodeIndex.set(node.id, i);
  });
  const edgeIndex = new Map<string, number>();
  map.edges.forEach((edge, i) => {
    const first = edgeIndex.get(edge.id);
    if (first !== undefined) problems.push({ path: `edges[${i}].id`, message: `duplicate id "${edge.id}" (also edges[${first}])` });
    else edgeIndex.set(edge.id, i);
    if (nodeIndex.has(edge.id)) problems.push({ path: `edges[${i}].id`, message: `"${edge.id}" is also a node id` });
    // An unknown type is reported by the schema; only its ends are checked here (no crash).
    const rule = ENDPOINTS[edge.type] as (typeof ENDPOINTS)[MapEdge['type']] | undefined;
    for (const end of ['source', 'target'] as const) {
      const at = nodeIndex.get(edge[end]);
      if (at === undefined) problems.push({ path: `edges[${i}].${end}`, message: `no node "${edge[end]}"` });
      else if (!rule) continue;
      else if (!rule.source.includes(map.nodes[at].type) && end === 'source') problems.push({ path: `edges[${i}].source`, message: `"${edge.source}" is a ${map.nodes[at].type}; ${rule.text}` });
      else if (!rule.target.includes(map.nodes[at].type) && end === 'target') problems.push({ path: `edges[${i}].target`, message: `"${edge.target}" is a ${map.nodes[at].type}; ${rule.text}` });
    }
  });
  const stageIds = new Set(lifeStageIds(map.meta));
  const areaIds = new Set((map.meta.areas ?? []).map((a) => a.id));
  const populationIds = new Set((map.meta.populations ?? []).map((p) => p.id));
  map.nodes.forEach((node, i) => {
    if (node.type !== 'program') return;
    if (node.organization !== undefined) {
      const at = nodeIndex.get(node.organization);
      if (at === undefined) problems.push({ path: `nodes[${i}].organization`, message: `no node "${node.organization}"` });
      else if (map.nodes[at].type !== 'organization') problems.push({ path: `nodes[${i}].organization`, message: `"${node.organization}" is a program, not an organization` });
    }
    const refs: [string, string[] | undefined, Set<string>, string][] = [
      ['lifeStages', node.lifeStages, stageIds, 'life stage'],
      ['areas', node.areas, areaIds, 'area'],
      ['populations', node.populations, populationIds, 'population'],
    ];
    for (const [field, values, known, what] of refs) {
      values?.forEach((value, j) => {
        if (!known.has(value)) warnings.push({ path: `nodes[${i}].${field}[${j}]`, message: `the map has no ${what} "${value}"` });
      });
    }
  });
  for (const key of Object.keys(map.positions ?? {})) {
    if (!nodeIndex.has(key)) warnings.push({ path: `positions[${JSON.stringify(key)}]`, message: `no node "${key}"` });
  }
  return { problems, warnings };
}
