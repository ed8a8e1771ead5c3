// What a hand does on the canvas: click and shift-click select, a click at overview opens a cell,
// double-click asks to add a node, a drag in the free layout writes positions once it ends, a drag
// from a node (or a right-drag) draws a tie. Cytoscape events only; the host answers the requests.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { setPositions } from '../model/mutations.ts';
import type { Position } from '../model/types.ts';
import type * as Y from 'yjs';
import { overviewCellAt } from './level-of-detail.ts';

export interface EdgeDrawing {
  enableDrawMode(): void;
  disableDrawMode(): void;
  start(node: NodeSingular): void;
}

/** What the canvas's pointer interactions read and set in the session that hosts it (the UI's Studio). */
export interface CanvasHost {
  readonly doc: Y.Doc;
  readonly selection: readonly string[];
  readonly layout: string;
  select(ids: string[]): void;
  /** A node or edge was clicked: the inspector shows it. */
  sidebarTab: 'inspect' | (string & {});
}

export interface InteractionOptions {
  studio: CanvasHost;
  readonly: boolean;
  /** True while the canvas itself applies the studio's selection (not a user's act). */
  isSyncingSelection(): boolean;
  /** Double-click on empty canvas: where (model coordinates). */
  onrequestadd(at: Position): void;
  /** A tie was drawn from one node to another (rendered position of the target). */
  onrequestedge(source: string, target: string, at: { x: number; y: number }): void;
}

/** Wires the canvas's pointer interactions; returns the tie-drawing handle (none when read-only). */
export function installInteractions(c: Core, options: InteractionOptions): EdgeDrawing | undefined {
  const { studio } = options;
  let edgeDrawing: EdgeDrawing | undefined;
  const publishSelection = () => {
    if (options.isSyncingSelection()) return;
    queueMicrotask(() => {
      const ids = c.$(':selected').map((e) => e.id());
      const same = ids.length === studio.selection.length && ids.every((id) => studio.selection.includes(id));
      if (!same) studio.select(ids);
    });
  };
  c.on('select unselect', publishSelection);
  c.on('tap', (event) => {
    // Semantic zoom: at overview a click opens the matrix cell under it (the programs there are not drawn).
    const cell = overviewCellAt(c, event.position);
    if (cell) {
      const target = event.target as NodeSingular;
      if (target !== (c as unknown)) queueMicrotask(() => target.unselect());
      c.animate({ fit: { eles: cell, padding: 30 } }, { duration: 350 });
      return;
    }
    // A plain click on a node replaces the selection; shift/ctrl add to it (Cytoscape's additive mode).
    const original = event.originalEvent as MouseEvent | undefined;
    const additive = original?.shiftKey || original?.ctrlKey || original?.metaKey;
    if (event.target === c) {
      if (!additive) c.$(':selected').unselect();
    } else {
      if (!additive) c.$(':selected').not(event.target).unselect();
      studio.sidebarTab = 'inspect';
    }
  });
  c.on('dbltap', (event) => {
    if (event.target === c && !options.readonly) options.onrequestadd({ x: Math.round(event.position.x), y: Math.round(event.position.y) });
  });
  c.on('dragfree', 'node', (event) => {
    if (studio.layout !== 'force' || options.readonly) return;
    const moved: Record<string, Position> = {};
    (event.target as NodeSingular).union(c.$('node:selected')).forEach((n) => {
      const p = n.position();
      moved[n.id()] = { x: Math.round(p.x), y: Math.round(p.y) };
    });
    // Written once per drag, never per frame: the document keeps every overwritten value.
    setPositions(studio.doc, moved);
  });

  if (!options.readonly) {
    // Drag from a node's handle to another node to draw an edge; the host asks for its type.
    edgeDrawing = (c as unknown as { edgehandles(options: object): EdgeDrawing }).edgehandles({
      canConnect: (source: NodeSingular, target: NodeSingular) => !source.same(target) && !target.hasClass('lane'),
      edgeParams: () => ({ classes: 'eh-preview' }),
      hoverDelay: 80,
      snap: true,
      snapThreshold: 30,
    });
    // A right-button drag from a node draws a tie at any time; "Draw ties" mode makes a plain drag do it.
    c.on('cxttapstart', 'node', (event) => edgeDrawing?.start(event.target));
    c.on('ehcomplete', (_event, source: NodeSingular, target: NodeSingular, added: EdgeSingular) => {
      added.remove();
      const rendered = target.renderedPosition();
      options.onrequestedge(source.id(), target.id(), { x: rendered.x, y: rendered.y });
    });
  }

  return edgeDrawing;
}
