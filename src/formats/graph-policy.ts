// The import policy for graph files (GraphML, GEXF, Cytoscape JSON), in one place (SPEC "Importing
// real files"): as lenient as the source format, as strict as our model, every compromise a warning
// with its kind. Ids: nodes and edges are numbered separately in those formats, so an edge id that
// clashes is namespaced (`e:0`), never refused. A tie whose end is missing is skipped. A foreign
// field whose name is ours (`id`, `source`, …) or unsafe (`__proto__`) is kept as `<format>:<name>`;
// a foreign value our model refuses (a `status` of "open") is kept the same way.
import type { MapEdge, MapNode, Problem } from '../model/types.ts';
import { validateMap } from '../model/validate.ts';
import { cleanLabel, draftMap, finish, problem, type Draft, type ImportResult } from './common.ts';
import { adoptEdges, adoptNode } from './foreign.ts';

const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);
export const NODE_OWN = new Set(['id']);
export const EDGE_OWN = new Set(['id', 'source', 'target']);

/**
 * The field a foreign name is stored under. `prefix:name` written by our own exporters (to keep a
 * field named like one of ours) reads back as `name`; a foreign name that is ours gets the prefix.
 */
export function fieldName(name: string, own: Set<string>, prefix: string, at: string, warnings: Problem[]): string {
  const escaped = name.startsWith(`${prefix}:`);
  const bare = escaped ? name.slice(prefix.length + 1) : name;
  if (!UNSAFE.has(bare) && !own.has(bare)) return bare;
  if (!escaped) warnings.push(problem(at, `field "${name}" is named like one of ours; kept as "${prefix}:${name}"`, 'renamed-field'));
  return `${prefix}:${bare}`;
}

/** The name our exporters write a field under, so that fieldName reads it back unchanged. */
export function exportName(name: string, reserved: Set<string>, prefix: string): string {
  return reserved.has(name) || name.startsWith(`${prefix}:`) ? `${prefix}:${name}` : name;
}

export interface RawEntry {
  fields: Record<string, unknown>;
  /** `file.graphml node 3`: where it is in the file. */
  at: string;
}

const asId = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;

function freshId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}#${n}`;
  taken.add(id);
  return id;
}

/** Applies the id, end and label policy; then types and the model's own checks (see settleFields). */
export function settleGraph(draft: Omit<Draft, 'nodes' | 'edges' | 'origin'>, rawNodes: RawEntry[], rawEdges: RawEntry[], file: string, prefix: string, warnings: Problem[]): ImportResult {
  const origin = new Map<string, string>();
  const nodeIds = new Set<string>();
  const nodes: MapNode[] = [];
  for (const [i, { fields, at }] of rawNodes.entries()) {
    let id = asId(fields.id);
    if (id === undefined) {
      id = freshId(`n${i + 1}`, nodeIds);
      warnings.push(problem(at, `has no id; given "${id}"`, 'generated-id'));
    } else if (nodeIds.has(id)) {
      warnings.push(problem(at, `skipped: the node id "${id}" is used by an earlier node`, 'duplicate-id'));
      continue;
    }
    nodeIds.add(id);
    fields.id = id;
    const label = typeof fields.label === 'string' && fields.label.trim() ? fields.label : typeof fields.name === 'string' && fields.name.trim() ? fields.name : id;
    fields.label = cleanLabel(label, `${at} label`, warnings) || id;
    adoptNode(fields);
    origin.set(`nodes:${id}`, at);
    nodes.push(fields as unknown as MapNode);
  }
  const taken = new Set(nodeIds);
  const namespaced: string[] = [];
  const edges: MapEdge[] = [];
  for (const [i, { fields, at }] of rawEdges.entries()) {
    const ends = (['source', 'target'] as const).map((end) => asId(fields[end]));
    const missing = (['source', 'target'] as const).filter((end, k) => ends[k] === undefined || !nodeIds.has(ends[k]!));
    if (missing.length) {
      const what = missing.map((end) => (fields[end] === undefined || fields[end] === '' ? `no ${end}` : `${end} "${String(fields[end])}" is not a node`)).join(', ');
      warnings.push(problem(at, `skipped: ${what}`, 'dangling-reference'));
      continue;
    }
    [fields.source, fields.target] = ends;
    const given = asId(fields.id);
    let id: string;
    if (given === undefined) id = freshId(`e${i + 1}`, taken);
    else if (taken.has(given)) {
      id = freshId(`e:${given}`, taken);
      namespaced.push(`"${given}" → "${id}"`);
    } else id = freshId(given, taken);
    fields.id = id;
    origin.set(`edges:${id}`, at);
    edges.push(fields as unknown as MapEdge);
  }
  // One warning, not one per edge: Gephi numbers every edge from 0, so a 6,000-edge grid clashes everywhere.
  if (namespaced.length) {
    warnings.push(problem(file, `${namespaced.length} edge id${namespaced.length === 1 ? ' is' : 's are'} also used by a node or an earlier edge; renamed ${namespaced.slice(0, 3).join(', ')}${namespaced.length > 3 ? ', …' : ''}`, 'id-namespaced'));
  }
  const kept = adoptEdges(nodes, edges, origin, file, warnings);
  return settleFields({ ...draft, nodes, edges: kept, origin }, prefix, warnings);
}

const FIXED = new Set(['id', 'type', 'label', 'source', 'target']);

/**
 * Runs the model's checks; a field of a node or edge that our model refuses (a foreign `status`
 * of "open") is kept as `prefix:field` with a warning, and the map checked again.
 */
export function settleFields(draft: Draft, prefix: string, warnings: Problem[]): ImportResult {
  const moved: Problem[] = [];
  const checked = validateMap(draftMap(draft));
  for (const p of checked.problems) {
    const match = /^(nodes|edges)\[(\d+)\]\.([^.[]+)/.exec(p.path);
    if (!match || FIXED.has(match[3])) continue;
    const entry = (match[1] === 'nodes' ? draft.nodes : draft.edges)[Number(match[2])] as unknown as Record<string, unknown>;
    const field = match[3];
    if (!entry || !Object.hasOwn(entry, field)) continue;
    entry[`${prefix}:${field}`] = entry[field];
    delete entry[field];
    moved.push(problem(draft.origin?.get(`${match[1]}:${entry.id}`) ?? '', `field "${field}": ${p.message}; kept as "${prefix}:${field}"`, 'renamed-field'));
  }
  // Checked once more only when a field moved.
  return finish(draft, [...warnings, ...moved], moved.length ? undefined : checked);
}
