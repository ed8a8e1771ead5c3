// A whole map loaded into the open document a slice at a time, so a county-size load never blocks the
// page for more than a frame. The map is written into a new content that nobody shows (STAGING_ORIGIN
// transactions: not undoable, ignored by every projector but for reading ahead), then becomes the map
// in one small transaction that flips the pointer — atomic for peers and IndexedDB alike: a load cut off
// half-way leaves the old map shown and an unfinished content, removed by a later load.
import * as Y from 'yjs';
import { CONTENT_KEY, contentPointer, STARTED_KEY, WRITTEN_KEY, contentRoots, contentStore, contentWrites, LOAD_ORIGIN, newContent, newContentId, replaceMapContent, STAGING_ORIGIN, USER_LOAD_ORIGIN, type MapRoots } from './doc.ts';
import type { PathwaysMap } from './types.ts';

/** An unfinished content older than this belongs to a load that will never finish. */
export const ABANDONED_AFTER_MS = 10 * 60_000;

export interface LoadOptions {
  /** The user's act (a file opened over the map), which Undo takes back; otherwise a load (a new map). */
  undoable: boolean;
}

/** One load in progress per document: a newer load supersedes (and removes) an unfinished one. */
const inProgress = new WeakMap<Y.Doc, StagedLoad>();

export class StagedLoad {
  readonly id = newContentId();
  private readonly writes: Generator<(roots: MapRoots) => void>;
  private readonly content = newContent();
  private readonly roots: MapRoots;
  private state: 'writing' | 'written' | 'shown' | 'cancelled' = 'writing';

  constructor(private readonly doc: Y.Doc, map: PathwaysMap, private readonly options: LoadOptions, now = Date.now()) {
    inProgress.get(doc)?.cancel();
    inProgress.set(doc, this);
    this.writes = contentWrites(map);
    this.content.set(STARTED_KEY, now);
    doc.transact(() => {
      removeAbandoned(doc, now);
      contentStore(doc).set(this.id, this.content);
    }, STAGING_ORIGIN);
    this.roots = contentRoots(this.content)!;
  }

  get done(): boolean {
    return this.state !== 'writing';
  }

  get cancelled(): boolean {
    return this.state === 'cancelled';
  }

  /** Writes entries in one transaction until `due()` says the slice is spent; true once all are written. */
  step(due: () => boolean): boolean {
    if (this.state !== 'writing') return this.state !== 'cancelled';
    this.doc.transact(() => {
      for (;;) {
        const next = this.writes.next();
        if (next.done) {
          this.content.set(WRITTEN_KEY, true);
          this.state = 'written';
          return;
        }
        next.value(this.roots);
        if (due()) return;
      }
    }, STAGING_ORIGIN);
    return this.done;
  }

  /** Makes the written content the map: one transaction, one undo step for the user's load. */
  show(): void {
    if (this.state !== 'written') throw new Error(`a ${this.state} load cannot be shown`);
    this.doc.transact(() => contentPointer(this.doc).set(CONTENT_KEY, this.id), this.options.undoable ? USER_LOAD_ORIGIN : LOAD_ORIGIN);
    this.state = 'shown';
    if (inProgress.get(this.doc) === this) inProgress.delete(this.doc);
  }

  /** Stops writing and removes what was written; the map shown does not change. */
  cancel(): void {
    if (this.state === 'shown' || this.state === 'cancelled') return;
    this.state = 'cancelled';
    if (inProgress.get(this.doc) === this) inProgress.delete(this.doc);
    this.doc.transact(() => contentStore(this.doc).delete(this.id), STAGING_ORIGIN);
  }
}

/** Stops a load in progress on `doc` (the map is closing), removing what it wrote. */
export function cancelLoading(doc: Y.Doc): void {
  inProgress.get(doc)?.cancel();
}

/** Unfinished contents of loads that stopped (a tab closed mid-load) long ago, and never shown. */
function removeAbandoned(doc: Y.Doc, now: number): void {
  const current = contentPointer(doc).get(CONTENT_KEY);
  for (const [id, content] of contentStore(doc).entries()) {
    if (id === current) continue;
    const malformed = !(content instanceof Y.Map);
    const started = malformed ? 0 : content.get(STARTED_KEY);
    const abandoned = !malformed && content.get(WRITTEN_KEY) !== true && (typeof started !== 'number' || now - started > ABANDONED_AFTER_MS);
    if (malformed || abandoned) contentStore(doc).delete(id);
  }
}

/** Lets the page draw and take input between slices. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Loads `map` a slice at a time, then shows it. A slice is one transaction whose writing, and what the
 * doc's observers do with it (the projector reading ahead, IndexedDB and peers encoding the update),
 * take about `sliceMs` together: the writing time is scaled by what the last slice cost in all.
 * Resolves true once it is the map, false if a newer load on the same doc superseded it.
 */
export async function loadMapInSlices(doc: Y.Doc, map: PathwaysMap, options: LoadOptions & { sliceMs?: number; pause?: () => Promise<void> }): Promise<boolean> {
  const { sliceMs = 10, pause = nextTask } = options;
  const load = new StagedLoad(doc, map, options);
  let writeMs = sliceMs / 2;
  for (;;) {
    const started = performance.now();
    const until = started + writeMs;
    if (load.step(() => performance.now() >= until)) break;
    const spent = performance.now() - started;
    writeMs = Math.min(sliceMs, Math.max(0.5, writeMs * (sliceMs / Math.max(spent, 0.1))));
    await pause();
    if (load.cancelled) return false;
  }
  if (load.cancelled) return false;
  load.show();
  return true;
}

/**
 * Replaces the whole map with a validated one, at once, in one transaction (the CLI, tests, small maps);
 * supersedes a load in progress. `undoable`: the local user's act, which Undo takes back.
 */
export function loadMap(doc: Y.Doc, map: PathwaysMap, options: LoadOptions): void {
  cancelLoading(doc);
  replaceMapContent(doc, map, options.undoable ? USER_LOAD_ORIGIN : LOAD_ORIGIN);
}
