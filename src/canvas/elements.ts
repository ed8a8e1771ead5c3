// Snapshot → Cytoscape element definitions, and the diff between two snapshots. Pure: no cytoscape
// instance needed, so it is unit-tested headless and the canvas only applies what changed.
import { lifeStageIds } from '../model/rules.ts';
import { runInSlices } from '../model/tasks.ts';
import type { MapEdge, MapMeta, MapNode, PathwaysMap } from '../model/types.ts';
import { LEVEL_WIDTHS, SECTOR_COLORS, stageColor } from '../views/palette.ts';

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
  const stages = lifeStageIds(map.meta);
  return [...map.nodes.map((n) => nodeElement(n, stages)), ...map.edges.map(edgeElement)];
}

/** A map's element definitions built ahead (`buildElementsInSlices`), by id, for `diffElements` to take. */
export interface BuiltElements {
  map: PathwaysMap;
  nodes: Map<string, ElementDef>;
  edges: Map<string, ElementDef>;
}

/** Elements built between looks at the clock. */
const BUILD_STEP = 1000;

function* elementSteps(map: PathwaysMap): Generator<void, BuiltElements> {
  const stages = lifeStageIds(map.meta);
  const built: BuiltElements = { map, nodes: new Map(), edges: new Map() };
  let count = 0;
  for (const node of map.nodes) {
    built.nodes.set(node.id, nodeElement(node, stages));
    if (++count % BUILD_STEP === 0) yield;
  }
  for (const edge of map.edges) {
    built.edges.set(edge.id, edgeElement(edge));
    if (++count % BUILD_STEP === 0) yield;
  }
  return built;
}

/** `map`'s elements built a few ms per task: a county map's 25,000 in one go were ~40 ms. Null if no longer `wanted`. */
export async function buildElementsInSlices(map: PathwaysMap, wanted: () => boolean, budgetMs = 8): Promise<BuiltElements | null> {
  return (await runInSlices(elementSteps(map), budgetMs, wanted))?.value ?? null;
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
export function diffElements(prev: PathwaysMap | null, next: PathwaysMap, built?: BuiltElements | null): ElementDiff {
  const ahead = built?.map === next ? built : null;
  if (!prev) return { add: ahead ? [...ahead.nodes.values(), ...ahead.edges.values()] : buildElements(next), remove: [], update: [] };
  const diff: ElementDiff = { add: [], remove: [], update: [] };
  const stagesChanged = prev.meta.lifeStages !== next.meta.lifeStages;
  const stages = lifeStageIds(next.meta);
  const nodeElementOf = (node: MapNode) => ahead?.nodes.get(node.id) ?? nodeElement(node, stages);
  const edgeElementOf = (edge: MapEdge) => ahead?.edges.get(edge.id) ?? edgeElement(edge);
  const prevNodes = byId(prev.nodes);
  const nextNodeIds = new Set<string>();
  for (const node of next.nodes) {
    nextNodeIds.add(node.id);
    const before = prevNodes.get(node.id);
    if (!before) diff.add.push(nodeElementOf(node));
    else if (before !== node || stagesChanged) {
      if (before.type !== node.type) {
        diff.remove.push(node.id);
        diff.add.push(nodeElementOf(node));
      } else diff.update.push(nodeElementOf(node));
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
      diff.add.push(edgeElementOf(edge));
    } else diff.update.push(edgeElementOf(edge));
  }
  for (const id of prevEdges.keys()) if (!nextEdgeIds.has(id)) diff.remove.push(id);
  return diff;
}
