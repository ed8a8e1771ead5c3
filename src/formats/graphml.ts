// GraphML as Gephi, Cytoscape desktop and networkx read it: every field a declared `<key>` with its
// type; node positions as `x`/`y`; the map's meta, views and unknown top-level fields as JSON on the graph.
import type { MapEdge, MapNode, PathwaysMap, Problem } from '../model/types.ts';
import { declareAttributes, JSON_ID_SUFFIX, openGraphXml, readValue, writeValue, type AttrDecl } from './attributes.ts';
import { adoptEdges, adoptNode } from './foreign.ts';
import { failed, finish, problem, type ImportResult, type InputFile } from './common.ts';
import { child, children, escapeXml, type XmlElement } from './xml.ts';

const TOP_LEVEL = new Set(['format', 'version', 'meta', 'nodes', 'edges', 'views', 'positions']);
const GRAPH_KEYS = { meta: 'g-meta-json', views: 'g-views-json', extra: 'g-extra-json' } as const;

export function exportGraphml(map: PathwaysMap): string {
  const nodeEntries = map.nodes.map((n) => ({ ...n, ...(map.positions[n.id] ? { x: map.positions[n.id].x, y: map.positions[n.id].y } : {}) }) as Record<string, unknown>);
  const nodeKeys = declareAttributes(nodeEntries, 'n', new Set(['id']));
  const edgeKeys = declareAttributes(map.edges as unknown as Record<string, unknown>[], 'e', new Set(['id', 'source', 'target']));
  const extra = Object.fromEntries(Object.entries(map).filter(([key]) => !TOP_LEVEL.has(key)));
  const key = (d: AttrDecl, kind: string) => `  <key id="${d.id}" for="${kind}" attr.name="${escapeXml(d.name)}" attr.type="${d.type}"/>`;
  const data = (entry: Record<string, unknown>, keys: AttrDecl[]) =>
    keys.filter((k) => entry[k.name] !== undefined).map((k) => `      <data key="${k.id}">${escapeXml(writeValue(entry[k.name], k))}</data>`).join('\n');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...Object.entries(GRAPH_KEYS).map(([name, id]) => `  <key id="${id}" for="graph" attr.name="pathways-${name}" attr.type="string"/>`),
    ...nodeKeys.map((k) => key(k, 'node')),
    ...edgeKeys.map((k) => key(k, 'edge')),
    '  <graph id="G" edgedefault="directed">',
    `    <data key="${GRAPH_KEYS.meta}">${escapeXml(JSON.stringify(map.meta))}</data>`,
    `    <data key="${GRAPH_KEYS.views}">${escapeXml(JSON.stringify(map.views))}</data>`,
    `    <data key="${GRAPH_KEYS.extra}">${escapeXml(JSON.stringify(extra))}</data>`,
    ...nodeEntries.map((n) => `    <node id="${escapeXml(String(n.id))}">\n${data(n, nodeKeys)}\n    </node>`),
    ...map.edges.map((e) => `    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">\n${data(e as unknown as Record<string, unknown>, edgeKeys)}\n    </edge>`),
    '  </graph>',
    '</graphml>',
  ];
  return lines.join('\n') + '\n';
}

interface KeyInfo {
  name: string;
  type: string;
  json: boolean;
  default?: string;
}

function readData(element: XmlElement, keys: Map<string, KeyInfo>, into: Record<string, unknown>, at: string, warnings: Problem[]): void {
  for (const [id, info] of keys) if (info.default !== undefined && into[info.name] === undefined) into[info.name] = readValue(info.default, info.type, info.json);
  for (const d of children(element, 'data')) {
    const info = keys.get(d.attrs.key);
    if (!info) continue;
    const value = readValue(d.text, info.type, info.json);
    if (value === undefined) warnings.push(problem(at, `key "${info.name}": "${d.text.slice(0, 40)}" is not a ${info.json ? 'JSON value' : info.type}`));
    else into[info.name] = value;
  }
}

export function importGraphml(file: InputFile): ImportResult {
  const warnings: Problem[] = [];
  const opened = openGraphXml(file, 'graphml', 'GraphML', warnings);
  if ('problem' in opened) return failed([opened.problem], warnings);
  const { root, graph } = opened;
  const keys = { node: new Map<string, KeyInfo>(), edge: new Map<string, KeyInfo>(), graph: new Map<string, KeyInfo>() };
  for (const k of children(root, 'key')) {
    const kind = (k.attrs.for ?? 'all') as keyof typeof keys | 'all';
    const info: KeyInfo = { name: k.attrs['attr.name'] ?? k.attrs.name ?? k.attrs.id, type: k.attrs['attr.type'] ?? 'string', json: k.attrs.id.endsWith(JSON_ID_SUFFIX), default: child(k, 'default')?.text };
    for (const target of kind === 'all' ? (['node', 'edge', 'graph'] as const) : [kind]) keys[target]?.set(k.attrs.id, info);
  }
  const graphData: Record<string, unknown> = {};
  readData(graph, keys.graph, graphData, file.name, warnings);
  const positions: Record<string, { x: number; y: number }> = {};
  const origin = new Map<string, string>();
  const nodes = children(graph, 'node').map((element, i) => {
    const at = `${file.name} node ${i + 1} ("${element.attrs.id}")`;
    const fields: Record<string, unknown> = { id: element.attrs.id };
    readData(element, keys.node, fields, at, warnings);
    const { x, y, ...rest } = fields;
    if (typeof x === 'number' && typeof y === 'number') positions[String(fields.id)] = { x, y };
    adoptNode(rest);
    if (typeof rest.label !== 'string') rest.label = typeof rest.name === 'string' ? rest.name : String(rest.id);
    origin.set(`nodes:${rest.id}`, at);
    return rest as MapNode;
  });
  const edges = children(graph, 'edge').map((element, i) => {
    const at = `${file.name} edge ${i + 1}`;
    const fields: Record<string, unknown> = { id: element.attrs.id ?? `e${i + 1}`, source: element.attrs.source, target: element.attrs.target };
    readData(element, keys.edge, fields, at, warnings);
    origin.set(`edges:${fields.id}`, at);
    return fields as MapEdge;
  });
  const kept = adoptEdges(nodes, edges, origin, file.name, warnings);
  const meta = graphData['pathways-meta'] as Record<string, unknown> | undefined;
  return finish(
    { title: file.name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, ''), nodes, edges: kept, positions, meta, views: graphData['pathways-views'] as PathwaysMap['views'], extra: graphData['pathways-extra'] as Record<string, unknown>, origin },
    warnings,
  );
}
