// The lane titles page text stands in for (LaneTitles.svelte) are read on every viewport change, from the
// lanes found once after they were placed. Placing lanes anew, or removing them, must show in the next read.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { hiddenLaneTitles, lanesPlaced } from '../../../src/canvas/lane-titles.ts';
import { lanesLayout } from '../../../src/canvas/layouts/lanes.ts';
import { laneElements } from '../../../src/canvas/placement.ts';
import { canvasStyle } from '../../../src/canvas/style.ts';
import { smallMap } from '../../fixtures/small-map.ts';

describe('hidden lane titles', () => {
  it('are the lanes placed last, each read at the current zoom', () => {
    const { lanes } = lanesLayout(smallMap());
    const cy = cytoscape({ headless: true, styleEnabled: true, style: canvasStyle(), elements: laneElements(lanes) });
    // Far out, every titled lane is too small for the canvas: all are page text.
    cy.zoom(0.05);
    const far = hiddenLaneTitles(cy).map((title) => title.id).sort();
    expect(far.length).toBeGreaterThan(3);
    // Close in, the canvas draws them itself.
    cy.zoom(3);
    expect(hiddenLaneTitles(cy)).toEqual([]);

    // The lanes are placed again without the organizations' lane: it is gone from the next read.
    cy.zoom(0.05);
    cy.nodes('.lane').remove();
    cy.add(laneElements(lanes.filter((lane) => lane.kind !== 'organizations')));
    lanesPlaced(cy);
    const again = hiddenLaneTitles(cy).map((title) => title.id).sort();
    expect(again).toEqual(far.filter((id) => id !== 'lane-organizations'));
    // Removed and not yet placed again: nothing stale is read.
    cy.nodes('.lane').remove();
    expect(hiddenLaneTitles(cy)).toEqual([]);
  });
});
