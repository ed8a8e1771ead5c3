// A map's content (what a version keeps) and the changes between two contents: the delta a version
// stores against its base, and the apply that rebuilds it. Pure; shared by the studio, CLI and tests.
import { MAP_FORMAT, MAP_VERSION } from '../model/constants.ts';
import type { CollectionChanges, MapContent, PathwaysMap, VersionChanges } from '../model/types.ts';

export function contentOf(map: PathwaysMap): MapContent {
  return { meta: map.meta, nodes: map.nodes, edges: map.edges, views: map.views, positions: map.positions };
}

export function mapOfContent(content: MapContent): PathwaysMap {
  return { format: MAP_FORMAT, version: MAP_VERSION, meta: content.meta, nodes: content.nodes, edges: content.edges, views: content.views ?? [], positions: content.positions ?? {} };
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function collectionChanges<T extends { id: string }>(before: T[], after: T[]): CollectionChanges<T> | undefined {
  const old = new Map(before.map((entry) => [entry.id, entry]));
  const now = new Set(after.map((entry) => entry.id));
  const set = after.filter((entry) => !same(old.get(entry.id), entry));
  const remove = before.filter((entry) => !now.has(entry.id)).map((entry) => entry.id);
  if (!set.length && !remove.length) return undefined;
  return { ...(set.length ? { set } : {}), ...(remove.length ? { remove } : {}) };
}

/** What turns `before` into `after`; empty object when nothing changed. */
export function contentChanges(before: MapContent, after: MapContent): VersionChanges {
  const changes: VersionChanges = {};
  if (!same(before.meta, after.meta)) changes.meta = after.meta;
  const nodes = collectionChanges(before.nodes, after.nodes);
  if (nodes) changes.nodes = nodes;
  const edges = collectionChanges(before.edges, after.edges);
  if (edges) changes.edges = edges;
  if (!same(before.views ?? [], after.views ?? [])) changes.views = after.views;
  const oldPositions = before.positions ?? {};
  const newPositions = after.positions ?? {};
  const set = Object.fromEntries(Object.entries(newPositions).filter(([id, p]) => !same(oldPositions[id], p)));
  const remove = Object.keys(oldPositions).filter((id) => !(id in newPositions));
  if (Object.keys(set).length || remove.length) changes.positions = { ...(Object.keys(set).length ? { set } : {}), ...(remove.length ? { remove } : {}) };
  return changes;
}

function applyCollection<T extends { id: string }>(base: T[], changes: CollectionChanges<T> | undefined): T[] {
  if (!changes) return base;
  const entries = new Map(base.map((entry) => [entry.id, entry]));
  for (const id of changes.remove ?? []) entries.delete(id);
  for (const entry of changes.set ?? []) entries.set(entry.id, entry);
  return [...entries.values()];
}

export function applyChanges(base: MapContent, changes: VersionChanges): MapContent {
  const positions = { ...(base.positions ?? {}) };
  for (const id of changes.positions?.remove ?? []) delete positions[id];
  Object.assign(positions, changes.positions?.set ?? {});
  return {
    meta: changes.meta ?? base.meta,
    nodes: applyCollection(base.nodes, changes.nodes),
    edges: applyCollection(base.edges, changes.edges),
    views: changes.views ?? base.views ?? [],
    positions,
  };
}
