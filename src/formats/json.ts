// Our own `pathways-map` JSON, and Cytoscape JSON (desktop `.cyjs` and every shape cytoscape.js
// accepts). Cytoscape data carries every field; the map's meta travels in `data`. Ids, ends: graph-policy.ts.
import type { MapEdge, MapNode, PathwaysMap, Problem } from '../model/types.ts';
import { parseMapText } from '../model/validate.ts';
import { decodeText, failed, parseJson, problem, type ImportResult, type InputFile } from './common.ts';
import { EDGE_OWN, exportName, fieldName, settleGraph, type RawEntry } from './graph-policy.ts';

export function exportJson(map: PathwaysMap): string {
  return JSON.stringify(map, null, 2) + '\n';
}

export function importJson(file: InputFile): ImportResult {
  const warnings: Problem[] = [];
  const decoded = decodeText(file, warnings);
  if ('problem' in decoded) return failed([decoded.problem], warnings);
  const result = parseMapText(decoded.text, file.name);
  const name = (p: Problem) => ({ ...p, path: p.path ? `${file.name} ${p.path}` : file.name });
  return { map: result.map, problems: result.problems.map(name), warnings: [...warnings, ...result.warnings.map(name)] };
}

const TOP_LEVEL = new Set(['format', 'version', 'meta', 'nodes', 'edges', 'views', 'positions']);

/** Fields named `cy:…` are written as `cy:cy:…`, so that the importer's `cy:` for a clashing name reads back. */
const escaped = (entry: object) => Object.fromEntries(Object.entries(entry).map(([k, v]) => [exportName(k, new Set(), 'cy'), v]));

export function exportCyjs(map: PathwaysMap): string {
  const extra = Object.fromEntries(Object.entries(map).filter(([key]) => !TOP_LEVEL.has(key)));
  const cy = {
    format_version: '1.0',
    generated_by: 'pathways-studio',
    target_cytoscapejs_version: '~3.34',
    data: { name: map.meta.title, pathways: { meta: map.meta, views: map.views, extra } },
    elements: {
      nodes: map.nodes.map((node) => ({ data: escaped(node), ...(map.positions[node.id] ? { position: { ...map.positions[node.id] } } : {}) })),
      edges: map.edges.map((edge) => ({ data: escaped(edge) })),
    },
  };
  return JSON.stringify(cy, null, 2) + '\n';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasData = (list: unknown) => Array.isArray(list) && list.length > 0 && list.every((e) => isObject(e) && isObject(e.data));

/** Every form Cytoscape writes or cytoscape.js accepts: `{elements: {nodes, edges}}` (desktop `.cyjs`),
 * `{elements: [...]}`, a bare array of elements, or `{nodes, edges}` (cytoscape.js demos). */
function elementsOf(root: unknown): { list: unknown[]; grouped: boolean; base: string } | null {
  if (Array.isArray(root)) return { list: root, grouped: false, base: '' };
  if (!isObject(root)) return null;
  const holder = root.elements !== undefined ? root.elements : root;
  const base = root.elements !== undefined ? 'elements' : '';
  if (Array.isArray(holder)) return { list: holder, grouped: false, base };
  if (!isObject(holder) || (holder.nodes === undefined && holder.edges === undefined)) return null;
  if ((holder.nodes !== undefined && !Array.isArray(holder.nodes)) || (holder.edges !== undefined && !Array.isArray(holder.edges))) return null;
  const nodes = ((holder.nodes as unknown[]) ?? []).map((e) => ({ e, group: 'nodes' }));
  const edges = ((holder.edges as unknown[]) ?? []).map((e) => ({ e, group: 'edges' }));
  return { list: [...nodes, ...edges], grouped: true, base };
}

/** For format detection: JSON that is Cytoscape's (checked after our own, Kumu and before HSDS). */
export function isCytoscapeJson(value: unknown): boolean {
  if (isObject(value) && 'elements' in value) return true;
  if (Array.isArray(value)) return hasData(value);
  return isObject(value) && (hasData(value.nodes) || hasData(value.edges)) && !('organizations' in value) && !('services' in value);
}

const PREFIX = 'cy';

export function importCyjs(file: InputFile): ImportResult {
  const warnings: Problem[] = [];
  const decoded = decodeText(file, warnings);
  if ('problem' in decoded) return failed([decoded.problem], warnings);
  const parsed = parseJson(decoded.text, file.name);
  if ('problem' in parsed) return failed([parsed.problem], warnings);
  const root = parsed.value;
  const found = elementsOf(root);
  if (!found) return failed([problem(file.name, 'has no elements (an "elements" list or object, a list of elements, or "nodes" and "edges"): not Cytoscape JSON')], warnings);
  const positions = new Map<string, { x: number; y: number }>();
  const rawNodes: RawEntry[] = [];
  const rawEdges: RawEntry[] = [];
  const counts = { nodes: 0, edges: 0 };
  found.list.forEach((item, i) => {
    const wrapped = found.grouped ? (item as { e: unknown; group: 'nodes' | 'edges' }) : { e: item, group: undefined };
    const element = wrapped.e;
    const index = found.grouped ? counts[wrapped.group!]++ : i;
    const at = `${file.name} ${found.base}${found.grouped ? `${found.base ? '.' : ''}${wrapped.group}` : ''}[${index}]`;
    if (!isObject(element) || (element.data !== undefined && !isObject(element.data))) {
      warnings.push(problem(at, 'is not an element (an object with "data"); skipped', 'dropped-value'));
      return;
    }
    const data = (element.data ?? {}) as Record<string, unknown>;
    const group = wrapped.group ?? (element.group === 'edges' || (element.group === undefined && data.source !== undefined) ? 'edges' : 'nodes');
    // Copied key by key so that no key can reach a prototype (`__proto__` is kept as `cy:__proto__`).
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) fields[EDGE_OWN.has(key) ? key : fieldName(key, EDGE_OWN, PREFIX, at, warnings)] = value;
    const where = fields.id !== undefined ? `${at} ("${String(fields.id)}")` : at;
    if (group === 'edges') return rawEdges.push({ fields, at: where });
    const p = element.position;
    if (isObject(p) && typeof p.x === 'number' && typeof p.y === 'number' && Number.isFinite(p.x) && Number.isFinite(p.y) && fields.id !== undefined) positions.set(String(fields.id), { x: p.x, y: p.y });
    rawNodes.push({ fields, at: where });
  });
  const data = isObject(root) && isObject(root.data) ? root.data : {};
  const pathways = isObject(data.pathways) ? data.pathways : {};
  return settleGraph(
    {
      title: typeof data.name === 'string' && data.name.trim() ? data.name : file.name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, ''),
      positions: Object.fromEntries(positions),
      meta: isObject(pathways.meta) ? pathways.meta : undefined,
      views: Array.isArray(pathways.views) ? (pathways.views as PathwaysMap['views']) : undefined,
      extra: isObject(pathways.extra) ? pathways.extra : undefined,
    },
    rawNodes,
    rawEdges,
    file.name,
    PREFIX,
    warnings,
  );
}
