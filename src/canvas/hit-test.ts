// Finding what is under the pointer, at county scale (issue 14). On every mouse move, press and
// release Cytoscape tests every element, and for each one measures its label's box even though our
// labels catch no events (the stylesheet never sets `text-events`): 50–90 ms per move on 2,000
// programs, 130–160 ms on 5,000. Here Cytoscape's own exact test runs only on what is drawn
// (level-of-detail.ts: an invisible matrix cell must not catch a drag meant to pan) and near the
// pointer; it decides as before among those. Framework-free.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';

export type ElementLike = NodeSingular | EdgeSingular;
type ZSorted = ElementLike[] & { interactive: ElementLike[] };

interface HitRenderer {
  /** Cytoscape's WebGL renderer picks from a picture of indexes into the whole list: left as it is. */
  webgl?: unknown;
  findNearestElements?: (x: number, y: number, interactiveOnly: boolean, isTouch: boolean) => ElementLike[];
  getCachedZSortedEles?: () => ZSorted;
}

/** How far (model pixels) a drawn edge can stray outside the box of its end nodes' centres: the bulge of a few
 *  parallel edges (Cytoscape spaces them 40 apart), self loops, arrowheads, the widest simulated flow. */
const EDGE_REACH = 150;
/** Half the biggest program or organization (model pixels): a node sized by a metric (88, analysis-overlays.ts)
 *  with its widest border (7, style.ts), and to spare. */
export const NODE_HALF = 60;
/** Cytoscape's hit margin around an edge, in screen pixels (a finger: 24; a mouse: 8). */
const pointerSlackPx = (isTouch: boolean) => (isTouch ? 24 : 8);

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Whether an element's drawn shape may reach into `box` (model pixels) with `slack` to spare: a cheap test by
 *  its position (a node: NODE_HALF, or a lane's size; an edge: the box of its end nodes' centres and EDGE_REACH),
 *  never a false no. */
export function mayReach(ele: ElementLike, box: Box, slack: number): boolean {
  if (ele.isNode()) {
    const at = ele.position();
    // Measured only for lanes and their cells (any size); programs and organizations are never bigger than NODE_HALF.
    const half = ele.hasClass('lane') ? Math.max(ele.outerWidth(), ele.outerHeight()) / 2 : NODE_HALF;
    const reach = half + slack;
    return at.x + reach >= box.x1 && at.x - reach <= box.x2 && at.y + reach >= box.y1 && at.y - reach <= box.y2;
  }
  const edge = ele as EdgeSingular;
  const s = edge.source().position();
  const t = edge.target().position();
  const reach = EDGE_REACH + slack;
  return Math.max(s.x, t.x) + reach >= box.x1 && Math.min(s.x, t.x) - reach <= box.x2 && Math.max(s.y, t.y) + reach >= box.y1 && Math.min(s.y, t.y) - reach <= box.y2;
}

/** Elements of `eles` whose drawn shape may contain model point (x, y): a cheap box test, in order. */
export function nearPointer(eles: ElementLike[], x: number, y: number, zoom: number, isTouch = true): ElementLike[] {
  const point = { x1: x, y1: y, x2: x, y2: y };
  const slack = pointerSlackPx(isTouch) / zoom;
  return eles.filter((ele) => mayReach(ele, point, slack));
}

/** Cytoscape's canvas renderer looks for the element under the pointer among `drawn(interactive elements)`
 *  near it; call once per instance (headless and WebGL renderers are left alone). */
export function installHitTesting(cy: Core, drawn: (eles: ElementLike[]) => ElementLike[]): void {
  const renderer = (cy as unknown as { renderer(): HitRenderer | null }).renderer();
  const findNearestElements = renderer?.findNearestElements;
  const getCachedZSortedEles = renderer?.getCachedZSortedEles;
  if (!renderer || renderer.webgl || typeof findNearestElements !== 'function' || typeof getCachedZSortedEles !== 'function') return;
  renderer.findNearestElements = function (this: HitRenderer, x, y, interactiveOnly, isTouch) {
    if (!interactiveOnly) return findNearestElements.call(this, x, y, interactiveOnly, isTouch);
    const near = nearPointer(drawn(getCachedZSortedEles.call(this).interactive), x, y, cy.zoom(), isTouch) as ZSorted;
    near.interactive = near;
    // Cytoscape's search reads the z-ordered elements through this method: hand it the few near the pointer.
    this.getCachedZSortedEles = () => near;
    try {
      return findNearestElements.call(this, x, y, true, isTouch);
    } finally {
      this.getCachedZSortedEles = getCachedZSortedEles;
    }
  };
}
