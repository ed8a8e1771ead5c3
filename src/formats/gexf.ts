// GEXF 1.1–1.3 (what Gephi writes and networkx reads): declared `<attributes>` with types, labels on
// the nodes, `weight` on edges, colour, size and positions as viz elements (gexf-viz.ts); time and
// defaults: gexf-read.ts;
// the map's meta, views and unknown top-level fields travel as JSON in `<meta><description>`.
// Ids, ends and collisions: graph-policy.ts.
import type { MapEdge, MapNode, PathwaysMap, Problem } from '../model/types.ts';
import { declareAttributes, JSON_ID_SUFFIX, openGraphXml, readValue, writeValue, type AttrDecl } from './attributes.ts';
import { failed, problem, type ImportResult, type InputFile } from './common.ts';
import { GexfReader, type AttrInfo } from './gexf-read.ts';
import { splitViz } from './gexf-viz.ts';
import { EDGE_OWN, exportName, fieldName, settleGraph, type RawEntry } from './graph-policy.ts';
import { child, children, escapeXml, type XmlElement } from './xml.ts';

const TOP_LEVEL = new Set(['format', 'version', 'meta', 'nodes', 'edges', 'views', 'positions']);
const MARK = 'pathways-map:';
const PREFIX = 'gexf';
const NODE_OWN = new Set(['id', 'label']);
const NO_NAMES = new Set<string>();

export function exportGexf(map: PathwaysMap): string {
  // Our own fields named like GEXF's own, or like the prefix, are written so that the importer reads them back.
  const renamed = (entry: object, own: Set<string>) => Object.fromEntries(Object.entries(entry).map(([k, v]) => [own.has(k) ? k : exportName(k, NO_NAMES, PREFIX), v]));
  // Colour, size, thickness and shape as viz elements (what Gephi draws); weight on the edge itself.
  const nodeSplit = map.nodes.map((n) => splitViz(renamed(n, NODE_OWN), 'node'));
  const edgeSplit = map.edges.map((e) => splitViz(renamed(e, EDGE_OWN), 'edge'));
  const edgeWeights = edgeSplit.map(({ rest }) => (typeof rest.weight === 'number' && Number.isFinite(rest.weight) ? rest.weight : undefined));
  edgeSplit.forEach(({ rest }, i) => edgeWeights[i] !== undefined && delete rest.weight);
  const nodeEntries = nodeSplit.map((s) => s.rest);
  const edgeEntries = edgeSplit.map((s) => s.rest);
  const nodeAttrs = declareAttributes(nodeEntries, 'n', NODE_OWN);
  const edgeAttrs = declareAttributes(edgeEntries, 'e', EDGE_OWN);
  const extra = Object.fromEntries(Object.entries(map).filter(([key]) => !TOP_LEVEL.has(key)));
  const declare = (attrs: AttrDecl[], kind: string) => [
    `    <attributes class="${kind}">`,
    ...attrs.map((a) => `      <attribute id="${a.id}" title="${escapeXml(a.name)}" type="${a.type}"/>`),
    '    </attributes>',
  ];
  const values = (entry: Record<string, unknown>, attrs: AttrDecl[]) => {
    const present = attrs.filter((a) => entry[a.name] !== undefined);
    if (!present.length) return '';
    return `\n        <attvalues>\n${present.map((a) => `          <attvalue for="${a.id}" value="${escapeXml(writeValue(entry[a.name], a))}"/>`).join('\n')}\n        </attvalues>`;
  };
  const viz = (elements: string[], id?: string) => {
    const p = id === undefined ? undefined : map.positions[id];
    const all = p ? [...elements, `<viz:position x="${p.x}" y="${p.y}" z="0"/>`] : elements;
    return all.map((e) => `\n        ${e}`).join('');
  };
  const weight = (i: number) => (edgeWeights[i] === undefined ? '' : ` weight="${edgeWeights[i]}"`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // The namespaces Gephi 0.9 writes (GEXF 1.3).
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta>',
    '    <creator>Pathways Studio</creator>',
    `    <description>${escapeXml(MARK + JSON.stringify({ meta: map.meta, views: map.views, extra }))}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    ...declare(nodeAttrs, 'node'),
    ...declare(edgeAttrs, 'edge'),
    '    <nodes>',
    ...map.nodes.map((n, i) => `      <node id="${escapeXml(n.id)}" label="${escapeXml(n.label)}">${values(nodeEntries[i], nodeAttrs)}${viz(nodeSplit[i].elements, n.id)}\n      </node>`),
    '    </nodes>',
    '    <edges>',
    ...map.edges.map((e, i) => `      <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}"${weight(i)}>${values(edgeEntries[i], edgeAttrs)}${viz(edgeSplit[i].elements)}\n      </edge>`),
    '    </edges>',
    '  </graph>',
    '</gexf>',
  ].join('\n') + '\n';
}

function readAttributes(graph: XmlElement, file: string, warnings: Problem[]) {
  const attrs = { node: new Map<string, AttrInfo>(), edge: new Map<string, AttrInfo>() };
  for (const block of children(graph, 'attributes')) {
    const kind = block.attrs.class === 'edge' ? 'edge' : 'node';
    for (const [i, a] of children(block, 'attribute').entries()) {
      const at = `${file} <attributes class="${kind}"> attribute ${i + 1}`;
      if (a.attrs.id === undefined) {
        warnings.push(problem(at, 'has no id; its values cannot be read and were left out', 'dropped-value'));
        continue;
      }
      const name = a.attrs.title ?? a.attrs.id;
      const field = fieldName(name, kind === 'node' ? NODE_OWN : EDGE_OWN, PREFIX, `${at} ("${name}")`, warnings);
      attrs[kind].set(a.attrs.id, { field, type: a.attrs.type ?? 'string', json: a.attrs.id.endsWith(JSON_ID_SUFFIX), default: child(a, 'default')?.text });
    }
  }
  return attrs;
}

type Saved = { meta?: Record<string, unknown>; views?: PathwaysMap['views']; extra?: Record<string, unknown> };

/** Our own settings in `<description>`, or the file's creator and description kept in meta. */
function readMeta(root: XmlElement, file: string, warnings: Problem[]): Saved {
  const meta = child(root, 'meta');
  const description = child(meta, 'description')?.text ?? '';
  if (!description.startsWith(MARK)) {
    const kept = Object.fromEntries(['creator', 'description', 'keywords'].map((n) => [`${PREFIX}:${n}`, child(meta, n)?.text.trim()]).filter(([, v]) => v));
    return Object.keys(kept).length ? { meta: kept } : {};
  }
  const at = `${file} <meta><description>`;
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const parsed = readValue(description.slice(MARK.length), 'string', true);
  if (!isObject(parsed)) {
    warnings.push(problem(at, 'the saved map settings are not a JSON object; ignored', 'dropped-value'));
    return {};
  }
  const saved: Saved = {};
  const take = (name: keyof Saved, fits: (v: unknown) => boolean) => {
    if (parsed[name] === undefined) return;
    if (fits(parsed[name])) (saved as Record<string, unknown>)[name] = parsed[name];
    else warnings.push(problem(at, `the saved "${name}" is not what this writer saves; ignored`, 'dropped-value'));
  };
  take('meta', isObject);
  take('views', Array.isArray);
  take('extra', isObject);
  return saved;
}

/** Nodes of `<nodes>` and of nodes nested in nodes (GEXF hierarchies), in document order. */
function allNodes(graph: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const stack = [child(graph, 'nodes')];
  while (stack.length) {
    for (const node of children(stack.shift(), 'node')) {
      out.push(node);
      stack.push(child(node, 'nodes'));
    }
  }
  return out;
}

export function importGexf(file: InputFile): ImportResult {
  const warnings: Problem[] = [];
  const opened = openGraphXml(file, 'gexf', 'GEXF', warnings);
  if ('problem' in opened) return failed([opened.problem], warnings);
  const { root, graph } = opened;
  const attrs = readAttributes(graph, file.name, warnings);
  const saved = readMeta(root, file.name, warnings);
  const reader = new GexfReader(file.name, warnings);
  const positions = new Map<string, { x: number; y: number }>();
  const rawNodes: RawEntry[] = allNodes(graph).map((element, i) => {
    const at = `${file.name} node ${i + 1}${element.attrs.id !== undefined ? ` ("${element.attrs.id}")` : ''}`;
    const fields: Record<string, unknown> = {};
    reader.values(element, attrs.node, fields, at);
    reader.spells(element, fields);
    const position = reader.viz(element, fields);
    if (position) positions.set(element.attrs.id, position);
    if (element.attrs.pid !== undefined) fields.pid = element.attrs.pid;
    return { fields: { ...fields, id: element.attrs.id, label: element.attrs.label }, at };
  });
  const rawEdges: RawEntry[] = [...children(child(graph, 'edges'), 'edge'), ...collectNested(graph)].map((element, i) => {
    const at = `${file.name} edge ${i + 1}${element.attrs.id !== undefined ? ` ("${element.attrs.id}")` : ''}`;
    const fields: Record<string, unknown> = {};
    if (element.attrs.label !== undefined) fields.label = element.attrs.label;
    if (element.attrs.weight !== undefined) {
      const weight = Number(element.attrs.weight);
      if (element.attrs.weight.trim() !== '' && Number.isFinite(weight)) fields.weight = weight;
      else warnings.push(problem(at, `weight "${element.attrs.weight.slice(0, 40)}" is not a number; left out`, 'dropped-value'));
    }
    // GEXF's edge `type` (directed/undirected/mutual) and `kind` are not our tie types.
    if (element.attrs.type !== undefined) fields[`${PREFIX}:type`] = element.attrs.type;
    if (element.attrs.kind !== undefined) fields.kind = element.attrs.kind;
    reader.values(element, attrs.edge, fields, at);
    reader.spells(element, fields);
    reader.viz(element, fields);
    return { fields: { ...fields, id: element.attrs.id, source: element.attrs.source, target: element.attrs.target }, at };
  });
  return settleGraph(
    { title: file.name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, ''), positions: Object.fromEntries([...positions].filter(([id]) => id !== undefined)), meta: saved.meta, views: saved.views, extra: saved.extra },
    rawNodes,
    rawEdges,
    file.name,
    PREFIX,
    warnings,
  );
}

/** Edges inside nested `<nodes>` (GEXF hierarchies may put `<edges>` beside them). */
function collectNested(graph: XmlElement): XmlElement[] {
  return allNodes(graph).flatMap((node) => children(child(node, 'edges'), 'edge'));
}
