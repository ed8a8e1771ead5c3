// Level of detail on the viewport path (issue 14). A profile of a 20-step pan over 2,000 programs
// spent 53% of its time drawing arrowheads (each drawn twice when the edge is translucent) that
// are a pixel or two wide at overview. Cytoscape's stylesheet cannot depend on zoom, and
// restyling 25,000 elements when a threshold is crossed is itself a long task, so the detail is
// decided while drawing, in Cytoscape's canvas renderer:
// - below EDGE_DETAIL_MIN_ZOOM, no arrowheads, and on a big map dashed or dotted lines drawn solid;
// - on a big map (overview.ts), edges are left out while the viewport moves, and below
//   OVERVIEW_ZOOM only the lanes and their count matrix are drawn; above it, everything but the matrix,
//   programs and ties off screen passed over cheaply, the ties a slice per frame (cached-layer.ts);
// - the pointer hits only what is drawn (hit-test.ts).
// Labels use the stylesheet's own `min-zoomed-font-size`, decided at the real zoom (below). Framework-free.
import { installFastZOrder } from './z-order.ts';
import type { Core, NodeCollection } from 'cytoscape';
import { OVERVIEW_ZOOM } from './overview.ts';
import { installHitTesting, mayReach, NODE_HALF, type Box, type ElementLike } from './hit-test.ts';
import { drawnLists } from './drawn-lists.ts';
import { CachedLayer, FRAME_BUDGET_MS, showLayer } from './cached-layer.ts';

/** Below this zoom an arrowhead is a few pixels (the line's direction is not readable anyway), and a dash or
 *  dot a pixel or two: edges are drawn without arrowheads, and on a big map solid (dashing thousands of ties
 *  cost 4× drawing them; a small map keeps its dashes, cheap there, that tell an informal referral apart). */
export const EDGE_DETAIL_MIN_ZOOM = 0.45;
/** How far (model pixels) a program or organization is drawn from its centre: half the biggest node, and its
 *  wrapped name below it (~150) or an underlay around it (≤ 12), with room to spare. */
const NODE_REACH = NODE_HALF + 200;

/** Whether an element may show inside the model box `extent` (a node by its position alone; lanes are not asked). */
function mayShow(ele: ElementLike, extent: Box): boolean {
  if (!ele.isNode()) return mayReach(ele, extent, 0);
  const at = ele.position();
  return at.x + NODE_REACH >= extent.x1 && at.x - NODE_REACH <= extent.x2 && at.y + NODE_REACH >= extent.y1 && at.y - NODE_REACH <= extent.y2;
}

type Draw = (context: unknown, eles: ElementLike[], pxRatio: number, extent: unknown) => void;

export interface StyledElement {
  pstyle(name: string): { pfValue: number };
}

/** Whether an element's label is at least its `min-zoomed-font-size` on screen at this zoom (the real zoom,
 *  not Cytoscape's power of two): the canvas leaves out every label that is not. */
export function labelReadableAt(ele: StyledElement, zoom: number): boolean {
  const minimum = ele.pstyle('min-zoomed-font-size').pfValue;
  return !(minimum > 0 && ele.pstyle('font-size').pfValue * zoom < minimum);
}

interface CanvasRendererInternals {
  eleTextBiggerThanMin?: (ele: StyledElement, scale?: number) => boolean;
  drawArrowheads?: (context: unknown, edge: unknown, opacity: number) => void;
  drawEdgePath?: (edge: unknown, context: unknown, points: number[], lineStyle: string) => void;
  drawLayeredElements?: Draw;
  drawCachedNodes?: Draw;
  drawCachedElement?: (context: unknown, ele: ElementLike, pxRatio: number, extent: unknown) => void;
  /** `label` null: the label only if readable at this zoom (true draws it always). */
  drawElement?: (context: unknown, ele: ElementLike, shiftToOrigin: undefined, label: null) => void;
  render?: (options: unknown) => void;
  hideEdgesOnViewport?: boolean;
}

interface Detail {
  /** Edges hidden while the viewport moves and at overview. */
  big: boolean;
  /** The lanes' count matrix exists (lanes layout): at overview it is all that is drawn. */
  matrix: boolean;
  /** A big map is arriving in slices: nothing is drawn until it is whole (each frame would redraw all so far). */
  paused: boolean;
}
const details = new WeakMap<Core, Detail>();

const rendererOf = (cy: Core) => (cy as unknown as { renderer(): CanvasRendererInternals }).renderer();

/** Draw-time detail by zoom; call once per Cytoscape instance (canvas renderer; WebGL draws its own way). */
export function installLevelOfDetail(cy: Core): void {
  if (details.has(cy)) return;
  const detail: Detail = { big: false, matrix: false, paused: false };
  details.set(cy, detail);
  // First, so that hit testing (installed last) wraps the fast z-sort.
  installFastZOrder(cy);
  const renderer = rendererOf(cy);
  const { drawArrowheads, drawEdgePath, drawLayeredElements, drawCachedNodes, drawCachedElement, drawElement, eleTextBiggerThanMin, render } = renderer;
  if (typeof render === 'function') {
    // Paused: not even a frame's z-ordering of every element so far (~1 s over a 5,000-program load). Styles
    // are still computed each frame (before render), so the work stays spread over the frames.
    renderer.render = function (this: CanvasRendererInternals, options) {
      if (!detail.paused) render.call(this, options);
    };
  }
  if (typeof eleTextBiggerThanMin === 'function') {
    // Cytoscape compares a label with `min-zoomed-font-size` at the zoom rounded up to a power of two (its
    // texture level), so an 11 px minimum lets labels through at 5.5 px. Compare at the real zoom too; a label
    // hidden here is not taken from the label texture cache either (it is drawn directly, and skipped).
    renderer.eleTextBiggerThanMin = function (this: CanvasRendererInternals, ele, scale) {
      return labelReadableAt(ele, cy.zoom()) && eleTextBiggerThanMin.call(this, ele, scale);
    };
  }
  if (typeof drawArrowheads === 'function') {
    renderer.drawArrowheads = function (this: CanvasRendererInternals, context, edge, opacity) {
      if (cy.zoom() >= EDGE_DETAIL_MIN_ZOOM) drawArrowheads.call(this, context, edge, opacity);
    };
  }
  if (typeof drawEdgePath === 'function') {
    renderer.drawEdgePath = function (this: CanvasRendererInternals, edge, context, points, lineStyle) {
      drawEdgePath.call(this, edge, context, points, detail.big && cy.zoom() < EDGE_DETAIL_MIN_ZOOM ? 'solid' : lineStyle);
    };
  }
  if (typeof drawLayeredElements !== 'function' || typeof drawCachedNodes !== 'function' || typeof drawCachedElement !== 'function' || typeof drawElement !== 'function') return;
  // A still picture is kept in layers (cached-layer.ts); the ties come back a slice per frame after a move,
  // each slice asking for the next frame.
  type TextureCache = { onDequeue?(fn: () => void): void };
  const internals = renderer as CanvasRendererInternals & {
    data?: { contexts?: unknown[]; eleTxrCache?: TextureCache; lblTxrCache?: TextureCache };
    NODE?: number;
    redrawHint?(layer: string, on: boolean): void;
    redraw?(): void;
  };
  const nextFrame = () =>
    queueMicrotask(() => {
      internals.redrawHint?.('eles', true);
      internals.redraw?.();
    });
  const edgeLayer = new CachedLayer(cy, 'edges', nextFrame);
  const nodeLayer = new CachedLayer(cy, 'nodes', nextFrame);
  // Cytoscape first draws a node from a texture of another zoom, then a sharp one when it has time.
  for (const cache of [internals.data?.eleTxrCache, internals.data?.lblTxrCache]) cache?.onDequeue?.(() => nodeLayer.invalidate());
  const drawSome = (self: CanvasRendererInternals, context: unknown, eles: ElementLike[], pxRatio: number, extent: Box, edges: boolean) => {
    if (detail.paused) return;
    const draw = (target: unknown, ele: ElementLike) => drawCachedElement.call(self, target, ele, pxRatio, extent);
    // Off-screen programs and ties are passed over by a test of their position (Cytoscape's own test measures each).
    const drawInView = (target: unknown, ele: ElementLike) => {
      if (!extent || mayShow(ele, extent)) draw(target, ele);
    };
    const lists = drawnLists(eles);
    const overview = cy.zoom() < OVERVIEW_ZOOM;
    // A few dozen lane-sized shapes: drawn directly. Through Cytoscape's texture caches the first frame at
    // overview rasterized each into a texture as big as itself (~50 ms at 2,000 programs).
    if (overview && detail.matrix) return lists.matrix.forEach((ele) => drawElement.call(self, context, ele, undefined, null));
    const withEdges = edges && !overview;
    if (withEdges && !lists.layered) return lists.withoutCells.forEach((ele) => draw(context, ele));
    lists.under.forEach((ele) => draw(context, ele));
    const still = withEdges && context === internals.data?.contexts?.[internals.NODE ?? -1];
    if (still) {
      // The programs first (all of them: they were on screen while moving); the ties get what is left of the frame.
      const screen = context as CanvasRenderingContext2D;
      const started = performance.now();
      const programs = nodeLayer.update(screen, lists.over, drawInView, Infinity);
      const ties = edgeLayer.update(screen, lists.edges, drawInView, Math.max(0, FRAME_BUDGET_MS - (performance.now() - started)));
      showLayer(screen, ties);
      return showLayer(screen, programs);
    }
    if (withEdges) lists.edges.forEach((ele) => drawInView(context, ele));
    lists.over.forEach((ele) => drawInView(context, ele));
  };
  renderer.drawLayeredElements = function (this: CanvasRendererInternals, context, eles, pxRatio, extent) {
    if (detail.big || detail.paused) drawSome(this, context, eles, pxRatio, extent as Box, true);
    else drawLayeredElements.call(this, context, eles, pxRatio, extent);
  };
  renderer.drawCachedNodes = function (this: CanvasRendererInternals, context, eles, pxRatio, extent) {
    if (detail.big || detail.paused) drawSome(this, context, eles, pxRatio, extent as Box, false);
    else drawCachedNodes.call(this, context, eles, pxRatio, extent);
  };
  // What is not drawn cannot be hit: the pointer finds only what the picture shows (hit-test.ts).
  installHitTesting(cy, (eles) => {
    if (!detail.big && !detail.paused) return eles;
    if (detail.paused) return [];
    const lists = drawnLists(eles);
    const zoom = cy.zoom();
    if (zoom < OVERVIEW_ZOOM) return detail.matrix ? lists.matrix : lists.nodesWithoutCells;
    return lists.withoutCells;
  });
}

/** A big map: edges hidden while the viewport moves and at overview; with `matrix`, the lanes' counts at overview. */
export function setBigMap(cy: Core, on: boolean, matrix: boolean): void {
  const detail = details.get(cy);
  if (!detail) return;
  detail.big = on;
  detail.matrix = on && matrix;
  rendererOf(cy).hideEdgesOnViewport = on;
}

/** While a big map arrives in slices, draw nothing; drawing resumes (and redraws) when it is whole. */
export function pauseDrawing(cy: Core, paused: boolean): void {
  const detail = details.get(cy);
  if (!detail || detail.paused === paused) return;
  detail.paused = paused;
  if (!paused) (cy as unknown as { forceRender?(): void }).forceRender?.();
}

/** At overview of a big map in lanes, the count cell at a model position (null: none, or not at overview). */
export function overviewCellAt(cy: Core, at: { x: number; y: number }): NodeCollection | null {
  const detail = details.get(cy);
  if (!detail?.matrix || cy.zoom() >= OVERVIEW_ZOOM) return null;
  const cell = cy.nodes('.lane-cell').filter((n) => {
    const box = n.boundingBox({ includeLabels: false });
    return at.x >= box.x1 && at.x <= box.x2 && at.y >= box.y1 && at.y <= box.y2;
  });
  return cell.nonempty() ? cell : null;
}
