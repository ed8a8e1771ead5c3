// Concentric by a metric: the most central node in the middle, rings outward in falling order — the
// "who holds this network together" picture. Pure: positions only.
import type { PathwaysMap, Position } from '../../model/types.ts';

export const RING = { gap: 210, firstCapacity: 6 } as const;

/** `values` ranks the nodes (missing = 0); `only` limits the arrangement to these ids (the rest
 *  stack at the centre, hidden by the view). Ties break by id so every peer draws the same picture. */
export function concentricLayout(map: PathwaysMap, values: Record<string, number>, only?: Set<string>): Record<string, Position> {
  const positions: Record<string, Position> = {};
  const ranked = map.nodes
    .filter((n) => !only || only.has(n.id))
    .map((n) => ({ id: n.id, value: values[n.id] ?? 0 }))
    .sort((a, b) => b.value - a.value || a.id.localeCompare(b.id));
  for (const node of map.nodes) positions[node.id] = { x: 0, y: 0 };
  let index = 0;
  for (let ring = 0; index < ranked.length; ring++) {
    // Ring r holds 6r nodes (the centre one), so spacing along each ring stays about the same.
    const capacity = ring === 0 ? 1 : RING.firstCapacity * ring;
    const members = ranked.slice(index, index + capacity);
    members.forEach((m, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / members.length;
      // `|| 0` turns -0 into 0: the same number on every peer and in every file.
      positions[m.id] = { x: Math.round(ring * RING.gap * Math.cos(angle)) || 0, y: Math.round(ring * RING.gap * Math.sin(angle)) || 0 };
    });
    index += capacity;
  }
  return positions;
}
