// The cheaper style bookkeeping (style-triggers.ts) must leave Cytoscape exactly where its own does:
// the same bounds, and edges that notice their endpoint's style, after adding and restyling elements.
import cytoscape, { type Core, type StylesheetJson } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { buildElements } from '../../../src/canvas/elements.ts';
import { canvasStyle } from '../../../src/canvas/style.ts';
import { installStyleTriggers } from '../../../src/canvas/style-triggers.ts';
import { syntheticMap } from '../../../src/model/synthetic.ts';

const map = syntheticMap(60);

function studioLike(patched: boolean): Core {
  const style = [...(canvasStyle() as object[]), { selector: '.gone', style: { display: 'none' } }] as StylesheetJson;
  const cy = cytoscape({ headless: true, styleEnabled: true, style });
  if (patched) installStyleTriggers(cy);
  cy.add(buildElements(map).map((def, i) => ({ ...def, position: def.group === 'nodes' ? { x: (i % 12) * 90, y: Math.floor(i / 12) * 70 } : undefined })));
  return cy;
}

const picture = (cy: Core) =>
  cy.elements().map((ele) => {
    const box = ele.boundingBox({});
    return { id: ele.id(), box: [box.x1, box.y1, box.x2, box.y2].map((v) => Math.round(v * 100) / 100), visible: ele.visible(), space: (ele as unknown as { takesUpSpace(): boolean }).takesUpSpace() };
  });

describe('style bookkeeping for big loads', () => {
  it('gives the same bounds as Cytoscape’s own after adding a map', () => {
    expect(picture(studioLike(true))).toEqual(picture(studioLike(false)));
  });

  it('re-sizes a restyled node and hides the edges of a node that is gone, like Cytoscape’s own', () => {
    const program = map.nodes.find((n) => n.type === 'program')!.id;
    const results = [true, false].map((patched) => {
      const cy = studioLike(patched);
      picture(cy);
      const before = cy.$id(program).boundingBox({}).w;
      cy.$id(program).addClass('backbone');
      const wider = cy.$id(program).boundingBox({}).w;
      cy.$id(program).addClass('gone');
      const edges = cy.$id(program).connectedEdges();
      return { before, wider, edgesVisible: edges.map((e) => e.visible()), edgeCount: edges.length, all: picture(cy) };
    });
    const [patched, own] = results;
    expect(patched.wider).toBeGreaterThan(patched.before);
    expect(patched.edgeCount).toBeGreaterThan(0);
    expect(patched.edgesVisible.every((v) => !v)).toBe(true);
    expect(patched).toEqual(own);
  });
});
