// One map's Yjs document in IndexedDB, as records of bounded size: read back a few milliseconds at a
// time, so reopening a county map never blocks the page (y-indexeddb applied it all in one task:
// 0.2 s at 2,000 programs). Every update the doc makes is appended as a record; now and then the
// records are compacted, in a worker, into the document's state cut into slices (update-slices.ts).
// The database layout is y-indexeddb's ('updates' with auto keys, 'custom'), so maps it stored open.
import * as idb from 'lib0/indexeddb';
import * as Y from 'yjs';
import { nextTask } from '../model/tasks.ts';

const UPDATES = 'updates';
/**
 * A stored record past this size is sliced before it is applied (slices are at most SLICE_BYTES, 48 KiB).
 * Applying costs more than writing: a big load's ~10 ms transactions are records of 60–400 KiB, and a
 * 120 KiB one took ~40 ms to apply and read in Chromium.
 */
export const MAX_RECORD_BYTES = 64 * 1024;
/** Records appended since the last compaction that call for the next one. */
export const COMPACT_AFTER_RECORDS = 300;
/** Compaction waits for this long without a write, so it never competes with an edit in progress. */
const COMPACT_WHEN_QUIET_MS = 2000;
/** Applying stored records yields to the page after this much work. */
const APPLY_BUDGET_MS = 8;

// A full disk or a revoked quota: the map stays open and editable, and the console says why it isn't kept.
const reportWriteError = (error: unknown) => console.error('Pathways: could not store an edit in this browser', error);

/** The store's heavy lifting, done off the page (workers/store.worker.ts). */
export interface StoreWorker {
  /** The records' document state, as bounded slices (update-slices.ts `compactUpdates`). */
  compact(updates: Uint8Array[]): Promise<Uint8Array[]>;
  /** Each update as bounded slices (`sliceUpdate`), of at most `maxStructs` structs (default SLICE_STRUCTS). */
  slice(updates: Uint8Array[], maxStructs?: number): Promise<Uint8Array[][]>;
}

interface StoredRecord {
  k: IDBValidKey;
  v: Uint8Array;
}

export class MapStore {
  private appended = 0;
  private quietTimer: ReturnType<typeof setTimeout> | null = null;
  private lastWrite: Promise<unknown> = Promise.resolve();
  private destroyed = false;
  private compacting = false;
  private oversized = false;

  private constructor(
    private readonly db: IDBDatabase,
    private readonly doc: Y.Doc,
    private readonly worker: StoreWorker,
  ) {}

  /** Opens (or creates) the database `name` and applies what it holds to `doc`, a slice per task. */
  static async open(name: string, doc: Y.Doc, worker: StoreWorker): Promise<MapStore> {
    const db = await idb.openDB(name, (db) => idb.createStores(db, [[UPDATES, { autoIncrement: true }], ['custom']]));
    const store = new MapStore(db, doc, worker);
    await store.read();
    doc.on('update', store.append);
    return store;
  }

  private async read(): Promise<void> {
    let records = await this.records();
    // A record past the bound (a map y-indexeddb compacted, a peer's whole map in one sync) is cut in
    // the worker and stored as its slices, in its place; the others are applied as they are.
    const oversized = records.filter((record) => record.v.length > MAX_RECORD_BYTES);
    if (oversized.length > 0) {
      const slices = await this.worker.slice(oversized.map((record) => record.v));
      await Promise.all(oversized.map((record, index) => this.replace(records, record, record, slices[index])));
      records = await this.records();
    }
    let deadline = performance.now() + APPLY_BUDGET_MS;
    for (const { v: update } of records) {
      if (performance.now() > deadline) {
        await nextTask();
        deadline = performance.now() + APPLY_BUDGET_MS;
      }
      try {
        Y.applyUpdate(this.doc, update, this);
      } catch (error) {
        // A damaged record loses only itself; the rest of the map still opens.
        console.warn('Pathways: skipped a stored update that could not be read', error);
      }
    }
    // A store left with many records (by y-indexeddb, or a session that ended early) is compacted soon.
    this.appended = records.length;
    this.compactSoon();
  }

  private async records(): Promise<StoredRecord[]> {
    const updates = this.db.transaction(UPDATES, 'readonly').objectStore(UPDATES);
    return (await idb.getAllKeysValues(updates)) as StoredRecord[];
  }

  /**
   * Replaces the records from `first` to `last` (a run of `records`) by `slices`, keyed between the
   * record before the run and the run's last key, so the order of the store is kept. One transaction:
   * a reader sees the old records or the new, never half.
   */
  private async replace(records: StoredRecord[], first: StoredRecord, last: StoredRecord, slices: Uint8Array[]): Promise<void> {
    if (this.destroyed) return;
    const to = last.k as number;
    const before = records[records.indexOf(first) - 1];
    const from = before ? (before.k as number) : (first.k as number) - 1;
    const updates = this.db.transaction(UPDATES, 'readwrite').objectStore(UPDATES);
    const written = Promise.all([
      idb.del(updates, idb.createIDBKeyRangeBound(from, to, true, false)),
      ...slices.map((slice, index) => idb.rtop(updates.put(slice, from + ((to - from) * (index + 1)) / (slices.length + 1)))),
    ]);
    this.lastWrite = written;
    await written;
  }

  private readonly append = (update: Uint8Array, origin: unknown): void => {
    if (origin === this || this.destroyed) return;
    const updates = this.db.transaction(UPDATES, 'readwrite').objectStore(UPDATES);
    this.lastWrite = idb.rtop(updates.add(update)).catch(reportWriteError);
    this.appended++;
    // A record past the bound (a peer's whole map, a big load's slice) is cut before the next reopen.
    if (update.length > MAX_RECORD_BYTES) this.oversized = true;
    this.compactSoon();
  };

  private compactSoon(): void {
    if ((this.appended < COMPACT_AFTER_RECORDS && !this.oversized) || this.destroyed) return;
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => {
      this.quietTimer = null;
      void this.compact();
    }, COMPACT_WHEN_QUIET_MS);
  }

  /** Compacts the records stored so far; records appended meanwhile stay as they are, after them. */
  async compact(): Promise<void> {
    if (this.compacting) return;
    this.compacting = true;
    this.appended = 0;
    this.oversized = false;
    try {
      const records = await this.records();
      if (records.length > 1) await this.replace(records, records[0], records[records.length - 1], await this.worker.compact(records.map((record) => record.v)));
    } catch (error) {
      // The records stay as they were: compaction only ever saves space.
      console.warn('Pathways: could not compact the stored map', error);
    } finally {
      this.compacting = false;
    }
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.doc.off('update', this.append);
    await this.lastWrite.catch(() => undefined);
    this.db.close();
  }
}
