// Snapshot → Cytoscape element definitions, and the diff between two snapshots. Pure: no cytoscape
// instance needed, so it is unit-tested headless and the canvas only applies what changed.
import { lifeStagesOf } from '../model/constants.ts';
import type { MapEdge, MapMeta, MapNode, PathwaysMap } from '../model/types.ts';
import { LEVEL_WIDTHS, SECTOR_COLORS, stageColor } from './palette.ts';

export interface NodeData {
  id: string;
  label: string;
  kind: MapNode['type'];
  color: string;
  [key: string]: unknown;
}

export interface ElementDef {
  group: 'nodes' | 'edges';
  data: { id: string; [key: string]: unknown };
  classes: string;
}

export function stageIds(meta: MapMeta): string[] {
  return lifeStagesOf(meta).map((s) => s.id);
}

export function nodeElement(node: MapNode, stages: string[]): ElementDef {
  const classes: string[] = [node.type];
  let color: string;
  if (node.type === 'organization') {
    color = node.sector ? SECTOR_COLORS[node.sector] : '#8a94a6';
    if (node.backbone) classes.push('backbone');
  } else {
    const first = Math.min(...(node.lifeStages ?? []).map((s) => stages.indexOf(s)).filter((i) => i >= 0));
    color = stageColor(Number.isFinite(first) ? first : -1);
    if (node.status) classes.push(`status-${node.status}`);
    if (node.entryPoint) classes.push('entry');
  }
  const suffix = node.type === 'program' && (node.status === 'closed' || node.status === 'paused') ? ` (${node.status})` : '';
  return { group: 'nodes', data: { id: node.id, label: node.label + suffix, kind: node.type, color }, classes: classes.join(' ') };
}

export function edgeElement(edge: MapEdge): ElementDef {
  const classes: string[] = [edge.type];
  const data: ElementDef['data'] = { id: edge.id, source: edge.source, target: edge.target, kind: edge.type, width: 2 };
  if (edge.type === 'referral') classes.push(`referral-${edge.status ?? 'active'}`);
  if (edge.type === 'partnership') data.width = LEVEL_WIDTHS[edge.level ?? 'information-exchange'];
  return { group: 'edges', data, classes: classes.join(' ') };
}

export function buildElements(map: PathwaysMap): ElementDef[] {
  const stages = stageIds(map.meta);
  return [...map.nodes.map((n) => nodeElement(n, stages)), ...map.edges.map(edgeElement)];
}

export interface ElementDiff {
  add: ElementDef[];
  remove: string[];
  /** Same id, different data or classes. */
  update: ElementDef[];
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/**
 * What changed between two maps, by object identity first (the projector keeps unchanged entries
 * identical), so a one-node edit costs one comparison per entry, not a re-render.
 */
export function diffElements(prev: PathwaysMap | null, next: PathwaysMap): ElementDiff {
  if (!prev) return { add: buildElements(next), remove: [], update: [] };
  const diff: ElementDiff = { add: [], remove: [], update: [] };
  const stagesChanged = prev.meta.lifeStages !== next.meta.lifeStages;
  const stages = stageIds(next.meta);
  const prevNodes = byId(prev.nodes);
  const nextNodeIds = new Set<string>();
  for (const node of next.nodes) {
    nextNodeIds.add(node.id);
    const before = prevNodes.get(node.id);
    if (!before) diff.add.push(nodeElement(node, stages));
    else if (before !== node || stagesChanged) {
      if (before.type !== node.type) {
        diff.remove.push(node.id);
        diff.add.push(nodeElement(node, stages));
      } else diff.update.push(nodeElement(node, stages));
    }
  }
  for (const id of prevNodes.keys()) if (!nextNodeIds.has(id)) diff.remove.push(id);
  const prevEdges = byId(prev.edges);
  const nextEdgeIds = new Set<string>();
  for (const edge of next.edges) {
    nextEdgeIds.add(edge.id);
    const before = prevEdges.get(edge.id);
    if (before === edge) continue;
    // Endpoints cannot change in place in Cytoscape: replace the edge.
    if (!before || before.source !== edge.source || before.target !== edge.target) {
      if (before) diff.remove.push(edge.id);
      diff.add.push(edgeElement(edge));
    } else diff.update.push(edgeElement(edge));
  }
  for (const id of prevEdges.keys()) if (!nextEdgeIds.has(id)) diff.remove.push(id);
  return diff;
}
