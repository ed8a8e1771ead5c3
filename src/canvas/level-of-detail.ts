// Level of detail on the viewport path (issue 14). A profile of a 20-step pan over 2,000 programs
// spent 53% of its time drawing arrowheads (each drawn twice when the edge is translucent) that
// are a pixel or two wide at overview. Cytoscape's stylesheet cannot depend on zoom, and
// restyling 25,000 elements when a threshold is crossed is itself a long task, so the detail is
// decided while drawing, in Cytoscape's canvas renderer:
// - below EDGE_DETAIL_MIN_ZOOM, no arrowheads, and on a big map dashed or dotted lines drawn solid;
// - on a big map (overview.ts), edges are left out while the viewport moves, and below
//   OVERVIEW_ZOOM only the lanes and their count matrix are drawn; above it, everything but the matrix;
// - the pointer hits only what is drawn (hit-test.ts).
// Labels use the stylesheet's own `min-zoomed-font-size`, decided at the real zoom (below). Framework-free.
import type { Core, NodeCollection } from 'cytoscape';
import { OVERVIEW_ZOOM } from './overview.ts';
import { installHitTesting, type ElementLike } from './hit-test.ts';

/** Below this zoom an arrowhead is a few pixels (the line's direction is not readable anyway), and a dash or
 *  dot a pixel or two: edges are drawn without arrowheads, and on a big map solid (dashing thousands of ties
 *  cost 4× drawing them; a small map keeps its dashes, cheap there, that tell an informal referral apart). */
export const EDGE_DETAIL_MIN_ZOOM = 0.45;

type Draw = (context: unknown, eles: ElementLike[], pxRatio: number, extent: unknown) => void;

interface StyledElement {
  pstyle(name: string): { pfValue: number };
}

interface CanvasRendererInternals {
  eleTextBiggerThanMin?: (ele: StyledElement, scale?: number) => boolean;
  drawArrowheads?: (context: unknown, edge: unknown, opacity: number) => void;
  drawEdgePath?: (edge: unknown, context: unknown, points: number[], lineStyle: string) => void;
  drawLayeredElements?: Draw;
  drawCachedNodes?: Draw;
  drawCachedElement?: (context: unknown, ele: ElementLike, pxRatio: number, extent: unknown) => void;
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
  const renderer = rendererOf(cy);
  const { drawArrowheads, drawEdgePath, drawLayeredElements, drawCachedNodes, drawCachedElement, eleTextBiggerThanMin } = renderer;
  if (typeof eleTextBiggerThanMin === 'function') {
    // Cytoscape compares a label with `min-zoomed-font-size` at the zoom rounded up to a power of two (its
    // texture level), so an 11 px minimum lets labels through at 5.5 px. Compare at the real zoom too; a label
    // hidden here is not taken from the label texture cache either (it is drawn directly, and skipped).
    renderer.eleTextBiggerThanMin = function (this: CanvasRendererInternals, ele, scale) {
      const minimum = ele.pstyle('min-zoomed-font-size').pfValue;
      if (minimum > 0 && ele.pstyle('font-size').pfValue * cy.zoom() < minimum) return false;
      return eleTextBiggerThanMin.call(this, ele, scale);
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
  if (typeof drawLayeredElements !== 'function' || typeof drawCachedNodes !== 'function' || typeof drawCachedElement !== 'function') return;
  const drawSome = (self: CanvasRendererInternals, context: unknown, eles: ElementLike[], pxRatio: number, extent: unknown, edges: boolean) => {
    for (const ele of drawnOf(detail, cy.zoom(), eles, edges)) drawCachedElement.call(self, context, ele, pxRatio, extent);
  };
  renderer.drawLayeredElements = function (this: CanvasRendererInternals, context, eles, pxRatio, extent) {
    if (detail.big || detail.paused) drawSome(this, context, eles, pxRatio, extent, true);
    else drawLayeredElements.call(this, context, eles, pxRatio, extent);
  };
  renderer.drawCachedNodes = function (this: CanvasRendererInternals, context, eles, pxRatio, extent) {
    if (detail.big || detail.paused) drawSome(this, context, eles, pxRatio, extent, false);
    else drawCachedNodes.call(this, context, eles, pxRatio, extent);
  };
  // What is not drawn cannot be hit: the pointer finds only what the picture shows (hit-test.ts).
  installHitTesting(cy, (eles) => (detail.big || detail.paused ? drawnOf(detail, cy.zoom(), eles, true) : eles));
}

/** One z-ordered list of Cytoscape's split by what each zoom draws of a big map (classes `lane`,
 *  `lane-cell` are fixed when an element is made; a new list from Cytoscape is split again, once). */
interface DrawnLists {
  lanes: ElementLike[];
  withoutCells: ElementLike[];
  nodesWithoutCells: ElementLike[];
}
const drawnLists = new WeakMap<ElementLike[], DrawnLists>();

/** The part of `eles` a frame draws on a big map (or while paused) at `zoom`, in their order. */
function drawnOf(detail: Detail, zoom: number, eles: ElementLike[], edges: boolean): ElementLike[] {
  if (detail.paused) return [];
  let lists = drawnLists.get(eles);
  if (!lists) {
    lists = { lanes: [], withoutCells: [], nodesWithoutCells: [] };
    for (const ele of eles) {
      if (ele.hasClass('lane')) lists.lanes.push(ele);
      if (ele.hasClass('lane-cell')) continue;
      lists.withoutCells.push(ele);
      if (ele.isNode()) lists.nodesWithoutCells.push(ele);
    }
    drawnLists.set(eles, lists);
  }
  const overview = zoom < OVERVIEW_ZOOM;
  if (overview && detail.matrix) return lists.lanes;
  return edges && !overview ? lists.withoutCells : lists.nodesWithoutCells;
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
