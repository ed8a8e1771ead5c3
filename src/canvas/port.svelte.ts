// The canvas port (issue 16): the one way the rest of the studio reads and moves the viewport,
// converts coordinates and exports the picture, so code outside src/canvas need not touch `cy`.
// The reactive viewport costs nothing while nobody reads it, and notifies at most once per
// animation frame while someone does (issue 14: nothing but drawing on the viewport path).
import type { Core } from 'cytoscape';
import { createSubscriber } from 'svelte/reactivity';
import { fitViewport, setProjectorTheme, STUDIO_INSETS, type Insets } from './apply-view.ts';
import { findingPictures } from './finding-pictures.ts';
import { lostLabelBoxes } from './overlays.ts';
import { hiddenLaneTitles, type LaneTitle } from './lane-titles.ts';
import { pngBlob, svgText } from './exports.ts';

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

export interface MoveOptions {
  /** Animate over this many milliseconds (0 or absent: at once). */
  duration?: number;
}

export class CanvasPort {
  readonly #cy: Core;
  readonly #subscribe: () => void;
  #busy = false;
  #drawnWaiters: (() => void)[] = [];

  #collect(ids: string[]) {
    const cy = this.#cy;
    return ids.reduce((all, id) => all.union(cy.$id(id)), cy.collection());
  }

  constructor(cy: Core) {
    this.#cy = cy;
    this.#subscribe = createSubscriber((update) => {
      let frame = 0;
      const schedule = () => {
        if (!frame) frame = requestAnimationFrame(() => ((frame = 0), update()));
      };
      cy.on('viewport resize', schedule);
      return () => {
        cy.off('viewport resize', schedule);
        cancelAnimationFrame(frame);
      };
    });
  }

  /**
   * Marks a big map arriving in slices (snapshot-applier.ts); also `data-canvas-busy` on the body, which
   * tests and benchmarks wait on.
   */
  setBusy(busy: boolean): void {
    this.#busy = busy;
    if (busy) {
      document.body.dataset.canvasBusy = 'true';
      return;
    }
    delete document.body.dataset.canvasBusy;
    for (const resolve of this.#drawnWaiters.splice(0)) resolve();
  }

  /** Resolves once the canvas holds the whole map (at once when it does). */
  async drawn(): Promise<void> {
    // A load superseded mid-way is busy again by the time a waiter wakes: it waits on.
    while (this.#busy) await new Promise<void>((resolve) => this.#drawnWaiters.push(resolve));
  }

  /** Zoom and pan; reactive (at most once a frame) where read in an effect or template. */
  get viewport(): Viewport {
    this.#subscribe();
    return { zoom: this.#cy.zoom(), pan: { ...this.#cy.pan() } };
  }

  /** The canvas's size in CSS pixels; reactive like `viewport`. */
  get size(): { width: number; height: number } {
    this.#subscribe();
    return { width: this.#cy.width(), height: this.#cy.height() };
  }

  setViewport(viewport: Viewport, options: MoveOptions = {}): void {
    const target = { zoom: viewport.zoom, pan: { ...viewport.pan } };
    // A move in progress would carry on over the new viewport: it stops here.
    this.#cy.stop(true, false);
    if (options.duration) this.#cy.animate(target, { duration: options.duration });
    else this.#cy.viewport(target);
  }

  /** Everything (or the given ids) in view, inside the part of the canvas the overlays leave free. */
  fit(options: MoveOptions & { insets?: Insets; ids?: string[] } = {}): void {
    const cy = this.#cy;
    const eles = options.ids ? this.#collect(options.ids) : cy.elements();
    if (eles.empty()) return;
    const box = eles.boundingBox();
    const target = fitViewport({ x1: box.x1, y1: box.y1, w: box.w, h: box.h }, cy.width(), cy.height(), options.insets ?? { top: 40, right: 40, bottom: 40, left: 40 }, cy.maxZoom());
    this.setViewport(target, options);
  }

  /**
   * Elements and their neighbours framed at a comfortable reading size (never closer than 1.3), inside the
   * part of the canvas `insets` leave free (the legend, the switches), with a margin.
   */
  frame(ids: string[], options: MoveOptions & { insets?: Insets } = { duration: 350 }): void {
    const cy = this.#cy;
    const eles = this.#collect(ids);
    if (eles.empty()) return;
    const box = eles.union(eles.connectedNodes()).boundingBox();
    const free = options.insets ?? STUDIO_INSETS;
    const margin = 60;
    const insets = { top: free.top + margin, right: free.right + margin, bottom: free.bottom + margin, left: free.left + margin };
    this.setViewport(fitViewport({ x1: box.x1, y1: box.y1, w: box.w, h: box.h }, cy.width(), cy.height(), insets, 1.3), { duration: options.duration ?? 0 });
  }

  /** Whether the viewport is moving now (an animated move under way: tests wait for it to end). */
  moving(): boolean {
    return this.#cy.animated();
  }

  /** A model position in page (client) pixels. */
  toScreen(at: { x: number; y: number }): { x: number; y: number } {
    const rect = this.#cy.container()?.getBoundingClientRect();
    const zoom = this.#cy.zoom();
    const pan = this.#cy.pan();
    return { x: (rect?.left ?? 0) + at.x * zoom + pan.x, y: (rect?.top ?? 0) + at.y * zoom + pan.y };
  }

  /** A position inside the canvas (rendered pixels, as Cytoscape events give them) in page pixels. */
  renderedToScreen(at: { x: number; y: number }): { x: number; y: number } {
    const rect = this.#cy.container()?.getBoundingClientRect();
    return { x: (rect?.left ?? 0) + at.x, y: (rect?.top ?? 0) + at.y };
  }

  /** Zoom, pan and size as they are now, without subscribing (for code that publishes or saves them). */
  current(): Viewport & { size: { width: number; height: number } } {
    const cy = this.#cy;
    return { zoom: cy.zoom(), pan: { ...cy.pan() }, size: { width: cy.width(), height: cy.height() } };
  }

  /**
   * The canvas changed size from `before` to its size now: what was on screen stays on screen (the same
   * centre), with the zoom scaled by the change in area, so resizing back restores the zoom exactly.
   */
  keepCentre(before: { width: number; height: number }, size: { width: number; height: number }): void {
    const cy = this.#cy;
    cy.resize();
    const zoom = cy.zoom();
    const pan = cy.pan();
    const centre = { x: (before.width / 2 - pan.x) / zoom, y: (before.height / 2 - pan.y) / zoom };
    const ratio = Math.sqrt((size.width / before.width) * (size.height / before.height));
    const scaled = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), zoom * ratio));
    cy.viewport({ zoom: scaled, pan: { x: size.width / 2 - centre.x * scaled, y: size.height / 2 - centre.y * scaled } });
  }

  /** A node's centre in page pixels (null: no such node on the canvas). */
  nodeScreenPosition(id: string): { x: number; y: number } | null {
    const node = this.#cy.$id(id);
    if (!node.nonempty() || !node.isNode()) return null;
    return this.toScreen(node.position());
  }

  /** A node's box in canvas (rendered) pixels, labels left out (null: no such node). */
  nodeBox(id: string): { x1: number; y1: number; w: number; h: number } | null {
    const node = this.#cy.getElementById(id);
    if (node.empty() || !node.isNode()) return null;
    const box = node.renderedBoundingBox({ includeLabels: false });
    return { x1: box.x1, y1: box.y1, w: box.w, h: box.h };
  }

  /** The ids selected on the canvas. */
  selectedIds(): string[] {
    return this.#cy.$(':selected').map((e) => e.id());
  }

  /** The map's nodes and ties on the canvas now (lanes, cells and markers left out). */
  content(): { nodes: string[]; edges: string[] } {
    return { nodes: this.#cy.nodes().not('.lane').map((n) => n.id()), edges: this.#cy.edges().map((e) => e.id()) };
  }

  /** The labels of the lanes drawn, each once. */
  lanes(): string[] {
    return [...new Set(this.#cy.nodes('.lane').map((lane) => String(lane.data('label'))).filter(Boolean))];
  }

  /** Lane titles too small for the canvas to draw at this zoom, in canvas pixels (LaneTitles.svelte draws them). */
  hiddenLaneTitles(): LaneTitle[] {
    return hiddenLaneTitles(this.#cy);
  }

  /** How much of a simulation the canvas shows: edges carrying flow, markers of people lost, the "N lost" labels' boxes (model pixels). */
  simulationMarks(): { flowing: number; lostMarkers: number; lostLabels: { x1: number; y1: number; x2: number; y2: number }[] } {
    const cy = this.#cy;
    return { flowing: cy.edges().filter((e) => e.data('sflow') !== undefined).length, lostMarkers: cy.elements('.sim-lost').length, lostLabels: lostLabelBoxes(cy) };
  }

  /**
   * Listens to the person's hand on the canvas: the pointer in model coordinates, the pointer leaving,
   * and panning or zooming by hand (`steer`). Returns the function that stops listening.
   */
  listen(handlers: { pointer?: (at: { x: number; y: number }) => void; leave?: () => void; steer?: () => void }): () => void {
    const cy = this.#cy;
    const move = (event: { position: { x: number; y: number } }) => handlers.pointer?.(event.position);
    const steer = () => handlers.steer?.();
    const leave = () => handlers.leave?.();
    cy.on('mousemove', move);
    cy.on('dragpan scrollzoom pinchzoom', steer);
    const container = cy.container();
    container?.addEventListener('mouseleave', leave);
    return () => {
      cy.off('mousemove', move);
      cy.off('dragpan scrollzoom pinchzoom', steer);
      container?.removeEventListener('mouseleave', leave);
    };
  }

  /** Projector type and contrast for presenting (false: back to the studio's). */
  setProjectorTheme(on: boolean): void {
    setProjectorTheme(this.#cy, on);
  }

  /** One picture per list of element ids, the canvas put back where it was after (null where none is drawn). */
  findingPictures(findings: string[][]): (string | null)[] {
    return findingPictures(this.#cy, findings);
  }

  /** The whole map as a PNG blob (downloads). */
  exportPngBlob(): Blob {
    return pngBlob(this.#cy);
  }

  /** The whole map as SVG text (downloads). */
  exportSvg(): string {
    return svgText(this.#cy);
  }

  /** The whole map as a PNG data URL (for reports and exports). */
  exportPng(options: { scale?: number; maxWidth?: number } = {}): string {
    return this.#cy.png({ full: true, scale: options.scale ?? 2, bg: '#ffffff', ...(options.maxWidth ? { maxWidth: options.maxWidth } : {}) });
  }
}

export { STUDIO_INSETS };
