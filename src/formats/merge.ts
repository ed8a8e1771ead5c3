// Merging an imported map into the open one. Nodes match by id, then by type and label (case and
// spacing ignored); edges by id, then by type and (remapped) endpoints. `planMerge` only computes:
// the preview ({added, updated, skipped}) and the merged map; nothing changes until the caller applies it.
import type * as Y from 'yjs';
import { applyMapWrites } from '../model/map-writes.ts';
import { defaultLifeStages } from '../model/constants.ts';
import type { MapEdge, MapMeta, MapNode, PathwaysMap, Problem } from '../model/types.ts';
import { validateMap } from '../model/validate.ts';

export interface MergeCounts {
  nodes: number;
  edges: number;
}

export interface MergePlan {
  added: MergeCounts;
  updated: MergeCounts;
  skipped: MergeCounts;
  /** How many entries each settings list gains (life stages, areas, populations, outcomes). */
  addedSettings: Partial<Record<SettingsList, number>>;
  /** The open map after the merge (validated); null with problems when the result would be invalid. */
  merged: PathwaysMap | null;
  problems: Problem[];
  /** What to write: new and changed entries only, with the open map's ids; settings lists that gained entries. */
  writes: { nodes: MapNode[]; edges: MapEdge[]; positions: Record<string, { x: number; y: number }>; meta: Partial<Pick<MapMeta, SettingsList>> };
}

const key = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The map settings that are lists of named entries: an import can bring new ones. */
export const SETTINGS_LISTS = ['lifeStages', 'areas', 'populations', 'outcomes'] as const;
export type SettingsList = (typeof SETTINGS_LISTS)[number];

/**
 * Each settings list gains the imported entries it lacks (matched by id; outcomes without one by measure);
 * the open map's own entries stay as they are. Only lists that gained something are returned.
 */
export function mergeSettings(current: MapMeta, incoming: MapMeta): { lists: Partial<Pick<MapMeta, SettingsList>>; added: Partial<Record<SettingsList, number>> } {
  const out: Record<string, unknown[]> = {};
  const counts: Partial<Record<SettingsList, number>> = {};
  for (const name of SETTINGS_LISTS) {
    const theirs = (incoming[name] ?? []) as { id?: string; measure?: string }[];
    if (!theirs.length) continue;
    // A map without its own life stages uses the defaults: those count as present.
    const ours = [...((current[name] ?? (name === 'lifeStages' ? defaultLifeStages() : [])) as { id?: string; measure?: string }[])];
    const keyOf = (entry: { id?: string; measure?: string }) => entry.id ?? `measure:${entry.measure}`;
    const known = new Set(ours.map(keyOf));
    const added = theirs.filter((entry) => !known.has(keyOf(entry)));
    if (added.length) {
      out[name] = [...ours, ...added];
      counts[name] = added.length;
    }
  }
  return { lists: out as Partial<Pick<MapMeta, SettingsList>>, added: counts };
}

export function planMerge(current: PathwaysMap, incoming: PathwaysMap): MergePlan {
  const plan: MergePlan = {
    added: { nodes: 0, edges: 0 }, updated: { nodes: 0, edges: 0 }, skipped: { nodes: 0, edges: 0 }, addedSettings: {},
    merged: null, problems: [], writes: { nodes: [], edges: [], positions: {}, meta: {} },
  };
  const nodes = new Map(current.nodes.map((n) => [n.id, n]));
  const byLabel = new Map(current.nodes.map((n) => [`${n.type}:${key(n.label)}`, n.id]));
  const rename = new Map<string, string>();
  for (const node of incoming.nodes) {
    const existingId = nodes.has(node.id) ? node.id : byLabel.get(`${node.type}:${key(node.label)}`);
    rename.set(node.id, existingId ?? node.id);
  }
  const mapId = (id: unknown) => (typeof id === 'string' ? (rename.get(id) ?? id) : id);
  for (const node of incoming.nodes) {
    const id = rename.get(node.id)!;
    const existing = nodes.get(id);
    // Matched by name: the open map's spelling of the name stays.
    const label = existing && id !== node.id ? existing.label : node.label;
    const patched = { ...node, id, label, ...(node.type === 'program' && node.organization ? { organization: mapId(node.organization) } : {}) } as MapNode;
    if (!existing) {
      plan.added.nodes++;
      nodes.set(id, patched);
      plan.writes.nodes.push(patched);
      continue;
    }
    const result = { ...existing, ...patched } as MapNode;
    if (same(result, existing)) plan.skipped.nodes++;
    else {
      plan.updated.nodes++;
      nodes.set(id, result);
      plan.writes.nodes.push(result);
    }
  }
  const edges = new Map(current.edges.map((e) => [e.id, e]));
  const byEnds = new Map(current.edges.map((e) => [`${e.type}:${e.source}>${e.target}`, e.id]));
  for (const edge of incoming.edges) {
    const source = mapId(edge.source) as string;
    const target = mapId(edge.target) as string;
    const existingId = byEnds.get(`${edge.type}:${source}>${target}`) ?? (edges.get(edge.id)?.source === source && edges.get(edge.id)?.target === target ? edge.id : undefined);
    let id = existingId ?? edge.id;
    if (!existingId) for (let n = 2; edges.has(id) || nodes.has(id); n++) id = `${edge.id}-${n}`;
    const patched = { ...edge, id, source, target } as MapEdge;
    const existing = edges.get(id);
    if (!existing) {
      plan.added.edges++;
      edges.set(id, patched);
      plan.writes.edges.push(patched);
      continue;
    }
    const result = { ...existing, ...patched } as MapEdge;
    if (same(result, existing)) plan.skipped.edges++;
    else {
      plan.updated.edges++;
      edges.set(id, result);
      plan.writes.edges.push(result);
    }
  }
  // Positions only for nodes new to the open map: existing nodes stay where people put them.
  for (const [id, position] of Object.entries(incoming.positions)) {
    const target = rename.get(id);
    if (target && !current.positions[target] && !current.nodes.some((n) => n.id === target)) plan.writes.positions[target] = position;
  }
  const settings = mergeSettings(current.meta, incoming.meta);
  plan.writes.meta = settings.lists;
  plan.addedSettings = settings.added;
  const candidate: PathwaysMap = {
    ...current,
    meta: { ...current.meta, ...plan.writes.meta },
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    positions: { ...current.positions, ...plan.writes.positions },
  };
  const checked = validateMap(candidate);
  plan.merged = checked.map;
  plan.problems = checked.problems;
  return plan;
}

/** Writes a plan into the live doc as ONE local transaction: one step for Y.UndoManager. */
export function applyMerge(doc: Y.Doc, plan: MergePlan): void {
  if (!plan.merged) throw new Error('This merge would make the map invalid; nothing was changed.');
  applyMapWrites(doc, plan.writes);
}
