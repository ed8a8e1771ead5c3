import * as Y from 'yjs';
import { contentPointer, LOCAL_ORIGIN, mapRoots, USER_LOAD_ORIGIN } from './doc.ts';

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
    contentPointer(doc).observe(this.followContent);
  }

  override destroy(): void {
    contentPointer(this.doc).unobserve(this.followContent);
    super.destroy();
  }
}

export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  return new MapUndoManager(doc);
}
