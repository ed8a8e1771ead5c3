// The live map is a Y.Doc. Layout (see DESIGN.md):
//   nodes: id → Y.Map(field → JSON)   one Y.Map per node, so concurrent edits to two fields both survive
//   edges: id → Y.Map(field → JSON)
//   meta:  field → JSON               plus SCHEMA_KEY, the document layout version
//   views: id → Y.Map(field → JSON)   plus ORDER_KEY for the slide order
//   positions: id → {x, y}            written on drag end only (Yjs keeps every overwritten value)
//   file:  unknown top-level fields of the imported file, kept for the round trip
//   versions: id → MapVersion (plain JSON, never edited)  named versions; keyed by a random id so
//          versions taken at once by two peers both survive (src/history/versions.ts)
//   changes: element key + entry id → change entry       who changed what (src/history/attribution.ts)
import * as Y from 'yjs';
import { MAP_FORMAT, MAP_VERSION } from './constants.ts';
import type { PathwaysMap } from './types.ts';

/** Transaction origin of this user's own edits: the undo manager tracks only these. */
export const LOCAL_ORIGIN = Object.freeze({ name: 'pathways-local-user' });
/** Origin of whole-map loads (opening a file, the demo): not undoable. */
export const LOAD_ORIGIN = Object.freeze({ name: 'pathways-load' });

/** Version of the Y.Doc layout (not of the file format); a place for future doc migrations. */
export const DOC_SCHEMA_VERSION = 1;
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
    for (const node of map.nodes) roots.nodes.set(node.id, toFieldMap(node));
    for (const edge of map.edges) roots.edges.set(edge.id, toFieldMap(edge));
    map.views.forEach((view, index) => roots.views.set(view.id, toFieldMap({ ...view, [ORDER_KEY]: index })));
    for (const [id, position] of Object.entries(map.positions)) roots.positions.set(id, { x: position.x, y: position.y });
    for (const [key, value] of Object.entries(map)) if (!KNOWN_TOP_LEVEL.has(key)) roots.file.set(key, value);
    for (const version of map.versions ?? []) roots.versions.set(version.id, version);
  }, origin);
}

export function createMapDoc(map?: PathwaysMap): Y.Doc {
  const doc = new Y.Doc();
  if (map) replaceMapContent(doc, map);
  return doc;
}

export function emptyMap(title = 'Untitled map'): PathwaysMap {
  return { format: MAP_FORMAT, version: MAP_VERSION, meta: { title }, nodes: [], edges: [], views: [], positions: {} };
}
