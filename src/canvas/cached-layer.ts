// A still picture of a big map kept in layers (issue 14). On a big map ties are left out while the
// viewport moves; when it stops, drawing all of them at once was one long task (5,000 programs,
// ~9,000 ties on screen: 250–600 ms in software), and every later frame drew all again. Here a
// layer is an offscreen canvas at the screen's transform: each frame draws into it what its time
// allows (the ties: FRAME_BUDGET_MS; the programs: all at once, as while moving) and shows it; the
// next frame goes on until all is drawn, and frames after that only show it. A change that keeps
// the viewport (a selection, an overlay) keeps showing the complete layer until the new one is.
// Framework-free; level-of-detail.ts decides when layers are used.
import type { Core } from 'cytoscape';
import type { ElementLike } from './hit-test.ts';

/** Time for ties in one frame (ms): what is left of a frame beside showing the rest. */
export const FRAME_BUDGET_MS = 10;
/** Ties drawn between two looks at the clock. */
const CHECK_EVERY = 32;

interface Layer {
  canvas: HTMLCanvasElement;
  context: CanvasRenderingContext2D;
  /** The screen transform and canvas size it is drawn for. */
  key: string;
  /** The elements' version (any change to the map's elements) and list it is drawn from. */
  version: number;
  elements: ElementLike[] | null;
  /** How many of `elements` are drawn. */
  drawn: number;
}

function newLayer(): Layer {
  const canvas = document.createElement('canvas');
  return { canvas, context: canvas.getContext('2d')!, key: '', version: -1, elements: null, drawn: 0 };
}

/** Shows a layer's canvas (from `update`) on the screen's `context`. */
export function showLayer(context: CanvasRenderingContext2D, canvas: HTMLCanvasElement): void {
  context.save();
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.drawImage(canvas, 0, 0);
  context.restore();
}

export class CachedLayer {
  #complete: Layer | null = null;
  #drawing: Layer | null = null;
  #version = 0;
  readonly #requestFrame: () => void;

  /** `requestFrame`: asks the renderer for another frame (the layer is not complete yet). `group`: what the layer
   *  holds; a change to one of the other group (a tie pressed, a program selected) leaves it as it is, but any
   *  move of a node (the ties follow) or element added or removed does not. */
  constructor(cy: Core, group: 'nodes' | 'edges', requestFrame: () => void) {
    this.#requestFrame = requestFrame;
    cy.on('add remove position', () => this.#version++);
    cy.on('data style select unselect class', (event) => {
      const target = event.target as ElementLike | Core;
      if (target === cy || (target as ElementLike).group() === group) this.#version++;
    });
  }

  /** Something drawn changed that no event tells (a texture Cytoscape has drawn again, sharper): draw it all again. */
  invalidate(): void {
    this.#version++;
  }

  /** Draws the next slice of `elements` (in drawing order) into the layer for the screen's `context`, `budgetMs`
   *  of it (Infinity: all at once), and returns the canvas to show for this frame (`showLayer`): layers are drawn
   *  in one order (the programs first) and shown in another (the ties under them). */
  update(context: CanvasRenderingContext2D, elements: ElementLike[], drawOne: (context: CanvasRenderingContext2D, ele: ElementLike) => void, budgetMs: number): HTMLCanvasElement {
    const t = context.getTransform();
    const key = `${t.a} ${t.b} ${t.c} ${t.d} ${t.e} ${t.f} ${context.canvas.width}×${context.canvas.height}`;
    const current = (layer: Layer | null) => layer !== null && layer.key === key && layer.version === this.#version && layer.elements === elements;
    if (current(this.#complete)) {
      this.#drawing = null;
      return this.#complete!.canvas;
    }
    if (!current(this.#drawing)) {
      const layer = this.#drawing ?? (this.#complete && this.#complete.key !== key ? this.#complete : newLayer());
      if (layer === this.#complete) this.#complete = null;
      if (layer.canvas.width !== context.canvas.width) layer.canvas.width = context.canvas.width;
      if (layer.canvas.height !== context.canvas.height) layer.canvas.height = context.canvas.height;
      layer.context.setTransform(1, 0, 0, 1, 0, 0);
      layer.context.clearRect(0, 0, layer.canvas.width, layer.canvas.height);
      Object.assign(layer, { key, version: this.#version, elements, drawn: 0 });
      this.#drawing = layer;
    }
    const layer = this.#drawing!;
    layer.context.setTransform(t);
    const started = performance.now();
    while (layer.drawn < elements.length) {
      drawOne(layer.context, elements[layer.drawn++]);
      if (layer.drawn % CHECK_EVERY === 0 && performance.now() - started > budgetMs) break;
    }
    if (layer.drawn >= elements.length) {
      this.#drawing = this.#complete;
      this.#complete = layer;
      if (this.#drawing) this.#drawing.version = -1;
      return layer.canvas;
    }
    this.#requestFrame();
    // Meanwhile the complete layer of this same viewport (only styles changed), else what is drawn so far.
    return (this.#complete?.key === key ? this.#complete : layer).canvas;
  }
}
