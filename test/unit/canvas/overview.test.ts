// Semantic zoom for big maps (issue 14): the lanes stay readable at county scale, the overview
// matrix counts every (stage, area) cell with the empty ones marked as gaps, and the level of
// detail decides per zoom what Cytoscape's canvas renderer draws.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { itemsPerLine, lanesLayout, LANE } from '../../../src/canvas/layouts/lanes.ts';
import { isBigMap, overviewElements, OVERVIEW_ZOOM } from '../../../src/canvas/overview.ts';
import { isSoftwareRenderer } from '../../../src/canvas/gpu.ts';
import { installLevelOfDetail, overviewCellAt, setBigMap } from '../../../src/canvas/level-of-detail.ts';
import { syntheticMap } from '../../../src/model/synthetic.ts';
import { smallMap } from '../../fixtures/small-map.ts';

describe('lanes at county scale', () => {
  it('keeps two programs a line on a small map and widens cells on a big one', () => {
    expect(itemsPerLine(10)).toBe(LANE.itemsPerLine);
    expect(itemsPerLine(200)).toBeGreaterThan(LANE.itemsPerLine);
  });

  it('lays 5,000 programs out about as wide as tall (not a sliver)', () => {
    const { positions } = lanesLayout(syntheticMap(5000));
    const xs = Object.values(positions).map((p) => p.x);
    const ys = Object.values(positions).map((p) => p.y);
    const width = Math.max(...xs) - Math.min(...xs);
    const height = Math.max(...ys) - Math.min(...ys);
    expect(height / width).toBeLessThan(2);
    expect(width / height).toBeLessThan(4);
  });
});

describe('overview matrix', () => {
  it('counts the programs of every cell, marks empty cells as gaps and counts the organizations', () => {
    const map = syntheticMap(2000);
    // Empty one cell: every workforce program in the north moves to the south.
    for (const node of map.nodes) if (node.type === 'program' && node.lifeStages?.[0] === 'workforce' && node.areas?.[0] === 'north') node.areas = ['south'];
    const layout = lanesLayout(map);
    const cells = overviewElements(layout, map);
    const programCells = cells.filter((c) => c.data.id !== 'cell-organizations');
    const counted = [...layout.cellBoxes.values()].reduce((sum, cell) => sum + cell.count, 0);
    expect(counted).toBe(map.nodes.filter((n) => n.type === 'program').length);
    expect(programCells).toHaveLength(layout.cellBoxes.size);
    const gap = cells.find((c) => c.data.id === 'cell-workforce|north')!;
    expect(gap.classes).toContain('lane-cell-gap');
    expect(String(gap.data.label)).toContain('gap');
    const full = cells.find((c) => c.data.id === 'cell-workforce|south')!;
    expect(String(full.data.label)).toMatch(/^\d[\d,]* programs/);
    expect(cells.find((c) => c.data.id === 'cell-organizations')?.data.label).toBe('400\norganizations');
  });

  it('is for big maps only', () => {
    expect(isBigMap(smallMap())).toBe(false);
    expect(isBigMap(syntheticMap(2000))).toBe(true);
  });

  it('finds the cell under a click at overview, and none once zoomed in', () => {
    const map = syntheticMap(2000);
    const layout = lanesLayout(map);
    const cy = cytoscape({ headless: true, elements: overviewElements(layout, map) });
    installLevelOfDetail(cy);
    setBigMap(cy, true, true);
    const box = layout.cellBoxes.get('k12|central')!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    cy.zoom(OVERVIEW_ZOOM / 2);
    expect(overviewCellAt(cy, centre)?.map((n) => n.id())).toEqual(['cell-k12|central']);
    cy.zoom(OVERVIEW_ZOOM * 2);
    expect(overviewCellAt(cy, centre)).toBeNull();
    setBigMap(cy, false, false);
    cy.zoom(OVERVIEW_ZOOM / 2);
    expect(overviewCellAt(cy, centre)).toBeNull();
  });
});

describe('renderer choice', () => {
  it('treats software WebGL as no GPU', () => {
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
    expect(isSoftwareRenderer('Apple M2')).toBe(false);
  });
});
