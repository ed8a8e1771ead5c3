// A peer's big first sync handed to y-webrtc a slice per task: what y-protocols' own decoder reads from
// the messages rebuilds the peer's document, the last message is the step 2 (y-webrtc marks the peer
// synced on it), and any other message is left alone.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { deliverSliced, SyncInbox, syncStep2Update } from '../../../src/collab/sliced-sync.ts';
import { createMapDoc } from '../../../src/model/doc.ts';
import { readMapFile } from '../../../src/model/snapshot.ts';
import { syntheticMap } from '../../../src/model/synthetic.ts';
import { sliceUpdate } from '../../../src/persist/update-slices.ts';

/** A y-webrtc sync message as y-protocols writes it (message type 0, then the sync message). */
function written(write: (encoder: encoding.Encoder) => void, messageType: number[] = [0]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const byte of messageType) encoding.writeUint8(encoder, byte);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

describe('syncStep2Update', () => {
  const source = createMapDoc(syntheticMap(20));

  it('reads the update of a step 2, however the message type is encoded', () => {
    const state = Y.encodeStateAsUpdate(source);
    expect(syncStep2Update(written((e) => syncProtocol.writeSyncStep2(e, source)))).toEqual(state);
    // Message types are varints: [0x80, 0x00] is type 0 too.
    expect(syncStep2Update(written((e) => syncProtocol.writeSyncStep2(e, source), [0x80, 0x00]))).toEqual(state);
  });

  it('leaves every other message alone', () => {
    expect(syncStep2Update(written((e) => syncProtocol.writeSyncStep1(e, source)))).toBeNull();
    expect(syncStep2Update(written((e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(source))))).toBeNull();
    expect(syncStep2Update(written((e) => syncProtocol.writeSyncStep2(e, source), [1]))).toBeNull();
    const whole = written((e) => syncProtocol.writeSyncStep2(e, source));
    expect(syncStep2Update(whole.subarray(0, whole.length - 5))).toBeNull();
    expect(syncStep2Update(new Uint8Array([...whole, 7]))).toBeNull();
  });
});

describe('deliverSliced', () => {
  it('hands over slices y-protocols reads back into the peer’s document, the step 2 last', async () => {
    const source = createMapDoc(syntheticMap(120));
    const joined = new Y.Doc();
    const types: number[] = [];
    const progress: (number | null)[] = [];
    await deliverSliced(
      Y.encodeStateAsUpdate(source),
      (message) => {
        const decoder = decoding.createDecoder(message);
        expect(decoding.readVarUint(decoder)).toBe(0);
        types.push(syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), joined, 'peer'));
      },
      { slice: async (update) => sliceUpdate(update, 300), onProgress: (fraction) => progress.push(fraction) },
      () => false,
    );
    expect(types.length).toBeGreaterThan(5);
    expect(types.slice(0, -1).every((type) => type === syncProtocol.messageYjsUpdate)).toBe(true);
    expect(types.at(-1)).toBe(syncProtocol.messageYjsSyncStep2);
    expect(readMapFile(joined)).toEqual(readMapFile(source));
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBeNull();
  });

  it('stops when the connection closes, and sends the step 2 whole if it cannot be sliced', async () => {
    const source = createMapDoc(syntheticMap(60));
    let delivered = 0;
    await deliverSliced(Y.encodeStateAsUpdate(source), () => delivered++, { slice: async (update) => sliceUpdate(update, 100) }, () => delivered >= 2);
    expect(delivered).toBe(2);
    const messages: Uint8Array[] = [];
    await deliverSliced(Y.encodeStateAsUpdate(source), (message) => messages.push(message), { slice: () => Promise.reject(new Error('no worker')) }, () => false);
    expect(messages).toHaveLength(1);
    expect(syncStep2Update(messages[0])).toEqual(Y.encodeStateAsUpdate(source));
  });
});

describe('SyncInbox', () => {
  it('keeps the messages that arrive during a sliced sync in order behind it, and reports one that fails then', async () => {
    const source = createMapDoc(syntheticMap(120));
    const big = written((e) => syncProtocol.writeSyncStep2(e, source));
    const errors: unknown[] = [];
    const inbox = new SyncInbox({ slice: async (update) => sliceUpdate(update, 300) }, () => false, (error) => errors.push(error));
    const handled: string[] = [];
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const handle = (message: Uint8Array, now: boolean) => {
      const step2 = syncStep2Update(message) !== null;
      handled.push(message.length === 3 ? `small ${now}` : step2 ? 'last slice' : 'slice');
      if (message[2] === 0xff) throw new Error('malformed');
      if (message.length === 3 && message[2] === 0x02) settle();
    };
    inbox.receive(new Uint8Array([0, 2, 0x01]), handle);
    inbox.receive(big, handle);
    inbox.receive(new Uint8Array([0, 2, 0xff]), handle);
    inbox.receive(new Uint8Array([0, 2, 0x02]), handle);
    await settled;
    expect(handled[0]).toBe('small true');
    expect(handled.slice(1, -3).every((what) => what === 'slice')).toBe(true);
    expect(handled.slice(-3)).toEqual(['last slice', 'small false', 'small false']);
    expect(errors).toHaveLength(1);
  });
});
