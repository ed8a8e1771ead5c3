// A comparison drawn on one map: the newer map with what was removed put back (where it was), and each
// element marked added, removed or changed for the canvas overlay and its legend.
import type { MapDiff } from '../../history/diff.ts';
import type { PathwaysMap } from '../../model/types.ts';

export type DiffMark = 'added' | 'removed' | 'changed';

/**
 * Okabe–Ito colours (safe for the common colour-vision deficiencies), each with its own line style so
 * the marks never rely on colour alone.
 */
export const DIFF_LEGEND: { mark: DiffMark; label: string; color: string; line: string }[] = [
  { mark: 'added', label: 'Added', color: '#009E73', line: 'solid' },
  { mark: 'changed', label: 'Changed', color: '#0072B2', line: 'double' },
  { mark: 'removed', label: 'Removed', color: '#D55E00', line: 'dashed' },
];

export function comparisonView(before: PathwaysMap, after: PathwaysMap, diff: MapDiff): { map: PathwaysMap; marks: Map<string, DiffMark> } {
  const marks = new Map<string, DiffMark>();
  for (const id of [...diff.added.nodes, ...diff.added.edges]) marks.set(id, 'added');
  for (const id of [...Object.keys(diff.changed.nodes), ...Object.keys(diff.changed.edges)]) marks.set(id, 'changed');
  const removedNodes = new Set(diff.removed.nodes);
  const removedEdges = new Set(diff.removed.edges);
  const nodes = [...after.nodes, ...before.nodes.filter((n) => removedNodes.has(n.id))];
  const present = new Set(nodes.map((n) => n.id));
  const edges = [...after.edges, ...before.edges.filter((e) => removedEdges.has(e.id) && present.has(e.source) && present.has(e.target))];
  for (const id of removedNodes) marks.set(id, 'removed');
  for (const e of edges) if (removedEdges.has(e.id)) marks.set(e.id, 'removed');
  const positions = { ...after.positions };
  for (const id of removedNodes) if (before.positions[id]) positions[id] = before.positions[id];
  return { map: { ...after, nodes, edges, positions }, marks };
}
