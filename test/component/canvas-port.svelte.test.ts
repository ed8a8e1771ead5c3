// The canvas port (issue 16): the viewport read and moved through one object; reading it in an
// effect re-runs that effect at most once per animation frame, however many viewport events came.
import cytoscape from 'cytoscape';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { CanvasPort } from '../../src/canvas/port.svelte.ts';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

describe('canvas port', () => {
  it('reads and sets the viewport', () => {
    const cy = cytoscape({ headless: true, elements: [{ data: { id: 'a' }, position: { x: 10, y: 20 } }] });
    const port = new CanvasPort(cy);
    port.setViewport({ zoom: 2, pan: { x: 5, y: -7 } });
    expect(port.viewport).toEqual({ zoom: 2, pan: { x: 5, y: -7 } });
    // A model position in page pixels: zoom, then pan (a headless canvas sits at the page origin).
    expect(port.toScreen({ x: 10, y: 20 })).toEqual({ x: 25, y: 33 });
  });

  it('notifies a reader once per frame, not once per viewport event', async () => {
    const cy = cytoscape({ headless: true });
    const port = new CanvasPort(cy);
    const seen: number[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(port.viewport.zoom);
      });
    });
    flushSync();
    expect(seen).toEqual([1]);
    for (let i = 1; i <= 20; i++) cy.zoom(1 + i / 10);
    flushSync();
    expect(seen).toEqual([1]);
    await nextFrame();
    flushSync();
    expect(seen).toEqual([1, 3]);
    stop();
    cy.zoom(0.5);
    await nextFrame();
    flushSync();
    expect(seen).toEqual([1, 3]);
  });

  it('answers what the UI asks of the canvas without handing out cy', () => {
    const cy = cytoscape({
      headless: true,
      layout: { name: 'preset' },
      elements: [
        { data: { id: 'a' }, position: { x: 10, y: 20 } },
        { data: { id: 'b' }, position: { x: 50, y: 20 } },
        { data: { id: 'lane-1', label: 'Early childhood' }, classes: 'lane', position: { x: 0, y: 0 } },
        { data: { id: 'lane-2', label: 'Early childhood' }, classes: 'lane', position: { x: 0, y: 90 } },
        { data: { id: 'e', source: 'a', target: 'b', sflow: 3 } },
      ],
    });
    const port = new CanvasPort(cy);
    port.setViewport({ zoom: 2, pan: { x: 5, y: -7 } });
    expect(port.nodeScreenPosition('a')).toEqual({ x: 25, y: 33 });
    expect(port.nodeScreenPosition('e')).toBeNull();
    expect(port.nodeScreenPosition('nope')).toBeNull();
    expect(port.lanes()).toEqual(['Early childhood']);
    cy.$id('b').select();
    expect(port.selectedIds()).toEqual(['b']);
    expect(port.simulationMarks()).toEqual({ flowing: 1, lostMarkers: 0, lostLabels: [] });
    expect(port.current()).toMatchObject({ zoom: 2, pan: { x: 5, y: -7 } });
  });

  it('keeps the centre on a resize, and resizing back restores the viewport exactly', () => {
    const cy = cytoscape({ headless: true });
    const port = new CanvasPort(cy);
    port.setViewport({ zoom: 1, pan: { x: 10, y: 20 } });
    port.keepCentre({ width: 800, height: 600 }, { width: 400, height: 300 });
    expect(port.current()).toMatchObject({ zoom: 0.5, pan: { x: 5, y: 10 } });
    port.keepCentre({ width: 400, height: 300 }, { width: 800, height: 600 });
    expect(port.current()).toMatchObject({ zoom: 1, pan: { x: 10, y: 20 } });
  });
});
