// GEXF 1.2 (what Gephi writes and networkx reads): declared `<attributes>` with types, labels on the
// nodes, positions as `<viz:position>`; the map's meta, views and unknown top-level fields travel as
// JSON in `<meta><description>`.
import type { MapEdge, MapNode, PathwaysMap, Problem } from '../model/types.ts';
import { declareAttributes, JSON_ID_SUFFIX, openGraphXml, readValue, writeValue, type AttrDecl } from './attributes.ts';
import { adoptEdges, adoptNode } from './foreign.ts';
import { failed, finish, problem, type ImportResult, type InputFile } from './common.ts';
import { child, children, escapeXml, type XmlElement } from './xml.ts';

const TOP_LEVEL = new Set(['format', 'version', 'meta', 'nodes', 'edges', 'views', 'positions']);
const MARK = 'pathways-map:';

export function exportGexf(map: PathwaysMap): string {
  const nodeAttrs = declareAttributes(map.nodes as unknown as Record<string, unknown>[], 'n', new Set(['id', 'label']));
  const edgeAttrs = declareAttributes(map.edges as unknown as Record<string, unknown>[], 'e', new Set(['id', 'source', 'target']));
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
  const position = (id: string) => {
    const p = map.positions[id];
    return p ? `\n        <viz:position x="${p.x}" y="${p.y}" z="0"/>` : '';
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">',
    '  <meta>',
    '    <creator>Pathways Studio</creator>',
    `    <description>${escapeXml(MARK + JSON.stringify({ meta: map.meta, views: map.views, extra }))}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    ...declare(nodeAttrs, 'node'),
    ...declare(edgeAttrs, 'edge'),
    '    <nodes>',
    ...map.nodes.map((n) => `      <node id="${escapeXml(n.id)}" label="${escapeXml(n.label)}">${values(n, nodeAttrs)}${position(n.id)}\n      </node>`),
    '    </nodes>',
    '    <edges>',
    ...map.edges.map((e) => `      <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">${values(e as unknown as Record<string, unknown>, edgeAttrs)}\n      </edge>`),
    '    </edges>',
    '  </graph>',
    '</gexf>',
  ].join('\n') + '\n';
}

interface AttrInfo {
  name: string;
  type: string;
  json: boolean;
}

function readAttValues(element: XmlElement, attrs: Map<string, AttrInfo>, into: Record<string, unknown>, at: string, warnings: Problem[]) {
  for (const v of children(child(element, 'attvalues'), 'attvalue')) {
    const info = attrs.get(v.attrs.for ?? v.attrs.id);
    if (!info) continue;
    const value = readValue(v.attrs.value ?? '', info.type, info.json);
    if (value === undefined) warnings.push(problem(at, `attribute "${info.name}": "${(v.attrs.value ?? '').slice(0, 40)}" is not a ${info.json ? 'JSON value' : info.type}`));
    else into[info.name] = value;
  }
}

export function importGexf(file: InputFile): ImportResult {
  const warnings: Problem[] = [];
  const opened = openGraphXml(file, 'gexf', 'GEXF', warnings);
  if ('problem' in opened) return failed([opened.problem], warnings);
  const { root, graph } = opened;
  const attrs = { node: new Map<string, AttrInfo>(), edge: new Map<string, AttrInfo>() };
  for (const block of children(graph, 'attributes')) {
    const kind = block.attrs.class === 'edge' ? 'edge' : 'node';
    for (const a of children(block, 'attribute')) attrs[kind].set(a.attrs.id, { name: a.attrs.title ?? a.attrs.id, type: a.attrs.type ?? 'string', json: a.attrs.id.endsWith(JSON_ID_SUFFIX) });
  }
  let saved: { meta?: Record<string, unknown>; views?: PathwaysMap['views']; extra?: Record<string, unknown> } = {};
  const description = child(child(root, 'meta'), 'description')?.text ?? '';
  if (description.startsWith(MARK)) {
    try {
      saved = JSON.parse(description.slice(MARK.length));
    } catch {
      warnings.push(problem(`${file.name} <meta><description>`, 'the saved map settings are not valid JSON; ignored'));
    }
  }
  const positions: Record<string, { x: number; y: number }> = {};
  const origin = new Map<string, string>();
  const nodes = children(child(graph, 'nodes'), 'node').map((element, i) => {
    const at = `${file.name} node ${i + 1} ("${element.attrs.id}")`;
    const fields: Record<string, unknown> = { id: element.attrs.id, label: element.attrs.label ?? element.attrs.id };
    readAttValues(element, attrs.node, fields, at, warnings);
    adoptNode(fields);
    const p = child(element, 'position');
    if (p && Number.isFinite(Number(p.attrs.x)) && Number.isFinite(Number(p.attrs.y))) positions[element.attrs.id] = { x: Number(p.attrs.x), y: Number(p.attrs.y) };
    origin.set(`nodes:${element.attrs.id}`, at);
    return fields as MapNode;
  });
  const edges = children(child(graph, 'edges'), 'edge').map((element, i) => {
    const at = `${file.name} edge ${i + 1}`;
    const fields: Record<string, unknown> = { id: element.attrs.id ?? `e${i + 1}`, source: element.attrs.source, target: element.attrs.target };
    if (element.attrs.label !== undefined) fields.label = element.attrs.label;
    readAttValues(element, attrs.edge, fields, at, warnings);
    origin.set(`edges:${fields.id}`, at);
    return fields as MapEdge;
  });
  const kept = adoptEdges(nodes, edges, origin, file.name, warnings);
  return finish({ title: file.name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, ''), nodes, edges: kept, positions, meta: saved.meta, views: saved.views, extra: saved.extra, origin }, warnings);
}
