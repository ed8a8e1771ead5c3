// Semantic zoom for big maps (issue 14): at overview, the lanes picture is a life stage × area
// matrix of counts, empty cells (the gaps) marked, and the organizations one count; zooming in
// past OVERVIEW_ZOOM (or clicking a cell) opens into the programs. The cells are locked lane nodes;
// which of them is drawn at a zoom is decided while drawing (level-of-detail.ts); a drag on one pans. Framework-free.
import type { ElementDefinition } from 'cytoscape';
import type { PathwaysMap } from '../model/types.ts';
import type { LanesLayout } from './layouts/lanes.ts';

/** From this many nodes a map gets the overview matrix (the demo and small maps never do). */
export const OVERVIEW_FROM_NODES = 1500;
/** Below this zoom a big map shows the matrix, above it the programs. */
export const OVERVIEW_ZOOM = 0.22;

export function isBigMap(map: PathwaysMap): boolean {
  return map.nodes.length >= OVERVIEW_FROM_NODES;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** One count node per (stage, area) cell, and one for the organizations column. */
export function overviewElements(layout: LanesLayout, map: PathwaysMap): ElementDefinition[] {
  const elements: ElementDefinition[] = [];
  const areaLabels = new Map((map.meta.areas ?? []).map((area) => [area.id, area.label]));
  for (const [key, cell] of layout.cellBoxes) {
    const gap = cell.count === 0;
    // The row's name in each cell: the area titles sit under the matrix.
    const area = cell.area === '*' ? (areaLabels.size ? 'all areas' : '') : (areaLabels.get(cell.area) ?? cell.area);
    elements.push({
      group: 'nodes',
      data: {
        id: `cell-${key}`,
        label: `${gap ? 'No program (gap)' : count(cell.count, 'program', 'programs')}${area ? `\n${area}` : ''}`,
        width: cell.width - 24,
        height: cell.height - 24,
        fontSize: Math.max(24, Math.min(cell.width / 7, cell.height / 3)),
        fill: gap ? '#fdecea' : '#dbe7f6',
        stage: cell.stage,
        area: cell.area,
      },
      position: { x: cell.x + cell.width / 2, y: cell.y + cell.height / 2 },
      classes: gap ? 'lane lane-cell lane-cell-gap' : 'lane lane-cell',
      selectable: false,
      grabbable: false,
      // A drag that starts on the matrix pans (a click still opens the cell).
      pannable: true,
      locked: true,
    });
  }
  const orgLane = layout.lanes.find((lane) => lane.kind === 'organizations');
  const orgs = map.nodes.filter((n) => n.type === 'organization').length;
  if (orgLane && orgs) {
    elements.push({
      group: 'nodes',
      // The count over the noun, so the label stays inside its column at this size.
      data: { id: 'cell-organizations', label: count(orgs, 'organization', 'organizations').replace(' ', '\n'), width: orgLane.width - 24, height: orgLane.height - 160, fontSize: Math.max(24, orgLane.width / 8), fill: '#f6e7cf' },
      position: { x: orgLane.x + orgLane.width / 2, y: orgLane.y + 110 + (orgLane.height - 110) / 2 },
      classes: 'lane lane-cell lane-cell-organizations',
      selectable: false,
      grabbable: false,
      // A drag that starts on the matrix pans (a click still opens the cell).
      pannable: true,
      locked: true,
    });
  }
  return elements;
}
