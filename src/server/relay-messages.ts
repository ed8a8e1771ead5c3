// What a `/sync` client may say, read with the protocol's own decoders (lib0 varints, y-protocols
// framing), never by peeking at bytes: y-protocols reads the message type as a varint, so `[0x80, 0x00]`
// is type 0 too. A message is accepted only in its canonical encoding, so what the relay checks is exactly
// what Yjs will read.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

/** Presence fields that steer other screens (src/collab/presence.ts): editor acts only. */
export const STEERING_FIELDS = ['presenting', 'leading', 'movedTo', 'proofs'] as const;

export type RelayMessage =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'sync-step-2' | 'sync-update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

export class RefusedMessage extends Error {}

/** Decodes one client message; throws RefusedMessage when it is unknown, truncated, padded or not canonical. */
export function decodeRelayMessage(bytes: Uint8Array): RelayMessage {
  let message: RelayMessage;
  const encoder = encoding.createEncoder();
  try {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    encoding.writeVarUint(encoder, type);
    if (type === MESSAGE_SYNC) {
      const sub = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      encoding.writeVarUint(encoder, sub);
      encoding.writeVarUint8Array(encoder, payload);
      if (sub === SYNC_STEP_1) {
        Y.decodeStateVector(payload); // throws when malformed
        message = { kind: 'sync-step-1', stateVector: payload };
      } else if (sub === SYNC_STEP_2 || sub === SYNC_UPDATE) {
        message = { kind: sub === SYNC_STEP_2 ? 'sync-step-2' : 'sync-update', update: payload };
      } else throw new RefusedMessage(`unknown sync message ${sub}`);
    } else if (type === MESSAGE_AWARENESS) {
      const payload = decoding.readVarUint8Array(decoder);
      encoding.writeVarUint8Array(encoder, payload);
      message = { kind: 'awareness', update: payload };
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      message = { kind: 'query-awareness' };
    } else throw new RefusedMessage(`unknown message type ${type}`);
  } catch (error) {
    if (error instanceof RefusedMessage) throw error;
    throw new RefusedMessage(`malformed message: ${(error as Error).message}`);
  }
  if (!equalBytes(encoding.toUint8Array(encoder), bytes)) throw new RefusedMessage('message not in canonical encoding');
  return message;
}

/** A viewer may ask for the map and say where it is; nothing it sends may change the map. */
export function viewerMayPass(message: RelayMessage): boolean {
  return message.kind === 'sync-step-1' || message.kind === 'awareness';
}

export interface PresenceEntry {
  clientId: number;
  clock: number;
  /** A plain object, or null (the client left). */
  state: Record<string, unknown> | null;
}

/** Reads an awareness update; entries whose state is not a JSON object (or null) are left out. */
export function decodePresence(update: Uint8Array): PresenceEntry[] {
  const entries: PresenceEntry[] = [];
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const text = decoding.readVarString(decoder);
      let state: unknown;
      try {
        state = JSON.parse(text);
      } catch {
        continue;
      }
      if (state === null || (typeof state === 'object' && !Array.isArray(state))) entries.push({ clientId, clock, state: state as PresenceEntry['state'] });
    }
    if (decoding.hasContent(decoder)) throw new RefusedMessage('trailing bytes after presence');
  } catch (error) {
    if (error instanceof RefusedMessage) throw error;
    throw new RefusedMessage(`malformed presence: ${(error as Error).message}`);
  }
  return entries;
}

export function encodePresence(entries: PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/** A viewer's presence without the fields that steer others' screens. */
export function withoutSteering(state: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!state) return state;
  const kept = { ...state };
  for (const field of STEERING_FIELDS) delete kept[field];
  return kept;
}

export function syncMessage(sub: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, sub);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}
