// Opening, creating, duplicating and deleting maps stored in this browser.
import * as Y from 'yjs';
import { migrateDoc } from '../model/doc.ts';
import { cancelLoading, loadMapInSlices } from '../model/map-load.ts';
import { newId } from '../model/mutations.ts';
import { readMapFile, SnapshotProjector } from '../model/snapshot.ts';
import { nextTask } from '../model/tasks.ts';
import type { PathwaysMap } from '../model/types.ts';
import { storeWorker } from '../workers-client/store.ts';
import { Catalog, type CatalogEntry } from './catalog.ts';
import { MapStore } from './map-store.ts';

export const catalog = new Catalog(globalThis.localStorage);

const dbName = (id: string) => `pathways-map:${id}`;

export interface OpenMap {
  id: string;
  doc: Y.Doc;
  store: MapStore;
  /** Reads the map shown; the studio takes it over. */
  projector: SnapshotProjector;
  close(): Promise<void>;
}

export async function openLocalMap(id: string): Promise<OpenMap> {
  const doc = new Y.Doc();
  // The stored map is applied a slice per task, and the projector reads each slice's entries as it
  // lands; the snapshot is built once, a few milliseconds per task, and the studio in a task of its own.
  const projector = new SnapshotProjector(doc, true);
  const store = await MapStore.open(dbName(id), doc, storeWorker);
  await nextTask();
  await projector.resumeInSlices();
  await nextTask();
  // A map stored by an older studio is brought up to the current document layout once, here.
  migrateDoc(doc);
  return {
    id,
    doc,
    store,
    projector,
    async close() {
      cancelLoading(doc);
      projector.destroy();
      await store.destroy();
      doc.destroy();
    },
  };
}

/** A new map's entry in the catalog, listed at once (its content follows in the map's own database). */
export function catalogNewMap(map: PathwaysMap): CatalogEntry {
  const now = Date.now();
  const entry: CatalogEntry = { id: newId('map'), title: map.meta.title || 'Untitled map', createdAt: now, updatedAt: now, nodeCount: map.nodes.length };
  catalog.put(entry);
  return entry;
}

/** Stores `map` as a new local map and returns its catalog entry. */
async function createLocalMap(map: PathwaysMap): Promise<CatalogEntry> {
  const entry = catalogNewMap(map);
  const opened = await openLocalMap(entry.id);
  await loadMapInSlices(opened.doc, map, { undoable: false, projector: opened.projector });
  // Closing waits for the store's last write.
  await opened.close();
  return entry;
}

export async function duplicateLocalMap(id: string): Promise<CatalogEntry> {
  const opened = await openLocalMap(id);
  const map = readMapFile(opened.doc);
  await opened.close();
  return createLocalMap({ ...map, meta: { ...map.meta, title: `${map.meta.title || 'Untitled map'} (copy)` } });
}

export async function deleteLocalMap(id: string): Promise<void> {
  catalog.remove(id);
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(dbName(id));
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/** Asks the browser not to evict the maps under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
