// Restoring a named version: history rebuilds the version's content; the model writes it
// (`restoreMapContent`: one local transaction, one undo step, only what differs).
import type * as Y from 'yjs';
import { ModelError } from '../model/mutations.ts';
import { restoreMapContent } from '../model/version-writes.ts';
import { findVersion, versionMap } from './versions.ts';

/** Makes the map what it was at version `id`. Undoable in one step. Returns how many elements changed. */
export function restoreVersion(doc: Y.Doc, id: string): number {
  const { versions, version } = findVersion(doc, id);
  const rebuilt = versionMap(versions, version);
  if (!rebuilt.map) throw new ModelError(rebuilt.problems, 'version');
  return restoreMapContent(doc, rebuilt.map, { label: version.label });
}
