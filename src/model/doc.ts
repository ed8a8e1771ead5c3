// The live map is a Y.Doc. Layout v3 (see DESIGN.md): the map is one *content*, and a pointer says which.
//   current:  'content' → id          the content that is the map; absent in a v2 document, whose map is
//                                     the top-level roots below (so no v2 document needs rewriting)
//   contents: id → Y.Map(root name → Y.Map)   each content holds the roots below. A map loaded over
//                                     another is written into a new content in small transactions that
//                                     nobody shows, then becomes the map when the pointer flips (one key)
// The roots of a content (and, in a v2 document, of the doc itself):
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

/** Origin of the transactions that write a map into a content not yet shown: not undoable, not a load. */
export const STAGING_ORIGIN = Object.freeze({ name: 'pathways-staging' });

/** Version of the Y.Doc layout (not of the file format); `migrateDoc` brings older documents up to it. */
export const DOC_SCHEMA_VERSION = 3;
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

export const ROOT_NAMES = ['nodes', 'edges', 'meta', 'views', 'positions', 'file', 'versions', 'changes'] as const;
/** The key of the pointer (in the top-level `current` map) that names the content which is the map. */
export const CONTENT_KEY = 'content';

/** Set on a content once all of it is written: a content without it, not shown, is a load under way (or abandoned). */
export const WRITTEN_KEY = '$written';
/** When a load started writing its content (ms since the epoch; a crashed load's leftovers age out). */
export const STARTED_KEY = '$started';
/** Set on the content of a load that was stopped: the next load removes it. */
export const CANCELLED_KEY = '$cancelled';

/** Which content is the map: `current.content`. */
export const contentPointer = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>('current');
/** Every content the doc holds: the map, the maps it replaced (Undo flips back to them), one being written. */
export const contentStore = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>('contents');

/** The roots of one content, or null when it is not one (a peer's malformed write, a deleted id). */
export function contentRoots(content: unknown): MapRoots | null {
  if (!(content instanceof Y.Map)) return null;
  const roots: Record<string, unknown> = {};
  for (const name of ROOT_NAMES) {
    const root = content.get(name);
    if (!(root instanceof Y.Map)) return null;
    roots[name] = root;
  }
  return roots as unknown as MapRoots;
}

/**
 * The id of the content that is the map: the one the pointer names. If it names none: a v2 document's map
 * is its top-level roots (also after a load there is undone); otherwise (concurrent undos of two peers'
 * loads can leave the key deleted, a hostile peer can write anything) the complete content started last,
 * which every replica with the same state picks. Null for the top-level roots.
 */
export function currentContentId(doc: Y.Doc): string | null {
  return shownContent(doc)?.id ?? null;
}

/** The roots of the map as it is now (`currentContentId`'s content, or the top-level roots); never throws. */
export function mapRoots(doc: Y.Doc): MapRoots {
  return shownContent(doc)?.roots ?? topLevelRoots(doc);
}

/** `currentContentId` with its content's roots, found once (mapRoots runs on every edit and transaction). */
function shownContent(doc: Y.Doc): { id: string; roots: MapRoots } | null {
  const store = contentStore(doc);
  const id = contentPointer(doc).get(CONTENT_KEY);
  const named = typeof id === 'string' ? contentRoots(store.get(id)) : null;
  if (named) return { id: id as string, roots: named };
  const topLevel = topLevelRoots(doc);
  if (topLevel.meta.size || topLevel.nodes.size) return null;
  let latest: { id: string; roots: MapRoots; started: number } | null = null;
  for (const [key, content] of store.entries()) {
    if (!(content instanceof Y.Map) || content.get(WRITTEN_KEY) !== true || content.get(CANCELLED_KEY) === true) continue;
    const roots = contentRoots(content);
    if (!roots) continue;
    const started = content.get(STARTED_KEY);
    const at = typeof started === 'number' && Number.isFinite(started) ? started : -Infinity;
    if (!latest || at > latest.started || (at === latest.started && key > latest.id)) latest = { id: key, roots, started: at };
  }
  return latest;
}

/**
 * Calls `bind` with the roots of the map shown, and again (after undoing the last binding) whenever
 * another content becomes the map, passing the transaction that switched it. Returns the unbinding.
 */
export function watchShownRoots(doc: Y.Doc, bind: (roots: MapRoots, switched: Y.Transaction | null) => () => void): () => void {
  let shown = mapRoots(doc);
  let unbind = bind(shown, null);
  const onPointer = (event: Y.YMapEvent<unknown>) => {
    const roots = mapRoots(doc);
    if (roots.nodes === shown.nodes) return;
    unbind();
    shown = roots;
    unbind = bind(roots, event.transaction);
  };
  // The pointer, or the contents when it names none (`currentContentId`'s fallback).
  contentPointer(doc).observe(onPointer);
  contentStore(doc).observe(onPointer);
  return () => {
    contentPointer(doc).unobserve(onPointer);
    contentStore(doc).unobserve(onPointer);
    unbind();
  };
}

/** A new, empty content (written into `contents` by the caller). */
export function newContent(): Y.Map<unknown> {
  const content = new Y.Map<unknown>();
  for (const name of ROOT_NAMES) content.set(name, new Y.Map());
  return content;
}

function topLevelRoots(doc: Y.Doc): MapRoots {
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

/**
 * The writes that put `map` into a content's empty roots, an entry at a time, in the file's order: a
 * staged load (map-load.ts) runs them a slice per task, `replaceMapContent` all at once.
 */
export function* contentWrites(map: PathwaysMap): Generator<(roots: MapRoots) => void> {
  yield (roots) => {
    roots.meta.set(SCHEMA_KEY, DOC_SCHEMA_VERSION);
    for (const [key, value] of Object.entries(map.meta)) if (value !== undefined) roots.meta.set(key, value);
    for (const [key, value] of Object.entries(map)) if (!KNOWN_TOP_LEVEL.has(key)) roots.file.set(key, value);
  };
  for (const version of map.versions ?? []) yield (roots) => roots.versions.set(version.id, version);
  for (const [index, node] of map.nodes.entries()) yield (roots) => roots.nodes.set(node.id, toFieldMap({ ...node, [ORDER_KEY]: index }));
  for (const [index, edge] of map.edges.entries()) yield (roots) => roots.edges.set(edge.id, toFieldMap({ ...edge, [ORDER_KEY]: index }));
  for (const [index, view] of map.views.entries()) yield (roots) => roots.views.set(view.id, toFieldMap({ ...view, [ORDER_KEY]: index }));
  for (const [id, position] of Object.entries(map.positions)) yield (roots) => roots.positions.set(id, { x: position.x, y: position.y });
}

/** A random content id: peers staging loads at once never pick the same one. */
export function newContentId(): string {
  let text = '';
  for (const byte of crypto.getRandomValues(new Uint8Array(8))) text += byte.toString(16).padStart(2, '0');
  return `content-${text}`;
}

/**
 * Makes `map` the map in ONE transaction: a new content, written whole, and the pointer flipped to it.
 * The content it replaces stays in the doc, so undoing a user's load flips back to it.
 */
export function replaceMapContent(doc: Y.Doc, map: PathwaysMap, origin: unknown = LOAD_ORIGIN): void {
  doc.transact(() => {
    const id = newContentId();
    const content = newContent();
    content.set(WRITTEN_KEY, true);
    content.set(STARTED_KEY, Date.now());
    contentStore(doc).set(id, content);
    const roots = contentRoots(content)!;
    for (const write of contentWrites(map)) write(roots);
    contentPointer(doc).set(CONTENT_KEY, id);
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
 * Brings a document made by an older studio (layout v1: order taken from Yjs item ids; v2: the map in
 * the top-level roots, which v3 still reads) up to DOC_SCHEMA_VERSION. Deterministic, so peers migrating the same room at once write the same values.
 * Returns what it did: 'current', 'migrated', 'empty', or 'newer' (made by a newer studio: left alone).
 */
export function migrateDoc(doc: Y.Doc): 'current' | 'migrated' | 'empty' | 'newer' {
  const roots = mapRoots(doc);
  const version = roots.meta.get(SCHEMA_KEY);
  if (version === DOC_SCHEMA_VERSION) return 'current';
  if (typeof version === 'number' && version > DOC_SCHEMA_VERSION) return 'newer';
  if (version === undefined && roots.nodes.size === 0 && roots.edges.size === 0 && roots.meta.size === 0) return 'empty';
  // v2 → v3 needs no rewrite: a document without a content pointer keeps its map in the top-level roots.
  doc.transact(() => {
    if (typeof version !== 'number' || version < 2) for (const root of [roots.nodes, roots.edges]) {
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
