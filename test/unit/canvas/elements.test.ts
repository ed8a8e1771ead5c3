import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { buildElements, buildElementsInSlices, diffElements } from '../../../src/canvas/elements.ts';
import { syntheticMap } from '../../../src/model/synthetic.ts';
import { lanesLayout } from '../../../src/canvas/layouts/lanes.ts';
import { canvasStyle } from '../../../src/canvas/style.ts';
import { createMapDoc, SnapshotProjector } from '../../../src/model/index.ts';
import { addNode, removeNodes, updateEdge, updateNode } from '../../../src/model/mutations.ts';
import { smallMap } from '../../fixtures/small-map.ts';

describe('canvas elements', () => {
  it('draws organizations and programs by shape class and referrals by status class', () => {
    const cy = cytoscape({ headless: true, style: canvasStyle(), elements: buildElements(smallMap()) as cytoscape.ElementDefinition[] });
    expect(cy.$id('O1').hasClass('organization')).toBe(true);
    expect(cy.$id('O1').hasClass('backbone')).toBe(true);
    expect(cy.$id('P3').hasClass('status-waitlist')).toBe(true);
    expect(cy.$id('E2').hasClass('referral-informal')).toBe(true);
    expect(cy.$id('E3').data('width')).toBeGreaterThan(cy.$id('E4').data('width') - 1);
    expect(cy.nodes()).toHaveLength(5);
    expect(cy.edges()).toHaveLength(4);
  });

  it('diffs snapshots by identity: one edit yields one update', () => {
    const doc = createMapDoc(smallMap());
    const projector = new SnapshotProjector(doc);
    const before = projector.snapshot.map;
    updateNode(doc, 'P2', { status: 'closed' });
    const diff = diffElements(before, projector.snapshot.map);
    expect(diff.add).toEqual([]);
    expect(diff.remove).toEqual([]);
    expect(diff.update.map((u) => u.data.id)).toEqual(['P2']);
    expect(diff.update[0].classes).toContain('status-closed');
    expect(diff.update[0].data.label).toBe('After school (closed)');
  });

  it('diffs adds, removals (with the removed node’s edges) and re-pointed edges', () => {
    const doc = createMapDoc(smallMap());
    const projector = new SnapshotProjector(doc);
    const before = projector.snapshot.map;
    const id = addNode(doc, { type: 'program', label: 'New' });
    removeNodes(doc, ['P3']);
    updateEdge(doc, 'E1', { target: id });
    const diff = diffElements(before, projector.snapshot.map);
    expect(diff.add.map((a) => a.data.id).sort()).toEqual(['E1', id].sort());
    expect(diff.remove.sort()).toEqual(['E1', 'E2', 'P3']);
  });
});

describe('elements built ahead, across tasks', () => {
  it('are the elements the diff would build, in map order, and are used only for their own map', async () => {
    const map = syntheticMap(1500);
    const resolved = buildElementsInSlices(map, () => true, 0);
    const built = (await resolved)!;
    expect(diffElements(null, map, built).add).toEqual(buildElements(map));
    // In place of a small map: the same additions, taken from what was built.
    const small = smallMap();
    const diff = diffElements(small, map, built);
    expect(diff).toEqual(diffElements(small, map));
    expect(diff.add.every((def) => (def.group === 'nodes' ? built.nodes : built.edges).get(def.data.id) === def)).toBe(true);
    // Built for another map (a newer one arrived): ignored.
    const other = syntheticMap(1500, 9);
    expect(diffElements(null, other, built).add).toEqual(buildElements(other));
  });

  it('stop when no longer wanted', async () => {
    let wanted = true;
    const building = buildElementsInSlices(syntheticMap(1500), () => wanted, 0);
    wanted = false;
    expect(await building).toBeNull();
  });
});

describe('life-stage lanes', () => {
  it('puts programs in their stage column and area row, in stage order', () => {
    const { positions, lanes } = lanesLayout(smallMap());
    expect(positions.P1.x).toBeLessThan(positions.P2.x);
    expect(positions.P2.x).toBeLessThan(positions.P3.x);
    // P1 serves only North, the first area row; P2 serves every area, the last row.
    expect(positions.P1.y).toBeLessThan(positions.P2.y);
    const stageLanes = lanes.filter((l) => l.kind === 'stage').map((l) => l.label);
    expect(stageLanes).toEqual(['Early childhood', 'K–12', 'Workforce']);
    // Organizations sit left of every program.
    expect(Math.max(positions.O1.x, positions.O2.x)).toBeLessThan(Math.min(positions.P1.x, positions.P2.x, positions.P3.x));
  });

  it('gives programs without a known stage a column of their own', () => {
    const map = smallMap();
    map.nodes.push({ id: 'P9', type: 'program', label: 'Unsorted' });
    const { positions, lanes } = lanesLayout(map);
    expect(lanes.some((l) => l.label === '(no stage)')).toBe(true);
    expect(positions.P9.x).toBeGreaterThan(positions.P3.x);
  });
});
