// Drawing a saved view on the live canvas: hide what it filters out, colour and size what it shows,
// arrange it (concentric, by area), and move the viewport. The view's meaning is computed purely in
// src/views; this file only hands the result to Cytoscape.
import type { Core, NodeSingular } from 'cytoscape';
import type { AnalysisReport } from '../analysis/types.ts';
import type { PathwaysMap, Position } from '../model/types.ts';
import type { SavedView, ViewPresentation } from '../views/types.ts';
import { byAreaLayout } from './layouts/by-area.ts';
import { concentricLayout } from './layouts/concentric.ts';
import type { Lane } from './layouts/lanes.ts';
import { laneElements } from './placement.ts';
import { lanesPlaced } from './lane-titles.ts';

export const VIEW_LAYOUTS_ON_CANVAS = ['concentric', 'byArea'] as const;
export type CanvasViewLayout = (typeof VIEW_LAYOUTS_ON_CANVAS)[number];

export function isViewLayout(layout: string): layout is CanvasViewLayout {
  return (VIEW_LAYOUTS_ON_CANVAS as readonly string[]).includes(layout);
}

const styled = new WeakSet<Core>();

/**
 * Adds the view's selectors once per instance; appended last, so they win over the overlays. Canvas.svelte
 * installs them before any element is added: a later install restyles every element.
 */
export function installViewStyles(cy: Core): void {
  if (styled.has(cy)) return;
  styled.add(cy);
  cy.style()
    .selector('.view-hidden')
    .style({ display: 'none' })
    .selector('node[vcolor]')
    .style({ 'background-color': 'data(vcolor)', 'background-opacity': 1 })
    .selector('node[vsize]')
    .style({ width: 'data(vsize)', height: 'data(vsize)' })
    .selector('node.view-problem')
    .style({ 'underlay-color': '#C0392B', 'underlay-opacity': 0.28, 'underlay-padding': 10, 'underlay-shape': 'ellipse' })
    .selector('edge.view-problem')
    .style({ 'underlay-color': '#C0392B', 'underlay-opacity': 0.25, 'underlay-padding': 6, width: 5 })
    .selector('node.projector')
    .style({ 'font-size': 22, 'text-outline-width': 3.5, 'text-max-width': '170px' })
    .selector('node.kb-focus')
    .style({ 'outline-color': '#2563eb', 'outline-width': 5, 'outline-offset': 4, 'outline-opacity': 1 } as Record<string, unknown>)
    .update();
}

/** Replaces whatever view was drawn with this one (null: the plain map). */
export function applyViewPresentation(cy: Core, presentation: ViewPresentation | null): void {
  installViewStyles(cy);
  cy.batch(() => {
    cy.elements('.view-hidden, .view-problem').removeClass('view-hidden view-problem');
    cy.nodes('[vcolor], [vsize]').removeData('vcolor vsize');
    if (!presentation) return;
    cy.elements()
      .not('.lane')
      .forEach((ele) => {
        if (!presentation.visible.has(ele.id())) ele.addClass('view-hidden');
      });
    for (const [id, color] of presentation.colors) cy.$id(id).data('vcolor', color);
    for (const [id, size] of presentation.sizes) cy.$id(id).data('vsize', size);
    for (const id of presentation.highlighted) cy.$id(id).addClass('view-problem');
  });
}

/** Where the concentric and by-area layouts put the nodes a view shows. */
export function viewLayoutPlacement(
  layout: CanvasViewLayout,
  map: PathwaysMap,
  report: AnalysisReport | null,
  view: SavedView | null,
  visible: Set<string> | undefined,
): { positions: Record<string, Position>; lanes: Lane[] } {
  if (layout === 'byArea') return byAreaLayout(map, visible);
  const metric = view?.layoutMetric ?? (view?.sizeBy === 'degree' ? 'degree' : 'betweenness');
  return { positions: concentricLayout(map, report?.structure[metric] ?? {}, visible), lanes: [] };
}

/** Moves nodes into a view layout, with its boxes, in one batch. */
export function placeViewLayout(cy: Core, placement: { positions: Record<string, Position>; lanes: Lane[] }): void {
  cy.batch(() => {
    cy.nodes('.lane').remove();
    cy.add(laneElements(placement.lanes));
    lanesPlaced(cy);
    cy.edges().removeClass('context');
    cy.nodes()
      .not('.lane')
      .forEach((n: NodeSingular) => {
        const to = placement.positions[n.id()];
        const at = n.position();
        if (to && (at.x !== to.x || at.y !== to.y)) n.position({ ...to });
      });
    cy.autoungrabify(true);
  });
}

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

// Room for the Map | Table switch above and part of the legend below.
export const STUDIO_INSETS: Insets = { top: 64, right: 40, bottom: 110, left: 60 };

/** Zoom and pan that fit a box into the part of the canvas that overlays leave free. Pure. */
export function fitViewport(box: { x1: number; y1: number; w: number; h: number }, width: number, height: number, insets: Insets, maxZoom = 1.6) {
  const freeW = Math.max(50, width - insets.left - insets.right);
  const freeH = Math.max(50, height - insets.top - insets.bottom);
  const zoom = Math.min(maxZoom, freeW / Math.max(box.w, 1), freeH / Math.max(box.h, 1));
  return {
    zoom,
    pan: { x: insets.left + (freeW - box.w * zoom) / 2 - box.x1 * zoom, y: insets.top + (freeH - box.h * zoom) / 2 - box.y1 * zoom },
  };
}

/** The view's saved viewport, else a fit of the nodes it shows (with the lane headers above them). */
export function moveToView(cy: Core, view: SavedView | null, options: { duration?: number; insets?: Insets } = {}): void {
  const duration = options.duration ?? 450;
  cy.stop(true, false);
  // The stage may just have grown (presentation hides the bars): measure before fitting.
  cy.resize();
  if (view?.viewport) {
    cy.animate({ zoom: view.viewport.zoom, pan: { ...view.viewport.pan } }, { duration });
    return;
  }
  const shown = cy.nodes().not('.view-hidden').not('.lane');
  if (shown.empty()) return;
  const box = { ...shown.boundingBox() };
  const lanes = cy.nodes('.lane');
  if (lanes.nonempty()) box.y1 = Math.min(box.y1, lanes.boundingBox().y1);
  const target = fitViewport({ x1: box.x1, y1: box.y1, w: box.x2 - box.x1, h: box.y2 - box.y1 }, cy.width(), cy.height(), options.insets ?? STUDIO_INSETS);
  cy.animate(target, { duration });
}

/** Projector theme on the canvas: larger, heavier labels readable from the back of a room. */
export function setProjectorTheme(cy: Core, on: boolean): void {
  installViewStyles(cy);
  if (on) cy.nodes().not('.lane').addClass('projector');
  else cy.nodes('.projector').removeClass('projector');
}
