// GraphML as Gephi, Cytoscape desktop, networkx, igraph, yEd and yFiles for HTML write it: every field
// a declared `<key>` with its type; positions as numeric `x`/`y` keys (Gephi) or yEd/yFiles geometry;
// labels from a `label` key, yEd/yFiles label graphics, or a `name` key. The map's meta, views and
// unknown top-level fields travel as JSON on the graph. Ids, ends and collisions: graph-policy.ts.
import type { PathwaysMap, Problem } from '../model/types.ts';
import { declareAttributes, JSON_ID_SUFFIX, openGraphXml, readValue, writeValue, type AttrDecl } from './attributes.ts';
import { failed, problem, type ImportResult, type InputFile } from './common.ts';
import { EDGE_OWN, exportName, fieldName, NODE_OWN, settleGraph, type RawEntry } from './graph-policy.ts';
import { child, children, escapeXml, type XmlElement } from './xml.ts';
import { graphicsCentre, graphicsLabel, isStructured } from './yfiles.ts';

const TOP_LEVEL = new Set(['format', 'version', 'meta', 'nodes', 'edges', 'views', 'positions']);
const GRAPH_KEYS = { meta: 'g-meta-json', views: 'g-views-json', extra: 'g-extra-json' } as const;
const PREFIX = 'graphml';
/** Node field names our writer uses for positions: a node's own `x` is written as `graphml:x`. */
const POSITION_NAMES = new Set(['x', 'y']);
const NO_NAMES = new Set<string>();

export function exportGraphml(map: PathwaysMap): string {
  const renamed = (entry: object) => Object.fromEntries(Object.entries(entry).map(([k, v]) => [exportName(k, POSITION_NAMES, PREFIX), v]));
  const nodeEntries = map.nodes.map((n) => ({ ...renamed(n), ...(map.positions[n.id] ? { x: map.positions[n.id].x, y: map.positions[n.id].y } : {}) }) as Record<string, unknown>);
  const edgeEntries = map.edges.map((e) => renamed(e));
  const nodeKeys = declareAttributes(nodeEntries, 'n', new Set(['id']));
  const edgeKeys = declareAttributes(edgeEntries, 'e', new Set(['id', 'source', 'target']));
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
    ...map.edges.map((e, i) => `    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">\n${data(edgeEntries[i], edgeKeys)}\n    </edge>`),
    '  </graph>',
    '</graphml>',
  ];
  return lines.join('\n') + '\n';
}

interface KeyInfo {
  id: string;
  /** The field it is stored under (see fieldName), or the position it gives. */
  field: string;
  /** `graphics`: a yEd / yFiles key (`yfiles.type`, `attr.uri`): read for labels and geometry only, never a field. */
  role: 'field' | 'x' | 'y' | 'graphics';
  type: string;
  json: boolean;
  default?: string;
}

type Keys = Record<'node' | 'edge' | 'graph', Map<string, KeyInfo>> & { declared: Set<string> };

function readKeys(root: XmlElement, file: string, warnings: Problem[]): Keys {
  const keys: Keys = { node: new Map(), edge: new Map(), graph: new Map(), declared: new Set() };
  // Keys belong in <graphml>, but Gephi also reads them inside <graph>, and files have them there.
  for (const [i, k] of [...children(root, 'key'), ...children(children(root, 'graph')[0], 'key')].entries()) {
    const at = `${file} <key> ${i + 1}${k.attrs.id ? ` ("${k.attrs.id}")` : ''}`;
    if (!k.attrs.id) {
      warnings.push(problem(at, 'has no id; its values cannot be read and were left out', 'dropped-value'));
      continue;
    }
    keys.declared.add(k.attrs.id);
    const scope = k.attrs.for ?? 'all';
    const graphics = k.attrs['yfiles.type'] !== undefined || k.attrs['attr.uri'] !== undefined;
    const targets: ('node' | 'edge' | 'graph')[] = scope === 'all' ? ['node', 'edge', 'graph'] : scope === 'node' || scope === 'edge' || scope === 'graph' ? [scope] : [];
    if (!targets.length) {
      if (graphics) continue;
      warnings.push(problem(at, `is for "${scope}", which a map has no place for; its values were left out`, 'dropped-value'));
      continue;
    }
    const name = k.attrs['attr.name'] ?? k.attrs.name ?? k.attrs.id;
    for (const target of targets) {
      const role = graphics ? 'graphics' : target === 'node' && (name === 'x' || name === 'y') ? name : 'field';
      const field = fieldName(name, target === 'node' ? NODE_OWN : target === 'edge' ? EDGE_OWN : NO_NAMES, PREFIX, at, warnings);
      keys[target].set(k.attrs.id, { id: k.attrs.id, field, role, type: k.attrs['attr.type'] ?? 'string', json: k.attrs.id.endsWith(JSON_ID_SUFFIX), default: child(k, 'default')?.text });
    }
  }
  return keys;
}

interface Read {
  fields: Record<string, unknown>;
  position: { x?: number; y?: number };
  /** Data holding elements (yEd / yFiles graphics), in order. */
  graphics: XmlElement[];
}

function readData(element: XmlElement, keys: Map<string, KeyInfo>, declared: Set<string>, at: string, unknown: Set<string>, warnings: Problem[]): Read {
  const read: Read = { fields: {}, position: {}, graphics: [] };
  const set = (info: KeyInfo, text: string) => {
    const value = readValue(text, info.type, info.json);
    if (value === undefined) {
      // Not of its declared type: kept as the text it is, under another name, rather than lost.
      read.fields[`${PREFIX}:${info.field}`] = text;
      return warnings.push(problem(at, `key "${info.field}": "${text.slice(0, 40)}" is not a ${info.json ? 'JSON value' : info.type}; kept as text in "${PREFIX}:${info.field}"`, 'renamed-field'));
    }
    if ((info.role === 'x' || info.role === 'y') && typeof value === 'number') read.position[info.role] = value;
    else read.fields[info.field] = value;
  };
  const given = new Set<string>();
  for (const d of children(element, 'data')) {
    const info = keys.get(d.attrs.key);
    if (!info) {
      if (d.attrs.key !== undefined && !unknown.has(d.attrs.key)) {
        unknown.add(d.attrs.key);
        const why = declared.has(d.attrs.key) ? 'is declared for another kind of element' : 'has no <key> declared';
        warnings.push(problem(at, `<data key="${d.attrs.key}"> ${why}; left out (here and wherever else it appears)`, 'dropped-value'));
      }
      continue;
    }
    given.add(info.id);
    if (isStructured(d)) read.graphics.push(d);
    else if (info.role !== 'graphics') set(info, d.text);
  }
  for (const info of keys.values()) if (info.default !== undefined && info.role !== 'graphics' && !given.has(info.id)) set(info, info.default);
  const desc = child(element, 'desc')?.text.trim();
  if (desc) read.fields[read.fields.description === undefined ? 'description' : `${PREFIX}:desc`] = desc;
  return read;
}

/** Nodes and edges of the graph and of graphs nested in nodes (yEd groups), in document order. */
function collect(graph: XmlElement): { nodes: XmlElement[]; edges: XmlElement[]; hyperedges: number } {
  let hyperedges = 0;
  const nodes: XmlElement[] = [];
  const edges: XmlElement[] = [];
  const stack = [graph];
  while (stack.length) {
    const g = stack.shift()!;
    for (const c of g.children) {
      if (c.name === 'node') {
        nodes.push(c);
        for (const nested of children(c, 'graph')) stack.push(nested);
      } else if (c.name === 'edge') edges.push(c);
      else if (c.name === 'hyperedge') hyperedges++;
    }
  }
  return { nodes, edges, hyperedges };
}

export function importGraphml(file: InputFile): ImportResult {
  const warnings: Problem[] = [];
  const opened = openGraphXml(file, 'graphml', 'GraphML', warnings);
  if ('problem' in opened) return failed([opened.problem], warnings);
  const { root, graph } = opened;
  const keys = readKeys(root, file.name, warnings);
  const unknown = new Set<string>();
  const graphData = readData(graph, keys.graph, keys.declared, `${file.name} <graph>`, unknown, warnings).fields;
  const positions = new Map<string, { x: number; y: number }>();
  const { nodes, edges, hyperedges } = collect(graph);
  if (hyperedges) warnings.push(problem(file.name, `${hyperedges} hyperedge${hyperedges === 1 ? '' : 's'} (ties among more than two nodes) left out: a map's ties join two`, 'dropped-value'));
  const rawNodes: RawEntry[] = nodes.map((element, i) => {
    const at = `${file.name} node ${i + 1}${element.attrs.id !== undefined ? ` ("${element.attrs.id}")` : ''}`;
    const { fields, position, graphics } = readData(element, keys.node, keys.declared, at, unknown, warnings);
    const centre = graphics.map(graphicsCentre).find(Boolean);
    const { x, y } = position;
    if (x !== undefined && y !== undefined) positions.set(element.attrs.id, { x, y });
    else {
      if (x !== undefined) fields.x = x;
      if (y !== undefined) fields.y = y;
      if (centre) positions.set(element.attrs.id, centre);
    }
    if (typeof fields.label !== 'string' || !fields.label.trim()) {
      const shown = graphics.map(graphicsLabel).find(Boolean);
      if (shown) fields.label = shown;
      else if (typeof fields.Name === 'string') fields.label = fields.Name;
    }
    return { fields: { ...fields, id: element.attrs.id }, at };
  });
  const rawEdges: RawEntry[] = edges.map((element, i) => {
    const at = `${file.name} edge ${i + 1}${element.attrs.id !== undefined ? ` ("${element.attrs.id}")` : ''}`;
    const { fields, graphics } = readData(element, keys.edge, keys.declared, at, unknown, warnings);
    const shown = graphics.map(graphicsLabel).find(Boolean);
    if (fields.label === undefined && shown) fields.label = shown;
    return { fields: { ...fields, id: element.attrs.id, source: element.attrs.source, target: element.attrs.target }, at };
  });
  const saved = (name: string, check: (v: unknown) => boolean) => {
    const value = graphData[`pathways-${name}`];
    if (value === undefined || check(value)) return value;
    warnings.push(problem(`${file.name} <graph> pathways-${name}`, 'is not what this writer saves; ignored', 'dropped-value'));
    return undefined;
  };
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  const meta = saved('meta', isObject) as Record<string, unknown> | undefined;
  const foreignGraph = Object.fromEntries(Object.entries(graphData).filter(([k]) => !k.startsWith('pathways-')).map(([k, v]) => [`${PREFIX}:${k}`, v]));
  return settleGraph(
    {
      title: file.name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, ''),
      positions: Object.fromEntries([...positions].filter(([id]) => id !== undefined)),
      meta: meta ?? (Object.keys(foreignGraph).length ? foreignGraph : undefined),
      views: saved('views', Array.isArray) as PathwaysMap['views'],
      extra: saved('extra', isObject) as Record<string, unknown>,
    },
    rawNodes,
    rawEdges,
    file.name,
    PREFIX,
    warnings,
  );
}
