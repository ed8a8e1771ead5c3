import * as Y from 'yjs';
import { LOCAL_ORIGIN, mapRoots, USER_LOAD_ORIGIN } from './doc.ts';

/**
 * Undo and redo for this user's own changes only: edits that arrive from peers (or whole-map loads)
 * have other origins and are never undone by the local user.
 */
export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  const roots = mapRoots(doc);
  return new Y.UndoManager([roots.nodes, roots.edges, roots.meta, roots.views, roots.positions], {
    trackedOrigins: new Set([LOCAL_ORIGIN, USER_LOAD_ORIGIN]),
    captureTimeout: 500,
  });
}
