// The live map is a Y.Doc. Layout (see DESIGN.md):
//   nodes: id → Y.Map(field → JSON)   one Y.Map per node, so concurrent edits to two fields both survive;
//                                     plus ORDER_KEY, the place every replica lists it in (layout v2)
//   edges: id → Y.Map(field → JSON)   plus ORDER_KEY (layout v2)
//   meta:  field → JSON               plus SCHEMA_KEY, the document layout version
//   views: id → Y.Map(field → JSON)   plus ORDER_KEY for the slide order
//   positions: id → {x, y}            written on drag end only (Yjs keeps every overwritten value)
//   file:  unknown top-level fields of the imported file, kept for the round trip
//   versions: id → MapVersion (plain JSON, never edited)  named versions; keyed by a random id so
//          versions taken at once by two peers both survive (src/history/versions.ts)
//   changes: element key + entry id → change entry       who changed what (src/model/attribution.ts)
import * as Y from 'yjs';
import { MAP_FORMAT, MAP_VERSION } from './constants.ts';
import type { PathwaysMap } from './types.ts';

/** Transaction origin of this user's own edits: the undo manager tracks only these. */
export const LOCAL_ORIGIN = Object.freeze({ name: 'pathways-local-user' });
/** Origin of whole-map loads (opening a file, the demo): not undoable. */
export const LOAD_ORIGIN = Object.freeze({ name: 'pathways-load' });
/** Origin of a whole map the user opened over the one shown: undoable, yet still a whole-map load. */
export const USER_LOAD_ORIGIN = Object.freeze({ name: 'pathways-user-load' });
/** True for a transaction that replaced the whole map (a load, or a file the user opened). */
export const isMapLoad = (origin: unknown): boolean => origin === LOAD_ORIGIN || origin === USER_LOAD_ORIGIN;
/** Origin of layout migrations: not undoable, not the user's. */
export const MIGRATION_ORIGIN = Object.freeze({ name: 'pathways-migration' });

/** Version of the Y.Doc layout (not of the file format); `migrateDoc` brings older documents up to it. */
export const DOC_SCHEMA_VERSION = 2;
export const SCHEMA_KEY = '$schema';
export const ORDER_KEY = '$order';

export type FieldMap = Y.Map<unknown>;

export interface MapRoots {
  nodes: Y.Map<FieldMap>;
  edges: Y.Map<FieldMap>;
  meta: Y.Map<unknown>;
  views: Y.Map<FieldMap>;
  positions: Y.Map<unknown>;
  file: Y.Map<unknown>;
  versions: Y.Map<unknown>;
  changes: Y.Map<unknown>;
}

export function mapRoots(doc: Y.Doc): MapRoots {
  return {
    nodes: doc.getMap<FieldMap>('nodes'),
    edges: doc.getMap<FieldMap>('edges'),
    meta: doc.getMap<unknown>('meta'),
    views: doc.getMap<FieldMap>('views'),
    positions: doc.getMap<unknown>('positions'),
    file: doc.getMap<unknown>('file'),
    versions: doc.getMap<unknown>('versions'),
    changes: doc.getMap<unknown>('changes'),
  };
}

/** A Y.Map holding the fields of a plain object (undefined fields are skipped). */
export function toFieldMap(entry: Record<string, unknown>): FieldMap {
  const fields = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(entry)) if (value !== undefined) fields.set(key, value);
  return fields;
}

/** A plain object from a field map (or whatever a peer put there). */
export function fromFieldMap(value: unknown): Record<string, unknown> | unknown {
  return value instanceof Y.Map ? (value.toJSON() as Record<string, unknown>) : value;
}

const KNOWN_TOP_LEVEL = new Set(['format', 'version', 'meta', 'nodes', 'edges', 'views', 'positions', 'versions']);

/** Replaces everything the doc holds with `map`, in one transaction. */
export function replaceMapContent(doc: Y.Doc, map: PathwaysMap, origin: unknown = LOAD_ORIGIN): void {
  const roots = mapRoots(doc);
  doc.transact(() => {
    for (const root of Object.values(roots)) root.clear();
    roots.meta.set(SCHEMA_KEY, DOC_SCHEMA_VERSION);
    for (const [key, value] of Object.entries(map.meta)) if (value !== undefined) roots.meta.set(key, value);
    map.nodes.forEach((node, index) => roots.nodes.set(node.id, toFieldMap({ ...node, [ORDER_KEY]: index })));
    map.edges.forEach((edge, index) => roots.edges.set(edge.id, toFieldMap({ ...edge, [ORDER_KEY]: index })));
    map.views.forEach((view, index) => roots.views.set(view.id, toFieldMap({ ...view, [ORDER_KEY]: index })));
    for (const [id, position] of Object.entries(map.positions)) roots.positions.set(id, { x: position.x, y: position.y });
    for (const [key, value] of Object.entries(map)) if (!KNOWN_TOP_LEVEL.has(key)) roots.file.set(key, value);
    for (const version of map.versions ?? []) roots.versions.set(version.id, version);
  }, origin);
}

let lastOrder = 0;
/**
 * The order key of a new node or edge: after everything loaded from a file (0…n−1) and after this
 * replica's earlier additions. Replicas sort by (order, id), so every screen lists entries alike without
 * reading Yjs internals; concurrent additions with equal keys fall back to their ids.
 */
export function nextOrder(): number {
  lastOrder = Math.max(Date.now(), lastOrder + 0.001);
  return lastOrder;
}

/**
 * Brings a document made by an older studio (layout v1: order taken from Yjs item ids) up to
 * DOC_SCHEMA_VERSION. Deterministic, so peers migrating the same room at once write the same values.
 * Returns what it did: 'current', 'migrated', 'empty', or 'newer' (made by a newer studio: left alone).
 */
export function migrateDoc(doc: Y.Doc): 'current' | 'migrated' | 'empty' | 'newer' {
  const roots = mapRoots(doc);
  const version = roots.meta.get(SCHEMA_KEY);
  if (version === DOC_SCHEMA_VERSION) return 'current';
  if (typeof version === 'number' && version > DOC_SCHEMA_VERSION) return 'newer';
  if (version === undefined && roots.nodes.size === 0 && roots.edges.size === 0 && roots.meta.size === 0) return 'empty';
  doc.transact(() => {
    for (const root of [roots.nodes, roots.edges]) {
      [...root.keys()].sort().forEach((id, index) => {
        const fields = root.get(id);
        if (fields instanceof Y.Map && typeof fields.get(ORDER_KEY) !== 'number') fields.set(ORDER_KEY, index);
      });
    }
    roots.meta.set(SCHEMA_KEY, DOC_SCHEMA_VERSION);
  }, MIGRATION_ORIGIN);
  return 'migrated';
}

export function createMapDoc(map?: PathwaysMap): Y.Doc {
  const doc = new Y.Doc();
  if (map) replaceMapContent(doc, map);
  return doc;
}

export function emptyMap(title = 'Untitled map'): PathwaysMap {
  return { format: MAP_FORMAT, version: MAP_VERSION, meta: { title }, nodes: [], edges: [], views: [], positions: {} };
}
