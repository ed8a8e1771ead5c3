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

/** The box (model pixels) an element's drawn shape stays in, without margin, written at `out[at..at+3]`: a node
 *  NODE_HALF around its position (lanes and cells measured: any size); an edge its end nodes' centres, EDGE_REACH
 *  around. Never too small. */
function writeReachBox(ele: ElementLike, out: Float64Array, at: number): void {
  if (ele.isNode()) {
    const p = ele.position();
    // Programs and organizations are never bigger than NODE_HALF; only lanes and their cells are measured.
    const half = ele.hasClass('lane') ? Math.max(ele.outerWidth(), ele.outerHeight()) / 2 : NODE_HALF;
    out.set([p.x - half, p.y - half, p.x + half, p.y + half], at);
    return;
  }
  const edge = ele as EdgeSingular;
  const s = edge.source().position();
  const t = edge.target().position();
  out.set([Math.min(s.x, t.x) - EDGE_REACH, Math.min(s.y, t.y) - EDGE_REACH, Math.max(s.x, t.x) + EDGE_REACH, Math.max(s.y, t.y) + EDGE_REACH], at);
}

/** The reach boxes of `eles`, four numbers each, for many queries between two changes of positions. */
export function reachBoxes(eles: ElementLike[]): Float64Array {
  const boxes = new Float64Array(eles.length * 4);
  eles.forEach((ele, i) => writeReachBox(ele, boxes, i * 4));
  return boxes;
}

const scratch = new Float64Array(4);

/** Whether an element's drawn shape may reach into `box` (model pixels) with `slack` to spare (never a false no). */
export function mayReach(ele: ElementLike, box: Box, slack: number): boolean {
  writeReachBox(ele, scratch, 0);
  return scratch[2] + slack >= box.x1 && scratch[0] - slack <= box.x2 && scratch[3] + slack >= box.y1 && scratch[1] - slack <= box.y2;
}

/** Elements of `eles` whose drawn shape may contain model point (x, y): a cheap box test, in order
 *  (`boxes`: their reachBoxes, when kept). */
export function nearPointer(eles: ElementLike[], x: number, y: number, zoom: number, isTouch = true, boxes = reachBoxes(eles)): ElementLike[] {
  const slack = pointerSlackPx(isTouch) / zoom;
  const near: ElementLike[] = [];
  for (let i = 0, b = 0; i < eles.length; i++, b += 4) {
    if (boxes[b + 2] + slack >= x && boxes[b] - slack <= x && boxes[b + 3] + slack >= y && boxes[b + 1] - slack <= y) near.push(eles[i]);
  }
  return near;
}

/** Cytoscape's canvas renderer looks for the element under the pointer among `drawn(interactive elements)`
 *  near it; call once per instance (headless and WebGL renderers are left alone). */
export function installHitTesting(cy: Core, drawn: (eles: ElementLike[]) => ElementLike[]): void {
  const renderer = (cy as unknown as { renderer(): HitRenderer | null }).renderer();
  const findNearestElements = renderer?.findNearestElements;
  const getCachedZSortedEles = renderer?.getCachedZSortedEles;
  if (!renderer || renderer.webgl || typeof findNearestElements !== 'function' || typeof getCachedZSortedEles !== 'function') return;
  // The reach boxes of each list asked about (one per level of detail), until a node moves (ties follow).
  let kept = new WeakMap<ElementLike[], Float64Array>();
  cy.on('position add remove', () => (kept = new WeakMap()));
  renderer.findNearestElements = function (this: HitRenderer, x, y, interactiveOnly, isTouch) {
    if (!interactiveOnly) return findNearestElements.call(this, x, y, interactiveOnly, isTouch);
    const pool = drawn(getCachedZSortedEles.call(this).interactive);
    let boxes = kept.get(pool);
    if (!boxes) kept.set(pool, (boxes = reachBoxes(pool)));
    const near = nearPointer(pool, x, y, cy.zoom(), isTouch, boxes) as ZSorted;
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
