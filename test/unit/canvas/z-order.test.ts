// Issue 14: the renderer's z-sort is replaced by one that reads each element's keys once (z-order.ts). It
// must give exactly Cytoscape's own order (sortByZIndex), on the studio's stylesheet and elements:
// lanes and their count cells (z-compound-depth: bottom), programs over ties, selections, compounds.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { buildElements } from '../../../src/canvas/elements.ts';
import { lanesLayout } from '../../../src/canvas/layouts/lanes.ts';
import { laneElements } from '../../../src/canvas/placement.ts';
import { overviewElements } from '../../../src/canvas/overview.ts';
import { canvasStyle } from '../../../src/canvas/style.ts';
import { zSorted } from '../../../src/canvas/z-order.ts';
import { syntheticMap } from '../../../src/model/synthetic.ts';

type Sortable = Parameters<typeof zSorted>[1][number];
const order = (cy: cytoscape.Core) => ({
  // sortByZIndex is Cytoscape's own comparator (collection API, not in its type definitions).
  cytoscape: (cy.elements() as unknown as { sortByZIndex(): cytoscape.CollectionReturnValue }).sortByZIndex().map((e) => e.id()),
  ours: zSorted(cy, cy.elements().toArray() as unknown as Sortable[]).map((e) => (e as unknown as cytoscape.SingularElementReturnValue).id()),
});

describe('fast z-order', () => {
  it('orders a big map with its lanes and overview exactly as Cytoscape does', () => {
    const map = syntheticMap(400, 3);
    const cy = cytoscape({ headless: true, styleEnabled: true, style: canvasStyle() });
    const layout = lanesLayout(map);
    // Lanes first, then the map, then the overview: the order added decides ties, so it must be kept.
    cy.add(laneElements(layout.lanes));
    cy.add(buildElements(map).map((def) => ({ ...def, position: def.group === 'nodes' ? { ...(layout.positions[def.data.id as string] ?? { x: 0, y: 0 }) } : undefined })));
    cy.add(overviewElements(layout, map));
    cy.nodes('.program').slice(0, 5).select();
    cy.edges().slice(0, 5).addClass('highlight');
    const { cytoscape: theirs, ours } = order(cy);
    expect(ours).toHaveLength(cy.elements().length);
    expect(ours).toEqual(theirs);
    // Not trivially the order added: lanes and cells go under, ties under programs.
    expect(ours).not.toEqual(cy.elements().map((e) => e.id()));
  });

  it('orders compound nodes and explicit z-indexes as Cytoscape does', () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: [
        { selector: '.front', style: { 'z-index': 10 } },
        { selector: '.back', style: { 'z-index': -5, 'z-compound-depth': 'top' } },
        { selector: '.manual', style: { 'z-index-compare': 'manual', 'z-index': 3 } },
      ],
      elements: [
        { data: { id: 'parent' } },
        { data: { id: 'child', parent: 'parent' } },
        { data: { id: 'grandchild', parent: 'child' }, classes: 'front' },
        { data: { id: 'a' }, classes: 'back' },
        { data: { id: 'b' } },
        { data: { id: 'ab', source: 'a', target: 'b' }, classes: 'manual' },
        { data: { id: 'ba', source: 'b', target: 'a' } },
        { data: { id: 'pc', source: 'parent', target: 'child' }, classes: 'front' },
      ],
    });
    const { cytoscape: theirs, ours } = order(cy);
    expect(ours).toEqual(theirs);
  });
});
