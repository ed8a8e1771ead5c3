// Opening, creating, duplicating and deleting maps stored in this browser.
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { migrateDoc } from '../model/doc.ts';
import { cancelLoading, loadMapInSlices } from '../model/map-load.ts';
import { newId } from '../model/mutations.ts';
import { readMapFile } from '../model/snapshot.ts';
import type { PathwaysMap } from '../model/types.ts';
import { Catalog, type CatalogEntry } from './catalog.ts';

export const catalog = new Catalog(globalThis.localStorage);

const dbName = (id: string) => `pathways-map:${id}`;

export interface OpenMap {
  id: string;
  doc: Y.Doc;
  persistence: IndexeddbPersistence;
  close(): Promise<void>;
}

export async function openLocalMap(id: string): Promise<OpenMap> {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(dbName(id), doc);
  // y-indexeddb listens for updates from the start, so Yjs would encode the whole stored map as one update
  // (~0.17 s for a 5,000-program map) only for y-indexeddb to drop it as its own: it listens once synced
  // (nothing else writes to this doc before then).
  doc.off('update', persistence._storeUpdate);
  await persistence.whenSynced;
  doc.on('update', persistence._storeUpdate);
  // The studio is built on the map in a task of its own, not in the one that applied the stored map.
  await new Promise((resolve) => setTimeout(resolve, 0));
  // A map stored by an older studio is brought up to the current document layout once, here.
  migrateDoc(doc);
  return {
    id,
    doc,
    persistence,
    async close() {
      cancelLoading(doc);
      await persistence.destroy();
      doc.destroy();
    },
  };
}

/** Stores `map` as a new local map and returns its catalog entry. */
export async function createLocalMap(map: PathwaysMap, room?: string): Promise<CatalogEntry> {
  const id = newId('map');
  const opened = await openLocalMap(id);
  await loadMapInSlices(opened.doc, map, { undoable: false });
  await flush(opened);
  await opened.close();
  const now = Date.now();
  const entry: CatalogEntry = { id, title: map.meta.title || 'Untitled map', createdAt: now, updatedAt: now, nodeCount: map.nodes.length, room };
  catalog.put(entry);
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

/** Waits until y-indexeddb has written what the doc holds. */
async function flush(opened: OpenMap): Promise<void> {
  // y-indexeddb stores each update as it happens; a fresh open reads them back, so one round trip
  // through the database is enough to know the write transaction is done.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await opened.persistence.whenSynced;
}

/** Asks the browser not to evict the maps under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
