// Every change the user makes goes through here: validated first (nothing is written on invalid input),
// then applied in one transaction with LOCAL_ORIGIN so the undo manager can take it back.
import * as Y from 'yjs';
import { fromFieldMap, LOCAL_ORIGIN, mapRoots, nextOrder, ORDER_KEY, toFieldMap, type FieldMap } from './doc.ts';
import { endpointProblem, validateEdgeEntry, validateMetaEntry, validateNodeEntry, validateViewEntry } from './validate.ts';
import type { MapEdge, MapMeta, MapNode, MapView, Position, Problem } from './types.ts';
import { recordChanges } from './attribution.ts';

export class ModelError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[], subject = 'change') {
    super(`Invalid ${subject}: ${problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')}`);
    this.problems = problems;
  }
}

const PREFIX_LETTERS = { org: 'org', prog: 'prog', edge: 'edge', view: 'view', map: 'map', version: 'ver' } as const;

/** Short, collision-safe ids: peers create ids concurrently without coordination. */
export function newId(prefix: keyof typeof PREFIX_LETTERS): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  let text = '';
  for (const byte of bytes) text += byte.toString(36).padStart(2, '0');
  return `${PREFIX_LETTERS[prefix]}-${text.slice(0, 10)}`;
}

type Patch = Record<string, unknown>;

function applyPatch(current: Record<string, unknown>, patch: Patch): Record<string, unknown> {
  const next = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/**
 * Writes only the keys whose value differs: every overwritten value stays in the doc forever. Fields `next`
 * lacks are deleted, unless `keepMissing` (a merge adds and updates, never deletes; undefined values are
 * then left alone too). Returns the keys written.
 */
export function writeChangedFields(fields: FieldMap, next: Record<string, unknown>, options: { keepMissing?: boolean } = {}): string[] {
  const written: string[] = [];
  if (!options.keepMissing) for (const key of [...fields.keys()]) if (!(key in next)) fields.delete(key), written.push(key);
  for (const [key, value] of Object.entries(next)) {
    if (options.keepMissing && value === undefined) continue;
    if (JSON.stringify(fields.get(key)) !== JSON.stringify(value)) fields.set(key, value), written.push(key);
  }
  return written;
}

function readFields(fields: FieldMap | undefined): Record<string, unknown> | null {
  const plain = fromFieldMap(fields);
  return plain && typeof plain === 'object' && !Array.isArray(plain) ? (plain as Record<string, unknown>) : null;
}

function nodeType(doc: Y.Doc, id: string): MapNode['type'] | null {
  const fields = mapRoots(doc).nodes.get(id);
  const type = fields instanceof Y.Map ? fields.get('type') : undefined;
  return type === 'organization' || type === 'program' ? type : null;
}

export function addNode(doc: Y.Doc, node: Partial<MapNode> & Pick<MapNode, 'type'>, position?: Position): string {
  const id = node.id ?? newId(node.type === 'organization' ? 'org' : 'prog');
  const entry = { label: node.type === 'organization' ? 'New organization' : 'New program', ...node, id };
  const problems = validateNodeEntry(entry);
  if (mapRoots(doc).nodes.has(id)) problems.push({ path: 'id', message: `duplicate id "${id}"` });
  if (problems.length) throw new ModelError(problems, 'node');
  const roots = mapRoots(doc);
  doc.transact(() => {
    roots.nodes.set(id, toFieldMap({ ...entry, [ORDER_KEY]: nextOrder() }));
    if (position) roots.positions.set(id, { x: position.x, y: position.y });
    recordChanges(doc, [{ element: `node:${id}`, action: 'added' }]);
  }, LOCAL_ORIGIN);
  return id;
}

export function updateNode(doc: Y.Doc, id: string, patch: Patch): void {
  bulkUpdateNodes(doc, [id], patch);
}

/** Applies one patch to several nodes at once (bulk edit): all or nothing. */
export function bulkUpdateNodes(doc: Y.Doc, ids: string[], patch: Patch): void {
  updateNodesEach(doc, ids.map((id) => [id, patch]));
}

/** Applies a patch of its own to each node, in one transaction (one undo step): all or nothing. */
export function updateNodesEach(doc: Y.Doc, patches: [string, Patch][]): void {
  const roots = mapRoots(doc);
  const ids = patches.map(([id]) => id);
  const updates: [FieldMap, Record<string, unknown>][] = [];
  const problems: Problem[] = [];
  for (const [id, patch] of patches) {
    const fields = roots.nodes.get(id);
    const current = readFields(fields);
    if (!current || !(fields instanceof Y.Map)) {
      problems.push({ path: id, message: `no node "${id}"` });
      continue;
    }
    const next = applyPatch(current, { ...patch, id });
    const nodeProblems = validateNodeEntry(next);
    problems.push(...nodeProblems.map((p) => ({ path: ids.length > 1 ? `${id}.${p.path}` : p.path, message: p.message })));
    updates.push([fields, next]);
  }
  if (problems.length) throw new ModelError(problems, ids.length > 1 ? 'edit' : 'node');
  doc.transact(() => {
    const changed = updates.map(([fields, next]) => ({ id: String(next.id), fields: writeChangedFields(fields, next) }));
    recordChanges(doc, changed.filter((c) => c.fields.length).map((c) => ({ element: `node:${c.id}` as const, action: 'changed' as const, fields: c.fields })));
  }, LOCAL_ORIGIN);
}

export interface RemoveOptions {
  /** What happens to the programs of a removed organization (default: keep them, unattached). */
  programs?: 'delete' | 'keep' | { reassignTo: string };
  /** Edges removed in the same transaction (the rest of a selection), so one undo brings all back. */
  edges?: string[];
}

/** Removes nodes with their edges and positions. Returns the ids of every node removed. */
export function removeNodes(doc: Y.Doc, ids: string[], options: RemoveOptions = {}): string[] {
  const roots = mapRoots(doc);
  const removing = new Set(ids.filter((id) => roots.nodes.has(id)));
  const programsOf = (orgId: string) =>
    [...roots.nodes.entries()].filter(([, fields]) => fields instanceof Y.Map && fields.get('type') === 'program' && fields.get('organization') === orgId);
  const policy = options.programs ?? 'keep';
  if (typeof policy === 'object') {
    if (nodeType(doc, policy.reassignTo) !== 'organization' || removing.has(policy.reassignTo)) {
      throw new ModelError([{ path: 'reassignTo', message: `no organization "${policy.reassignTo}" to move the programs to` }], 'delete');
    }
  }
  doc.transact(() => {
    if (options.edges) removeEdges(doc, options.edges);
    for (const id of [...removing]) {
      if (nodeType(doc, id) !== 'organization') continue;
      for (const [programId, fields] of programsOf(id)) {
        if (policy === 'delete') removing.add(programId);
        else if (policy === 'keep') fields.delete('organization');
        else fields.set('organization', policy.reassignTo);
      }
    }
    for (const id of removing) {
      roots.nodes.delete(id);
      roots.positions.delete(id);
    }
    const removedEdges: string[] = [];
    for (const [edgeId, fields] of [...roots.edges.entries()]) {
      const edge = readFields(fields);
      if (edge && (removing.has(edge.source as string) || removing.has(edge.target as string))) roots.edges.delete(edgeId), removedEdges.push(edgeId);
    }
    recordChanges(doc, [
      ...[...removing].map((id) => ({ element: `node:${id}` as const, action: 'removed' as const })),
      ...removedEdges.map((id) => ({ element: `edge:${id}` as const, action: 'removed' as const })),
    ]);
  }, LOCAL_ORIGIN);
  return [...removing];
}

function edgeProblems(doc: Y.Doc, edge: Record<string, unknown>): Problem[] {
  const problems = validateEdgeEntry(edge);
  if (problems.length) return problems;
  const sourceType = nodeType(doc, edge.source as string);
  const targetType = nodeType(doc, edge.target as string);
  if (!sourceType) problems.push({ path: 'source', message: `no node "${edge.source}"` });
  if (!targetType) problems.push({ path: 'target', message: `no node "${edge.target}"` });
  if (sourceType && targetType) {
    const problem = endpointProblem(edge.type as MapEdge['type'], sourceType, targetType);
    if (problem) problems.push({ path: 'type', message: problem });
  }
  return problems;
}

export function addEdge(doc: Y.Doc, edge: Partial<MapEdge> & Pick<MapEdge, 'type' | 'source' | 'target'>): string {
  const id = edge.id ?? newId('edge');
  const entry = { ...edge, id } as Record<string, unknown>;
  const problems = edgeProblems(doc, entry);
  if (mapRoots(doc).edges.has(id)) problems.push({ path: 'id', message: `duplicate id "${id}"` });
  if (problems.length) throw new ModelError(problems, 'edge');
  doc.transact(() => {
    mapRoots(doc).edges.set(id, toFieldMap({ ...entry, [ORDER_KEY]: nextOrder() }));
    recordChanges(doc, [{ element: `edge:${id}`, action: 'added' }]);
  }, LOCAL_ORIGIN);
  return id;
}

export function updateEdge(doc: Y.Doc, id: string, patch: Patch): void {
  const fields = mapRoots(doc).edges.get(id);
  const current = readFields(fields);
  if (!current || !(fields instanceof Y.Map)) throw new ModelError([{ path: id, message: `no edge "${id}"` }], 'edge');
  const next = applyPatch(current, { ...patch, id });
  const problems = edgeProblems(doc, next);
  if (problems.length) throw new ModelError(problems, 'edge');
  doc.transact(() => {
    const written = writeChangedFields(fields, next);
    if (written.length) recordChanges(doc, [{ element: `edge:${id}`, action: 'changed', fields: written }]);
  }, LOCAL_ORIGIN);
}

export function removeEdges(doc: Y.Doc, ids: string[]): void {
  const roots = mapRoots(doc);
  doc.transact(() => {
    const removed = ids.filter((id) => roots.edges.has(id));
    removed.forEach((id) => roots.edges.delete(id));
    recordChanges(doc, removed.map((id) => ({ element: `edge:${id}` as const, action: 'removed' as const })));
  }, LOCAL_ORIGIN);
}

/** Removes an entry the validator quarantined, or an edge hidden for a missing endpoint (never drawn, so not attributed). */
export function removeQuarantined(doc: Y.Doc, collection: 'nodes' | 'edges' | 'views' | 'meta' | 'positions', id: string): void {
  if (!['nodes', 'edges', 'views', 'meta', 'positions'].includes(collection)) throw new ModelError([{ path: 'collection', message: `no collection "${collection}"` }], 'delete');
  const root = mapRoots(doc)[collection] as Y.Map<unknown>;
  if (root.has(id)) doc.transact(() => root.delete(id), LOCAL_ORIGIN);
}

/** Call on drag end, never per frame: every write stays in the document's history. */
export function setPositions(doc: Y.Doc, positions: Record<string, Position>): void {
  const roots = mapRoots(doc);
  const problems = Object.entries(positions)
    .filter(([, p]) => !Number.isFinite(p?.x) || !Number.isFinite(p?.y))
    .map(([id]) => ({ path: `positions.${id}`, message: 'x and y must be finite numbers' }));
  if (problems.length) throw new ModelError(problems, 'position');
  doc.transact(() => {
    for (const [id, { x, y }] of Object.entries(positions)) {
      const current = roots.positions.get(id) as Position | undefined;
      if (current?.x !== x || current?.y !== y) roots.positions.set(id, { x, y });
    }
  }, LOCAL_ORIGIN);
}

export function updateMeta(doc: Y.Doc, patch: Partial<MapMeta> & Patch): void {
  const roots = mapRoots(doc);
  const current: Record<string, unknown> = {};
  for (const [key, value] of roots.meta.entries()) if (!key.startsWith('$')) current[key] = value;
  const next = applyPatch(current, patch);
  if (typeof next.title !== 'string') next.title = '';
  const problems = validateMetaEntry(next);
  if (problems.length) throw new ModelError(problems, 'map settings');
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === null) roots.meta.delete(key);
      else if (JSON.stringify(roots.meta.get(key)) !== JSON.stringify(value)) roots.meta.set(key, value);
    }
  }, LOCAL_ORIGIN);
}

/** Adds or replaces a view; `index` places it in the slide order (default: last). */
export function putView(doc: Y.Doc, view: Partial<MapView> & { label: string }, index?: number): string {
  const roots = mapRoots(doc);
  const id = view.id ?? newId('view');
  const entry = { ...view, id } as Record<string, unknown>;
  const problems = validateViewEntry(entry);
  if (problems.length) throw new ModelError(problems, 'view');
  const orders = [...roots.views.values()].map((v) => (v instanceof Y.Map ? Number(v.get(ORDER_KEY)) : 0)).filter(Number.isFinite);
  const existing = roots.views.get(id);
  const order =
    index !== undefined ? index - 0.5 : existing instanceof Y.Map ? existing.get(ORDER_KEY) : (orders.length ? Math.max(...orders) : -1) + 1;
  doc.transact(() => {
    if (existing instanceof Y.Map) writeChangedFields(existing, { ...entry, [ORDER_KEY]: order });
    else roots.views.set(id, toFieldMap({ ...entry, [ORDER_KEY]: order }));
  }, LOCAL_ORIGIN);
  return id;
}

export function removeView(doc: Y.Doc, id: string): void {
  doc.transact(() => mapRoots(doc).views.delete(id), LOCAL_ORIGIN);
}
