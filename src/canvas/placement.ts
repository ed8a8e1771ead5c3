// Where things go when the map does not say: new nodes near their organization (or the view's
// centre), lane backgrounds as locked Cytoscape nodes, and the force layout's settings.
import type { Core, ElementDefinition, LayoutOptions, NodeSingular } from 'cytoscape';
import type { PathwaysMap, Position } from '../model/types.ts';
import { LANE, type Lane } from './layouts/lanes.ts';
import { LABEL_FONT } from './style.ts';

const nodeIndexes = new WeakMap<PathwaysMap, Map<string, PathwaysMap['nodes'][number]>>();

export function initialPosition(map: PathwaysMap, id: string, cy: Core): Position {
  // Indexed once per map: a big map without positions would otherwise search it once per node.
  let index = nodeIndexes.get(map);
  if (!index) nodeIndexes.set(map, (index = new Map(map.nodes.map((n) => [n.id, n]))));
  const node = index.get(id);
  const anchor = node?.type === 'program' && node.organization ? cy.$id(node.organization) : null;
  const base = anchor?.nonempty() ? anchor.position() : viewCenter(cy);
  // Spread siblings around the anchor deterministically (same id, same place on every peer).
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  const angle = ((hash >>> 0) % 360) * (Math.PI / 180);
  const radius = anchor?.nonempty() ? 110 : 40 + ((hash >>> 8) % 120);
  return { x: Math.round(base.x + radius * Math.cos(angle)), y: Math.round(base.y + radius * Math.sin(angle)) };
}

function viewCenter(cy: Core): Position {
  const extent = cy.extent();
  return { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
}

const LANE_FILLS = ['#f1f5fb', '#f8fafc'];
/** How far below its row's rule an area's name is centred (model pixels). */
export const AREA_LABEL_DROP = 18;

export function laneElements(lanes: Lane[]): ElementDefinition[] {
  const elements: ElementDefinition[] = [];
  // Big maps have wider lanes (lanes.ts); their titles grow with them, to read at overview.
  const stageWidth = lanes.find((lane) => lane.kind === 'stage')?.width ?? LANE.width - 16;
  const scale = Math.max(1, stageWidth / (LANE.width - 16));
  let stageIndex = 0;
  for (const lane of lanes) {
    if (lane.kind === 'area') {
      // A thin rule above each area row, its name at the row's top left. Not scaled with a big map's lanes
      // (it would cover the programs under it): at overview the count cells name the areas.
      elements.push({
        group: 'nodes',
        data: { id: lane.id, label: '', width: lane.width, height: 3, fill: '#94a3b8' },
        position: { x: lane.x + lane.width / 2, y: lane.y },
        classes: 'lane lane-rule',
        selectable: false,
        grabbable: false,
        locked: true,
      });
      elements.push({
        group: 'nodes',
        data: { id: `${lane.id}-label`, label: lane.label, width: 1, height: 1, fill: '#ffffff', fontSize: LABEL_FONT.areaName },
        position: { x: lane.x + 12, y: lane.y + AREA_LABEL_DROP },
        classes: 'lane lane-area',
        selectable: false,
        grabbable: false,
        locked: true,
      });
      continue;
    }
    const fill = lane.kind === 'organizations' ? '#fdf6ec' : LANE_FILLS[stageIndex++ % 2];
    elements.push({
      group: 'nodes',
      data: { id: lane.id, label: lane.label, width: lane.width, height: lane.height, fill, fontSize: Math.round(LABEL_FONT.stageTitle * scale) },
      position: { x: lane.x + lane.width / 2, y: lane.y + lane.height / 2 },
      classes: `lane lane-${lane.kind}`,
      selectable: false,
      grabbable: false,
      locked: true,
    });
  }
  return elements;
}

export function forceLayoutOptions(nodeCount: number): LayoutOptions {
  return {
    name: 'fcose',
    quality: nodeCount > 1500 ? 'draft' : 'default',
    randomize: true,
    animate: nodeCount < 400,
    animationDuration: 600,
    nodeRepulsion: 22000,
    idealEdgeLength: 150,
    nodeSeparation: 90,
    packComponents: true,
    fit: true,
    padding: 40,
  } as LayoutOptions;
}

/** Moving a node dirties it and its edges, even to where it already is: on a big map that is hundreds of
 *  milliseconds of style and edge recalculation on the main thread per edit. */
export function moveIfChanged(node: NodeSingular, to: Position | undefined): void {
  if (!to) return;
  const at = node.position();
  if (at.x !== to.x || at.y !== to.y) node.position({ x: to.x, y: to.y });
}

/** Pans (never zooms) to bring the selected nodes back on screen after a layout moved them (an edit
 *  sent a program to another lane): what the person is editing stays on screen. */
export function keepSelectionInView(cy: Core, margin = 48): void {
  const nodes = cy.nodes(':selected').not('.lane');
  if (nodes.empty() || nodes.length > 12) return;
  // A framing still under way would end centred on where the node was: finish it first.
  cy.stop(true, true);
  const box = nodes.renderedBoundingBox();
  if (box.x1 >= margin && box.y1 >= margin && box.x2 <= cy.width() - margin && box.y2 <= cy.height() - margin) return;
  cy.animate({ center: { eles: nodes } }, { duration: 300 });
}
