// A big map's elements split by what each level of detail draws (level-of-detail.ts), once per list
// Cytoscape hands over (it keeps one z-ordered list until the elements change): a frame then walks
// only what it draws, not 25,000 elements asking each for its classes. Framework-free.
import type { ElementLike } from './hit-test.ts';

export interface DrawnLists {
  /** Lanes with their count matrix: all that is drawn at overview of a big map in lanes. */
  matrix: ElementLike[];
  /** Everything but the matrix cells, in drawing order: a still picture zoomed in. */
  withoutCells: ElementLike[];
  /** The same without edges, in drawing order: while the viewport moves, and at overview without a matrix. */
  nodesWithoutCells: ElementLike[];
  /** `withoutCells` as three runs, when it is one (Cytoscape draws the bottom lanes, then ties, then nodes): */
  under: ElementLike[];
  edges: ElementLike[];
  over: ElementLike[];
  /** Whether `under`, `edges`, `over` are `withoutCells` in order (otherwise draw `withoutCells` as it is). */
  layered: boolean;
}

const cache = new WeakMap<ElementLike[], DrawnLists>();

/** Classes `lane` and `lane-cell` are given when an element is made and never change. */
export function drawnLists(eles: ElementLike[]): DrawnLists {
  let lists = cache.get(eles);
  if (lists) return lists;
  lists = { matrix: [], withoutCells: [], nodesWithoutCells: [], under: [], edges: [], over: [], layered: true };
  for (const ele of eles) {
    const lane = ele.hasClass('lane');
    if (lane) lists.matrix.push(ele);
    if (ele.hasClass('lane-cell')) continue;
    lists.withoutCells.push(ele);
    if (ele.isNode()) lists.nodesWithoutCells.push(ele);
    // A lane after a tie or a node, or a tie after a node, breaks the three runs.
    if (lane) {
      if (lists.edges.length || lists.over.length) lists.layered = false;
      lists.under.push(ele);
    } else if (ele.isEdge()) {
      if (lists.over.length) lists.layered = false;
      lists.edges.push(ele);
    } else lists.over.push(ele);
  }
  cache.set(eles, lists);
  return lists;
}
