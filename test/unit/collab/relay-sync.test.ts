// The convening relay's big first sync through y-websocket's own sync handler, a slice per task: the
// provider is marked synced only when all of it is in, a step 1 meanwhile is answered at once, and an
// update that arrives meanwhile is applied after the sync, in order.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { sliceRelaySync, type RelayProvider } from '../../../src/collab/relay-sync.ts';
import { createMapDoc } from '../../../src/model/doc.ts';
import { readMapFile } from '../../../src/model/snapshot.ts';
import { syntheticMap } from '../../../src/model/synthetic.ts';
import { sliceUpdate } from '../../../src/persist/update-slices.ts';

const providers: WebsocketProvider[] = [];
afterEach(() => providers.splice(0).forEach((provider) => provider.destroy()));

function provider(doc: Y.Doc): WebsocketProvider {
  const made = new WebsocketProvider('ws://127.0.0.1:9', 'room', doc, { connect: false, WebSocketPolyfill: WebSocket as never });
  providers.push(made);
  return made;
}

/** What y-websocket's `readMessage` does with a message from the relay; returns the reply, if any. */
function receive(relay: WebsocketProvider, message: Uint8Array): Uint8Array | null {
  const encoder = encoding.createEncoder();
  const decoder = decoding.createDecoder(message);
  const messageType = decoding.readVarUint(decoder);
  (relay as unknown as RelayProvider).messageHandlers[messageType](encoder, decoder, relay, true, messageType);
  return encoding.length(encoder) > 1 ? encoding.toUint8Array(encoder) : null;
}

const sync = (write: (encoder: encoding.Encoder) => void) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  write(encoder);
  return encoding.toUint8Array(encoder);
};

describe('sliceRelaySync', () => {
  it('applies a big step 2 a slice at a time, marks the provider synced at the end, and keeps later updates in order', async () => {
    const source = createMapDoc(syntheticMap(400));
    const joined = new Y.Doc();
    const relay = provider(joined);
    const progress: (number | null)[] = [];
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    sliceRelaySync(relay as unknown as RelayProvider, { slice: async (update) => sliceUpdate(update, 200), onProgress: (f) => (progress.push(f), f === null && done()) }, () => false);

    expect(receive(relay, sync((e) => syncProtocol.writeSyncStep2(e, source)))).toBeNull();
    expect(relay.synced).toBe(false);
    // An edit at the relay's side, sent while the sync is still arriving.
    const before = Y.encodeStateVector(source);
    source.getMap('extra').set('late', 'edit');
    expect(receive(relay, sync((e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(source, before))))).toBeNull();
    // The relay's step 1 is answered at once, with what this side has so far.
    const reply = receive(relay, sync((e) => syncProtocol.writeSyncStep1(e, source)));
    expect(reply).not.toBeNull();

    await finished;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(progress.length).toBeGreaterThan(2);
    expect(relay.synced).toBe(true);
    expect(readMapFile(joined)).toEqual(readMapFile(source));
    expect(joined.getMap('extra').get('late')).toBe('edit');
  });

  it('hands small sync messages straight to y-websocket', () => {
    const source = createMapDoc(syntheticMap(5));
    const joined = new Y.Doc();
    const relay = provider(joined);
    sliceRelaySync(relay as unknown as RelayProvider, { slice: () => Promise.reject(new Error('not called')) }, () => false);
    receive(relay, sync((e) => syncProtocol.writeSyncStep2(e, source)));
    expect(relay.synced).toBe(true);
    expect(readMapFile(joined)).toEqual(readMapFile(source));
  });
});
