// Whole-map writes: the slide order, an import merged into the map (a map loaded over the open one: map-load.ts).
// Like every mutation: validated before (by the caller's validateMap or here), one transaction each.
import * as Y from 'yjs';
import { LOCAL_ORIGIN, mapRoots, nextOrder, ORDER_KEY, toFieldMap, type FieldMap } from './doc.ts';
import { ModelError, writeChangedFields } from './mutations.ts';
import type { MapEdge, MapMeta, MapNode, PathwaysMap, Position } from './types.ts';

/** Puts the views in this slide order (ids not listed keep their place after them), as one change. */
export function reorderViews(doc: Y.Doc, ids: string[]): void {
  const roots = mapRoots(doc);
  const missing = ids.filter((id) => !(roots.views.get(id) instanceof Y.Map));
  if (missing.length) throw new ModelError(missing.map((id) => ({ path: id, message: `no view "${id}"` })), 'slide order');
  const listed = new Set(ids);
  const rest = [...roots.views.entries()]
    .filter(([id]) => !listed.has(id))
    .sort(([a, x], [b, y]) => Number(x.get(ORDER_KEY)) - Number(y.get(ORDER_KEY)) || (a < b ? -1 : 1))
    .map(([id]) => id);
  doc.transact(() => {
    [...ids, ...rest].forEach((id, index) => {
      const fields = roots.views.get(id) as FieldMap;
      if (fields.get(ORDER_KEY) !== index) fields.set(ORDER_KEY, index);
    });
  }, LOCAL_ORIGIN);
}

/** New and changed entries to write into the open map (an import's merge): ids are the open map's. */
export interface MapWrites {
  nodes: MapNode[];
  edges: MapEdge[];
  positions: Record<string, Position>;
  meta: Partial<MapMeta>;
}

/**
 * Writes a validated merge as ONE local transaction (one undo step). Existing entries change field by
 * field, so a peer's concurrent edit to another field survives; a merge adds and updates, never deletes.
 */
export function applyMapWrites(doc: Y.Doc, writes: MapWrites): void {
  const roots = mapRoots(doc);
  const write = (root: Y.Map<FieldMap>, entry: { id: string }) => {
    const existing = root.get(entry.id);
    if (existing instanceof Y.Map) writeChangedFields(existing, entry as Record<string, unknown>, { keepMissing: true });
    else root.set(entry.id, toFieldMap({ ...(entry as Record<string, unknown>), [ORDER_KEY]: nextOrder() }));
  };
  doc.transact(() => {
    for (const node of writes.nodes) write(roots.nodes, node);
    for (const edge of writes.edges) write(roots.edges, edge);
    for (const [id, p] of Object.entries(writes.positions)) roots.positions.set(id, { x: p.x, y: p.y });
    for (const [name, value] of Object.entries(writes.meta)) if (value !== undefined) roots.meta.set(name, value);
  }, LOCAL_ORIGIN);
}
