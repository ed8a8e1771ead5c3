import * as Y from 'yjs';
import { contentPointer, contentStore, LOCAL_ORIGIN, mapRoots, USER_LOAD_ORIGIN } from './doc.ts';

const LOAD_STEP = 'pathways-load';
const KEPT_LOADS = 1;

/** The roots an edit of the map reaches (not its named versions, nor who changed what: Undo keeps those). */
const editableRoots = (doc: Y.Doc) => {
  const roots = mapRoots(doc);
  return [roots.nodes, roots.edges, roots.meta, roots.views, roots.positions];
};

/**
 * Undo and redo for this user's own changes only: edits that arrive from peers (or whole-map loads)
 * have other origins and are never undone by the local user. A user's load flips the content pointer
 * (tracked, so Undo flips it back); the content it shows joins the scope, so edits to it are undone too.
 */
export class MapUndoManager extends Y.UndoManager {
  private readonly followContent = () => this.addToScope(editableRoots(this.doc));

  constructor(doc: Y.Doc) {
    super([...editableRoots(doc), contentPointer(doc)], { trackedOrigins: new Set([LOCAL_ORIGIN, USER_LOAD_ORIGIN]), captureTimeout: 500 });
    // The pointer, or the contents when it names none (doc.ts `currentContentId`'s fallback).
    contentPointer(doc).observe(this.followContent);
    contentStore(doc).observe(this.followContent);
    this.on('stack-item-added', this.noteLoad);
    this.on('stack-item-updated', this.noteLoad);
  }

  /**
   * A load keeps only the map it replaced (the next load removes it, map-load.ts): Undo reaches back over
   * the last load, and the steps before it are dropped rather than flip to a map that is gone.
   */
  private readonly noteLoad = (event: { stackItem: { meta: Map<unknown, unknown> }; type: 'undo' | 'redo'; changedParentTypes: Map<unknown, unknown> }) => {
    if (!event.changedParentTypes.has(contentPointer(this.doc))) return;
    event.stackItem.meta.set(LOAD_STEP, true);
    if (event.type !== 'undo') return;
    const loads = this.undoStack.flatMap((item, index) => (item.meta.get(LOAD_STEP) ? [index] : []));
    if (loads.length > KEPT_LOADS) this.undoStack.splice(0, loads[loads.length - KEPT_LOADS - 1] + 1);
  };

  override destroy(): void {
    contentPointer(this.doc).unobserve(this.followContent);
    contentStore(this.doc).unobserve(this.followContent);
    super.destroy();
  }
}

export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  return new MapUndoManager(doc);
}
