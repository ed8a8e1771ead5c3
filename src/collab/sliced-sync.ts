// A big first sync delivered a slice per task. y-protocols' sync step 2 carries a peer's whole document
// as one update: joining a room that holds a county map applied ~6 MB in one task of ~0.5 s. A step 2
// past SLICED_SYNC_FROM is cut (in the store worker, persist/update-slices.ts) and handed to y-webrtc as
// sync updates, the last one as the step 2 itself, so y-webrtc still marks the peer synced at the end.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { nextTask } from '../model/tasks.ts';

/** y-protocols' message and sync types (y-webrtc's `messageSync`; sync.js `messageYjsSyncStep2`, `messageYjsUpdate`). */
const MESSAGE_SYNC = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
/** From this size a step 2 is sliced: the size of a stored record that is (persist/map-store.ts). */
export const SLICED_SYNC_FROM = 64 * 1024;
/**
 * Structs per slice of a sync: a third of a stored slice's, because each one costs more here. y-webrtc
 * sends every update it applies on to the other peers and the store appends it: ~15–40 ms for 1,500.
 */
export const SYNC_SLICE_STRUCTS = 500;
/** Delivering slices yields to the page after this much work (y-webrtc applies each as it is handed over). */
const DELIVER_BUDGET_MS = 8;

/** The update a y-webrtc sync step 2 message carries, or null for any other message (or a malformed one). */
export function syncStep2Update(message: Uint8Array): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC || decoding.readVarUint(decoder) !== SYNC_STEP_2) return null;
    const update = decoding.readVarUint8Array(decoder);
    return decoding.hasContent(decoder) ? null : update;
  } catch {
    return null;
  }
}

function syncMessage(type: typeof SYNC_STEP_2 | typeof SYNC_UPDATE, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export interface SlicedSyncOptions {
  /** Cuts an update into bounded ones that, applied in order, do what it does. */
  slice(update: Uint8Array): Promise<Uint8Array[]>;
  /** How much of a sliced sync is in: 0 as it starts, then up to 1, and null once it is all in. */
  onProgress?(fraction: number | null): void;
}

/**
 * Hands `update` (a step 2's) to `deliver` as sync messages, a few milliseconds of them per task. If it
 * cannot be sliced, the step 2 goes as it came. `stopped`: the connection closed meanwhile.
 */
export async function deliverSliced(update: Uint8Array, deliver: (message: Uint8Array) => void, options: SlicedSyncOptions, stopped: () => boolean): Promise<void> {
  let slices: Uint8Array[];
  try {
    slices = await options.slice(update);
  } catch {
    slices = [update];
  }
  options.onProgress?.(0);
  let deadline = performance.now() + DELIVER_BUDGET_MS;
  try {
    for (const [index, slice] of slices.entries()) {
      if (performance.now() > deadline) {
        options.onProgress?.(index / slices.length);
        await nextTask();
        deadline = performance.now() + DELIVER_BUDGET_MS;
      }
      if (stopped()) return;
      deliver(syncMessage(index === slices.length - 1 ? SYNC_STEP_2 : SYNC_UPDATE, slice));
    }
  } finally {
    options.onProgress?.(null);
  }
}

/**
 * One connection's incoming sync messages: a big step 2 is handed on a slice per task, and the messages
 * that arrive meanwhile wait behind it, in order; any other message is handed on at once.
 */
export class SyncInbox {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  /** `onError`: what a message handled later threw (handled at once, it throws to the caller). */
  constructor(
    private readonly options: SlicedSyncOptions,
    private readonly stopped: () => boolean,
    private readonly onError: (error: unknown) => void,
  ) {}

  /**
   * Hands `message` (a whole y-protocols message) to `handle`, now (`now` true) or after the sliced sync
   * under way. `answerNow`: a message that must be handled at once even then (its reply cannot wait).
   */
  receive(message: Uint8Array, handle: (message: Uint8Array, now: boolean) => void, answerNow = false): void {
    const update = message.length > SLICED_SYNC_FROM ? syncStep2Update(message) : null;
    if (update) this.later(() => deliverSliced(update, (slice) => handle(slice, false), this.options, this.stopped));
    else if (this.waiting === 0 || answerNow) handle(message, true);
    else this.later(() => handle(message, false));
  }

  private later(job: () => Promise<void> | void): void {
    this.waiting++;
    this.tail = this.tail
      .then(job)
      .catch(this.onError)
      .finally(() => this.waiting--);
  }
}
