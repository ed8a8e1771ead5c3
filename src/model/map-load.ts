// A whole map loaded into the open document a slice at a time, so a county-size load never blocks the
// page for more than a frame. The map is written into a new content that nobody shows (STAGING_ORIGIN
// transactions: not undoable, ignored by every projector but for reading ahead), then becomes the map
// in one small transaction that flips the pointer — atomic for peers and IndexedDB alike: a load cut off
// half-way leaves the old map shown and an unfinished content, removed by a later load.
// The map a load replaced stays (Undo flips back to it); the next load removes it, a slice at a time
// too, so a room that opens file after file holds two maps at most (a county map is ~6 MB of Yjs state).
import * as Y from 'yjs';
import { CANCELLED_KEY, CONTENT_KEY, contentPointer, contentRoots, contentStore, contentWrites, currentContentId, LOAD_ORIGIN, newContent, newContentId, replaceMapContent, ROOT_NAMES, STAGING_ORIGIN, STARTED_KEY, USER_LOAD_ORIGIN, WRITTEN_KEY } from './doc.ts';
import type { PathwaysMap } from './types.ts';
import { nextTask } from './tasks.ts';
import type { SnapshotProjector } from './snapshot.ts';

/** An unfinished content older than this belongs to a load that will never finish. */
export const ABANDONED_AFTER_MS = 10 * 60_000;
/** A written content not shown is removed only once it is this old: a peer may be about to show it. */
const UNSHOWN_AFTER_MS = 60_000;

export interface LoadOptions {
  /** The user's act (a file opened over the map), which Undo takes back; otherwise a load (a new map). */
  undoable: boolean;
}

/** The origin of the transaction that makes a loaded map the one shown (tracked by Undo for the user's own). */
const showOrigin = (options: LoadOptions) => (options.undoable ? USER_LOAD_ORIGIN : LOAD_ORIGIN);

/** One load in progress per document: a newer load supersedes (and removes) an unfinished one. */
const inProgress = new WeakMap<Y.Doc, StagedLoad>();

export class StagedLoad {
  readonly id = newContentId();
  /** What earlier loads left removed entry by entry, then this map written entry by entry. */
  private readonly steps: Generator<() => void>;
  private readonly content = newContent();
  private state: 'writing' | 'written' | 'shown' | 'cancelled' = 'writing';

  constructor(private readonly doc: Y.Doc, map: PathwaysMap, private readonly options: LoadOptions, now = Date.now()) {
    inProgress.get(doc)?.cancel();
    inProgress.set(doc, this);
    this.steps = loadSteps(doc, retiredContents(doc, now), map, this.content);
    this.content.set(STARTED_KEY, now);
    doc.transact(() => contentStore(doc).set(this.id, this.content), STAGING_ORIGIN);
  }

  get done(): boolean {
    return this.state !== 'writing';
  }

  get cancelled(): boolean {
    return this.state === 'cancelled';
  }

  /** Writes entries in one transaction until `due()` says the slice is spent; true once all are written. */
  step(due: () => boolean): boolean {
    if (this.state === 'writing') {
      this.doc.transact(() => {
        for (;;) {
          const next = this.steps.next();
          if (next.done) {
            this.content.set(WRITTEN_KEY, true);
            this.state = 'written';
            return;
          }
          next.value();
          if (due()) return;
        }
      }, STAGING_ORIGIN);
    }
    return this.state === 'written';
  }

  /** Makes the written content the map: one transaction, one undo step for the user's load. */
  show(): void {
    if (this.state !== 'written') throw new Error(`a ${this.state} load cannot be shown`);
    this.doc.transact(() => contentPointer(this.doc).set(CONTENT_KEY, this.id), showOrigin(this.options));
    this.state = 'shown';
    if (inProgress.get(this.doc) === this) inProgress.delete(this.doc);
  }

  /** Stops writing; the map shown does not change, and the next load removes what was written. */
  cancel(): void {
    if (this.state === 'shown' || this.state === 'cancelled') return;
    this.state = 'cancelled';
    if (inProgress.get(this.doc) === this) inProgress.delete(this.doc);
    this.doc.transact(() => this.content.set(CANCELLED_KEY, true), STAGING_ORIGIN);
  }
}

/** Stops a load in progress on `doc` (the map is closing); the next load removes what it wrote. */
export function cancelLoading(doc: Y.Doc): void {
  inProgress.get(doc)?.cancel();
}

/**
 * The contents a new load removes: all but the map shown (which the new one replaces, and Undo flips
 * back to), except a load under way elsewhere — unless it was stopped, or started long ago — and
 * anything that is not a content at all (a peer's malformed write).
 */
export function retiredContents(doc: Y.Doc, now: number): string[] {
  const store = contentStore(doc);
  const current = currentContentId(doc);
  const retired: string[] = [];
  for (const [id, content] of store.entries()) {
    if (id === current) continue;
    if (!(content instanceof Y.Map)) {
      retired.push(id);
      continue;
    }
    const started = content.get(STARTED_KEY);
    const age = typeof started === 'number' ? now - started : Number.POSITIVE_INFINITY;
    const written = content.get(WRITTEN_KEY) === true;
    if (content.get(CANCELLED_KEY) === true || age > (written ? UNSHOWN_AFTER_MS : ABANDONED_AFTER_MS)) retired.push(id);
  }
  return retired;
}

/**
 * Removes contents an entry at a time (a county map's content is ~200,000 Yjs items: ~100 ms in one go).
 * A content that became the map meanwhile (a peer's Undo flipped back to it) is left whole.
 */
function* loadSteps(doc: Y.Doc, retired: string[], map: PathwaysMap, content: Y.Map<unknown>): Generator<() => void> {
  const store = contentStore(doc);
  for (const id of retired) {
    const roots = contentRoots(store.get(id));
    const shown = () => currentContentId(doc) === id;
    for (const name of roots ? ROOT_NAMES : []) {
      const root = roots![name];
      for (const key of [...root.keys()]) yield () => void (shown() || root.delete(key));
    }
    yield () => void (shown() || store.delete(id));
  }
  const roots = contentRoots(content)!;
  for (const write of contentWrites(map)) yield () => write(roots);
}

/**
 * Loads `map` a slice at a time, then shows it. A slice is one transaction whose writing, and what the
 * doc's observers do with it (the projector reading ahead, IndexedDB and peers encoding the update),
 * take about `sliceMs` together: the writing time is scaled by what the last slice cost in all.
 * Resolves true once it is the map (and, given the doc's `projector`, its snapshot built), false if a newer
 * load on the same doc superseded it.
 */
export async function loadMapInSlices(doc: Y.Doc, map: PathwaysMap, options: LoadOptions & { sliceMs?: number; pause?: () => Promise<void>; projector?: SnapshotProjector }): Promise<boolean> {
  const { sliceMs = 10, pause = nextTask, projector } = options;
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
  // The doc's projector builds the new map's snapshot in slices too: built in the transaction that shows it,
  // a county map's was one task of ~50–80 ms. Resolved, the snapshot is the new map's (unless held meanwhile).
  const building = projector && !projector.holding;
  if (building) projector.defer();
  load.show();
  if (building) await projector.resumeInSlices();
  return true;
}

/**
 * Replaces the whole map with a validated one, at once, in one transaction (the CLI, tests, small maps);
 * supersedes a load in progress. `undoable`: the local user's act, which Undo takes back.
 */
export function loadMap(doc: Y.Doc, map: PathwaysMap, options: LoadOptions): void {
  cancelLoading(doc);
  const origin = showOrigin(options);
  doc.transact(() => {
    for (const id of retiredContents(doc, Date.now())) contentStore(doc).delete(id);
    replaceMapContent(doc, map, origin);
  }, origin);
}
