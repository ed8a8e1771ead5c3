// The free layout's "arrange": a force layout on the page for small maps, in the layout worker for big
// ones; the result is written to the map in one transaction — everyone in the room sees the same
// arrangement — as its own undo step. Framework-free: Canvas.svelte owns one per mount.
import cytoscape, { type Core } from 'cytoscape';
import { setPositions } from '../model/mutations.ts';
import type { Position } from '../model/types.ts';
import { LayoutCancelled, LayoutClient } from '../workers-client/layout.ts';
import type { CanvasStudio } from './host.ts';
import { isBigMap } from './overview.ts';
import { forceLayoutOptions, moveIfChanged } from './placement.ts';

let forceLayoutLoaded: Promise<void> | undefined;
/** fCoSE, loaded for the first arrangement on the page rather than with the studio (it is ~100 KB of script). */
function loadForceLayout(): Promise<void> {
  return (forceLayoutLoaded ??= import('cytoscape-fcose').then(({ default: fcose }) => cytoscape.use(fcose)));
}

export class Arrangement {
  #worker: LayoutClient | undefined;
  #destroyed = false;

  constructor(
    private readonly cy: Core,
    private readonly studio: CanvasStudio,
    private readonly readonly: boolean,
  ) {}

  run(): void {
    if (this.#destroyed) return;
    if (isBigMap(this.studio.snapshot.map)) return this.#runOffThread();
    loadForceLayout().then(
      () => this.#runOnPage(),
      (error) => console.error('Pathways: the force layout could not be loaded', error),
    );
  }

  #runOnPage(): void {
    if (this.#destroyed) return;
    const c = this.cy;
    const layout = c.elements().not('.lane').layout(forceLayoutOptions(c.nodes().length));
    layout.one('layoutstop', () => {
      if (this.#destroyed) return;
      const positions: Record<string, Position> = {};
      c.nodes().not('.lane').forEach((n) => {
        const p = n.position();
        positions[n.id()] = { x: Math.round(p.x), y: Math.round(p.y) };
      });
      this.#write(positions);
    });
    layout.run();
  }

  destroy(): void {
    this.#destroyed = true;
    this.#worker?.destroy();
  }

  /** A big map's force layout is computed in the layout worker; the page moves the nodes in one batch. */
  #runOffThread(): void {
    const c = this.cy;
    this.#worker ??= new LayoutClient();
    const nodes = c.nodes().not('.lane');
    const graph = {
      nodes: nodes.map((n) => ({ id: n.id(), width: n.hasClass('organization') ? 56 : 30, height: n.hasClass('organization') ? 40 : 30 })),
      edges: c.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
    };
    this.#worker.force(graph).then(
      (positions) => {
        if (this.#destroyed) return;
        c.batch(() => nodes.forEach((n) => moveIfChanged(n, positions[n.id()])));
        this.#write(positions);
      },
      (error) => {
        if (!(error instanceof LayoutCancelled)) console.error(error);
      },
    );
  }

  /** One transaction and its own undo step, never merged with the edit before it. */
  #write(positions: Record<string, Position>): void {
    if (!this.readonly) {
      this.studio.undoManager.stopCapturing();
      setPositions(this.studio.doc, positions);
      this.studio.undoManager.stopCapturing();
    }
    this.cy.fit(undefined, 40);
  }
}
