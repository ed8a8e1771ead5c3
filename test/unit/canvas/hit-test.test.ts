// Issue 14: the pointer is looked for only among elements near it (hit-test.ts), so Cytoscape's
// exact test runs on a handful instead of every element of a county-size map, and decides as before.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { mayReach, nearPointer, reachBoxes, type ElementLike } from '../../../src/canvas/hit-test.ts';
import { canvasStyle } from '../../../src/canvas/style.ts';

function grid() {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: canvasStyle() });
  for (let i = 0; i < 20; i++) for (let j = 0; j < 20; j++) cy.add({ group: 'nodes', data: { id: `n${i}-${j}`, label: `Program ${i}-${j}` }, classes: 'program', position: { x: i * 200, y: j * 200 } });
  cy.add({ group: 'nodes', data: { id: 'cell', width: 1000, height: 600 }, classes: 'lane lane-cell', position: { x: 5000, y: 5000 } });
  cy.add({ group: 'edges', data: { id: 'long', source: 'n0-0', target: 'n19-19' } });
  cy.add({ group: 'edges', data: { id: 'short', source: 'n3-3', target: 'n4-3' } });
  return cy;
}
const ids = (eles: ElementLike[]) => eles.map((e) => e.id()).sort();

describe('elements near the pointer', () => {
  it('keeps the node under the pointer and drops nodes far from it', () => {
    const cy = grid();
    const near = ids(nearPointer(cy.nodes().toArray() as ElementLike[], 600, 600, 1));
    expect(near).toContain('n3-3');
    expect(near).not.toContain('n0-0');
    expect(near.length).toBeLessThan(5);
  });

  it('reaches as far as a big node is wide, and further when zoomed out (the pointer covers more of the map)', () => {
    const cy = grid();
    expect(ids(nearPointer(cy.nodes().toArray() as ElementLike[], 5450, 5000, 1))).toEqual(['cell']);
    expect(ids(nearPointer(cy.nodes().toArray() as ElementLike[], 5700, 5000, 1))).toEqual([]);
    expect(ids(nearPointer(cy.nodes().toArray() as ElementLike[], 5700, 5000, 0.1))).toEqual(['cell']);
  });

  it('keeps an edge whose ends box the pointer, and drops one far away', () => {
    const cy = grid();
    const edges = cy.edges().toArray() as ElementLike[];
    expect(ids(nearPointer(edges, 2000, 2000, 1))).toEqual(['long']);
    expect(ids(nearPointer(edges, 700, 610, 1))).toEqual(['long', 'short']);
    expect(ids(nearPointer(edges, 4500, 200, 1))).toEqual([]);
  });

  it('keeps the order it was given (Cytoscape reads it as the drawing order)', () => {
    const cy = grid();
    const all = cy.elements().toArray() as ElementLike[];
    const near = nearPointer(all, 600, 600, 0.5);
    const order = near.map((e) => all.indexOf(e));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('reach boxes kept between pointer moves', () => {
  it('find the same elements as testing each one', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: canvasStyle() });
    for (let i = 0; i < 30; i++) cy.add({ group: 'nodes', data: { id: `n${i}` }, classes: 'program', position: { x: (i % 6) * 150, y: Math.floor(i / 6) * 150 } });
    for (let i = 0; i < 29; i++) cy.add({ group: 'edges', data: { id: `e${i}`, source: `n${i}`, target: `n${(i * 7) % 30}` } });
    const all = cy.elements().toArray() as ElementLike[];
    const boxes = reachBoxes(all);
    for (const [x, y] of [[0, 0], [400, 310], [760, 620], [2000, 2000]]) {
      expect(ids(nearPointer(all, x, y, 0.5, false, boxes))).toEqual(ids(all.filter((e) => mayReach(e, { x1: x, y1: y, x2: x, y2: y }, 8 / 0.5))));
    }
  });
});
