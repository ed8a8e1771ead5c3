// Grouped by area: one box per neighbourhood with the programs serving it, one for programs that
// serve every area, one for organizations. Pure: positions and the boxes (drawn like lanes).
import type { PathwaysMap, Position } from '../../model/types.ts';
import type { Lane } from './lanes.ts';

export const AREA_BOX = { columns: 3, cellWidth: 150, cellHeight: 90, padding: 40, header: 70, gap: 60 } as const;

export function byAreaLayout(map: PathwaysMap, only?: Set<string>): { positions: Record<string, Position>; lanes: Lane[] } {
  const areas = map.meta.areas ?? [];
  const groups = new Map<string, { label: string; ids: string[] }>();
  for (const area of areas) groups.set(area.id, { label: area.label, ids: [] });
  groups.set('*', { label: areas.length ? 'All areas' : 'Programs', ids: [] });
  groups.set('organizations', { label: 'Organizations', ids: [] });
  const positions: Record<string, Position> = {};
  for (const node of map.nodes) {
    positions[node.id] = { x: 0, y: 0 };
    if (only && !only.has(node.id)) continue;
    // A program serving several areas sits in the first one it names (the map's own order).
    const key = node.type === 'organization' ? 'organizations' : (areas.find((a) => node.areas?.includes(a.id))?.id ?? '*');
    groups.get(key)!.ids.push(node.id);
  }
  const lanes: Lane[] = [];
  let x = 0;
  for (const [key, group] of groups) {
    if (!group.ids.length) continue;
    const columns = Math.min(AREA_BOX.columns, group.ids.length);
    const rows = Math.ceil(group.ids.length / columns);
    const width = columns * AREA_BOX.cellWidth + AREA_BOX.padding;
    const height = rows * AREA_BOX.cellHeight + AREA_BOX.header + AREA_BOX.padding;
    group.ids.forEach((id, i) => {
      positions[id] = {
        x: x + AREA_BOX.padding / 2 + AREA_BOX.cellWidth * (i % columns) + AREA_BOX.cellWidth / 2,
        y: AREA_BOX.header + AREA_BOX.cellHeight * Math.floor(i / columns) + AREA_BOX.cellHeight / 2,
      };
    });
    lanes.push({ id: `lane-group-${key}`, label: group.label, x, y: 0, width, height, kind: key === 'organizations' ? 'organizations' : 'stage' });
    x += width + AREA_BOX.gap;
  }
  return { positions, lanes };
}
