// Our own `pathways-map` JSON, and Cytoscape.js JSON (`{elements: {nodes, edges}}`, as Cytoscape
// desktop reads and writes it). Cytoscape data carries every field; the map's meta travels in `data`.
import type { MapEdge, MapNode, PathwaysMap, Problem } from '../model/types.ts';
import { parseMapText } from '../model/validate.ts';
import { adoptEdges, adoptNode } from './foreign.ts';
import { decodeText, failed, finish, parseJson, problem, type ImportResult, type InputFile } from './common.ts';

export function exportJson(map: PathwaysMap): string {
  return JSON.stringify(map, null, 2) + '\n';
}

export function importJson(file: InputFile): ImportResult {
  const warnings: Problem[] = [];
  const decoded = decodeText(file, warnings);
  if ('problem' in decoded) return failed([decoded.problem], warnings);
  const result = parseMapText(decoded.text, file.name);
  const name = (p: Problem) => ({ path: p.path ? `${file.name} ${p.path}` : file.name, message: p.message });
  return { map: result.map, problems: result.problems.map(name), warnings: [...warnings, ...result.warnings.map(name)] };
}

const TOP_LEVEL = new Set(['format', 'version', 'meta', 'nodes', 'edges', 'views', 'positions']);

export function exportCyjs(map: PathwaysMap): string {
  const extra = Object.fromEntries(Object.entries(map).filter(([key]) => !TOP_LEVEL.has(key)));
  const cy = {
    format_version: '1.0',
    generated_by: 'pathways-studio',
    target_cytoscapejs_version: '~3.34',
    data: { name: map.meta.title, pathways: { meta: map.meta, views: map.views, extra } },
    elements: {
      nodes: map.nodes.map((node) => ({ data: { ...node }, ...(map.positions[node.id] ? { position: { ...map.positions[node.id] } } : {}) })),
      edges: map.edges.map((edge) => ({ data: { ...edge } })),
    },
  };
  return JSON.stringify(cy, null, 2) + '\n';
}

interface CyElement {
  data?: Record<string, unknown>;
  position?: { x: number; y: number };
}

export function importCyjs(file: InputFile): ImportResult {
  const warnings: Problem[] = [];
  const decoded = decodeText(file, warnings);
  if ('problem' in decoded) return failed([decoded.problem], warnings);
  const parsed = parseJson(decoded.text, file.name);
  if ('problem' in parsed) return failed([parsed.problem], warnings);
  const root = parsed.value as { data?: { name?: string; pathways?: { meta?: Record<string, unknown>; views?: PathwaysMap['views']; extra?: Record<string, unknown> } }; elements?: unknown };
  const elements = root?.elements as { nodes?: CyElement[]; edges?: CyElement[] } | CyElement[] | undefined;
  if (!elements) return failed([problem(file.name, 'has no "elements": not Cytoscape JSON')], warnings);
  // Cytoscape.js also accepts a flat list where edges are the entries with a source.
  const nodes = Array.isArray(elements) ? elements.filter((e) => e.data?.source === undefined) : (elements.nodes ?? []);
  const edges = Array.isArray(elements) ? elements.filter((e) => e.data?.source !== undefined) : (elements.edges ?? []);
  const positions: Record<string, { x: number; y: number }> = {};
  const origin = new Map<string, string>();
  const mapNodes = nodes.map((element, i) => {
    const data = { ...(element.data ?? {}) } as Record<string, unknown>;
    adoptNode(data);
    if (typeof data.label !== 'string') data.label = typeof data.name === 'string' ? data.name : String(data.id ?? '');
    if (element.position && data.id !== undefined) positions[String(data.id)] = { x: element.position.x, y: element.position.y };
    origin.set(`nodes:${data.id}`, `${file.name} elements.nodes[${i}]`);
    return data as MapNode;
  });
  const mapEdges = edges.map((element, i) => {
    const data = element.data as MapEdge;
    origin.set(`edges:${data?.id}`, `${file.name} elements.edges[${i}]`);
    return data;
  });
  const pathways = root.data?.pathways;
  const keptEdges = adoptEdges(mapNodes, mapEdges, origin, file.name, warnings);
  return finish(
    { title: root.data?.name ?? file.name.replace(/\.[^.]+$/, ''), nodes: mapNodes, edges: keptEdges, positions, meta: pathways?.meta, views: pathways?.views, extra: pathways?.extra, origin },
    warnings,
  );
}
