// What a refused or unsynced screen changed, named for the person: the nodes, ties and views a local
// transaction touched, by their labels. Nothing here keeps the edits: the Y.Doc and IndexedDB do.
import * as Y from 'yjs';
import { mapRoots } from '../model/doc.ts';

const ROOTS = ['nodes', 'edges', 'views'] as const;

/** Ids of the map entries (nodes, ties, views) a transaction added, changed or deleted; 'map' for the map's own fields. */
export function touchedEntries(doc: Y.Doc, transaction: Y.Transaction): string[] {
  const touched = new Set<string>();
  const shown = mapRoots(doc);
  const roots = new Set<unknown>(ROOTS.map((name) => shown[name]));
  const meta: unknown = shown.meta;
  for (const [type, keys] of transaction.changed) {
    if (roots.has(type)) {
      for (const key of keys) if (key !== null && !key.startsWith('$')) touched.add(key);
    } else if (type.parent && roots.has(type.parent) && type._item?.parentSub) {
      touched.add(type._item.parentSub);
    } else if (type === meta) {
      touched.add('map');
    }
  }
  return [...touched];
}

/** A label for a touched entry as the map holds it now (an id if it has none, or it was deleted). */
export function entryLabel(doc: Y.Doc, id: string): string {
  if (id === 'map') return 'the map’s title and details';
  const shown = mapRoots(doc);
  for (const name of ROOTS) {
    const fields = shown[name].get(id);
    if (fields instanceof Y.Map) {
      const label = fields.get('label');
      return typeof label === 'string' && label.trim() ? label : id;
    }
  }
  return `${id} (deleted)`;
}
