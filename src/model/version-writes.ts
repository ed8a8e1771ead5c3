// The model's writes for named versions: storing one, and restoring the map to one. History computes
// (deltas, rebuilt contents); only the model writes the document.
import * as Y from 'yjs';
import { LOCAL_ORIGIN, mapRoots, nextOrder, ORDER_KEY, SCHEMA_KEY, toFieldMap, type FieldMap } from './doc.ts';
import { ModelError, writeChangedFields } from './mutations.ts';
import { recordChanges, type RecordedChange } from './attribution.ts';
import { looksLikeVersion } from './version-store.ts';
import type { MapVersion, PathwaysMap } from './types.ts';

/** Stores a version entry under its id. Every peer receives it; the entry is stored as it is, never copied. */
export function putVersion(doc: Y.Doc, entry: MapVersion): void {
  if (!looksLikeVersion(entry, entry.id)) throw new ModelError([{ path: 'version', message: `version "${String((entry as { id?: unknown }).id)}" is malformed` }], 'version');
  const versions = mapRoots(doc).versions;
  if (versions.has(entry.id)) throw new ModelError([{ path: 'version', message: `duplicate version id "${entry.id}"` }], 'version');
  doc.transact(() => versions.set(entry.id, entry), LOCAL_ORIGIN);
}

function syncCollection(root: Y.Map<FieldMap>, entries: { id: string }[], kind: 'node' | 'edge' | null, label: string, changes: RecordedChange[], extra?: (index: number) => Record<string, unknown>): void {
  const keep = new Set(entries.map((e) => e.id));
  for (const id of [...root.keys()]) {
    if (keep.has(id)) continue;
    root.delete(id);
    if (kind) changes.push({ element: `${kind}:${id}`, action: 'removed', version: label });
  }
  entries.forEach((entry, index) => {
    const fields = root.get(entry.id);
    // Nodes and edges keep their place in the list every replica agrees on; one brought back goes last.
    const order = kind ? { [ORDER_KEY]: fields instanceof Y.Map && typeof fields.get(ORDER_KEY) === 'number' ? fields.get(ORDER_KEY) : nextOrder() } : {};
    const next = { ...(entry as Record<string, unknown>), ...order, ...extra?.(index) };
    if (fields instanceof Y.Map) {
      // writeChangedFields names the fields it wrote: none means the entry already was as the version has it.
      const written = writeChangedFields(fields, next);
      if (kind && written.length) changes.push({ element: `${kind}:${entry.id}`, action: 'restored', version: label });
    } else {
      root.set(entry.id, toFieldMap(next));
      if (kind) changes.push({ element: `${kind}:${entry.id}`, action: 'restored', version: label });
    }
  });
}

/**
 * Makes the live map `map` (a validated map, e.g. a rebuilt version) as ONE local transaction, so one
 * undo gives back the exact prior map. Only what differs is written (a peer's concurrent edit to an
 * untouched element survives); each element changed records that it was restored from `label`.
 * Returns how many nodes and edges changed.
 */
export function restoreMapContent(doc: Y.Doc, map: PathwaysMap, options: { label: string }): number {
  const { label } = options;
  const roots = mapRoots(doc);
  const changes: RecordedChange[] = [];
  doc.transact(() => {
    syncCollection(roots.nodes, map.nodes, 'node', label, changes);
    syncCollection(roots.edges, map.edges, 'edge', label, changes);
    syncCollection(roots.views, map.views, null, label, changes, (index) => ({ [ORDER_KEY]: index }));
    for (const key of [...roots.positions.keys()]) if (!(key in map.positions)) roots.positions.delete(key);
    for (const [key, p] of Object.entries(map.positions)) {
      const current = roots.positions.get(key) as { x?: number; y?: number } | undefined;
      if (current?.x !== p.x || current?.y !== p.y) roots.positions.set(key, { x: p.x, y: p.y });
    }
    for (const key of [...roots.meta.keys()]) if (key !== SCHEMA_KEY && !(key in map.meta)) roots.meta.delete(key);
    for (const [key, value] of Object.entries(map.meta)) {
      if (value !== undefined && JSON.stringify(roots.meta.get(key)) !== JSON.stringify(value)) roots.meta.set(key, value);
    }
    recordChanges(doc, changes);
  }, LOCAL_ORIGIN);
  return changes.length;
}
