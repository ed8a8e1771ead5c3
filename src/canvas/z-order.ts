// Cytoscape draws (and hit-tests) elements in z-order, sorted again after every addition or removal. Its
// comparator reads three style properties of both elements at each of the ~400,000 comparisons a 25,000
// element map takes (~90 ms, the first frame after a county-size map lands). Reading each element's keys
// once and sorting the numbers gives the same order (the same keys, compared the same way) in a fraction.
import type { Core } from 'cytoscape';
import { runInSlices } from '../model/tasks.ts';

interface SortableElement {
  pstyle(name: string): { value: unknown };
  isNode(): boolean;
  zDepth(): number;
  poolIndex(): number;
  interactive(): boolean;
}
type ZSorted = SortableElement[] & { interactive: SortableElement[] };
interface ZOrderInternals {
  cachedZSortedEles?: ZSorted | null;
  getCachedZSortedEles?(forceRecalc?: boolean): ZSorted;
  updateCachedGrabbedEles?(): void;
}

// Cytoscape's own stand-in for "on top of everything" (z-compound-depth: top).
const TOP = Number.MAX_SAFE_INTEGER;

/** The elements in Cytoscape's z-order (its zIndexSort: compound depth, nodes over edges, z-index, then order added). */
export function zSorted(cy: Core, elements: SortableElement[]): SortableElement[] {
  const compound = (cy as unknown as { hasCompoundNodes(): boolean }).hasCompoundNodes();
  const depthOf = (ele: SortableElement) => {
    const value = ele.pstyle('z-compound-depth').value;
    return value === 'auto' ? (compound ? ele.zDepth() : 0) : value === 'bottom' ? -1 : value === 'top' ? TOP : 0;
  };
  const n = elements.length;
  const depth = new Float64Array(n);
  const kind = new Float64Array(n);
  const z = new Float64Array(n);
  const pool = new Float64Array(n);
  elements.forEach((ele, i) => {
    depth[i] = depthOf(ele);
    kind[i] = ele.pstyle('z-index-compare').value === 'auto' && ele.isNode() ? 1 : 0;
    z[i] = Number(ele.pstyle('z-index').value);
    pool[i] = ele.poolIndex();
  });
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => depth[a] - depth[b] || kind[a] - kind[b] || z[a] - z[b] || pool[a] - pool[b]);
  return order.map((i) => elements[i]);
}

/** Replaces the renderer's z-sort with `zSorted` (2D canvas renderer; steps aside if the internals are missing). */
export function installFastZOrder(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): (ZOrderInternals & { webgl?: boolean }) | null }).renderer();
  if (!renderer || renderer.webgl || typeof renderer.getCachedZSortedEles !== 'function' || typeof renderer.updateCachedGrabbedEles !== 'function') return;
  renderer.getCachedZSortedEles = function (this: ZOrderInternals, forceRecalc?: boolean) {
    if (!forceRecalc && this.cachedZSortedEles) return this.cachedZSortedEles;
    const elements = (cy as unknown as { mutableElements(): { toArray(): SortableElement[] } }).mutableElements().toArray();
    const sorted = zSorted(cy, elements) as ZSorted;
    sorted.interactive = sorted.filter((ele) => ele.interactive());
    this.cachedZSortedEles = sorted;
    this.updateCachedGrabbedEles!();
    return sorted;
  };
}

/**
 * Asks every element whether it is `interactive` (the z-sort keeps that list too) a few ms per task: Cytoscape
 * caches the answer per element, and computing 25,000 of them was half of a 5,000-program map's ~80 ms
 * z-sort. (Asked as each slice was added, the answers are gone by then: styling an element again clears them.)
 */
export async function askInteractiveInSlices(cy: Core, wanted: () => boolean): Promise<boolean> {
  const elements = (cy as unknown as { mutableElements(): { toArray(): SortableElement[] } }).mutableElements().toArray();
  function* steps(): Generator<void, void> {
    for (let i = 0; i < elements.length; i++) {
      elements[i].interactive();
      if (i % 2000 === 1999) yield;
    }
  }
  return (await runInSlices(steps(), 8, wanted)) !== null;
}

/** Sorts the elements for drawing now (a task of its own), rather than in the next frame. */
export function sortForDrawing(cy: Core): void {
  const renderer = (cy as unknown as { renderer(): ZOrderInternals | null }).renderer();
  renderer?.getCachedZSortedEles?.();
}
