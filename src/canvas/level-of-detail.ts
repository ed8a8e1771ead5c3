// Level of detail on the viewport path (issue 14). A profile of a 20-step pan over 2,000 programs
// spent 53% of its time drawing arrowheads (each drawn twice when the edge is translucent) that
// are a pixel or two wide at overview. Cytoscape's stylesheet cannot depend on zoom, and
// restyling 25,000 elements when a threshold is crossed is itself a long task, so the detail is
// decided while drawing: below ARROW_MIN_ZOOM the canvas renderer skips arrowheads, and on a big
// map it leaves edges out while the viewport moves. Labels use the stylesheet's own
// `min-zoomed-font-size`. Framework-free.
import type { Core } from 'cytoscape';

/** Below this zoom an arrowhead is a few pixels: the line's direction is not readable anyway. */
export const ARROW_MIN_ZOOM = 0.45;
/** From this many edges, a moving viewport draws nodes only (edges return when it stops). */
export const BIG_MAP_EDGES = 3000;

interface CanvasRendererInternals {
  drawArrowheads?: (context: unknown, edge: unknown, opacity: number) => void;
  hideEdgesOnViewport?: boolean;
}

const installed = new WeakSet<Core>();

/** Draw-time detail by zoom; call once per Cytoscape instance (canvas renderer; WebGL draws its own way). */
export function installLevelOfDetail(cy: Core): void {
  if (installed.has(cy)) return;
  installed.add(cy);
  const renderer = (cy as unknown as { renderer(): CanvasRendererInternals }).renderer();
  const drawArrowheads = renderer.drawArrowheads;
  if (typeof drawArrowheads !== 'function') return;
  renderer.drawArrowheads = function (this: CanvasRendererInternals, context, edge, opacity) {
    if (cy.zoom() < ARROW_MIN_ZOOM) return;
    drawArrowheads.call(this, context, edge, opacity);
  };
}

/** Edges hidden while panning or zooming, on big maps only (small maps stay whole at all times). */
export function updateMotionDetail(cy: Core, edgeCount: number): void {
  const renderer = (cy as unknown as { renderer(): CanvasRendererInternals }).renderer();
  renderer.hideEdgesOnViewport = edgeCount >= BIG_MAP_EDGES;
}
