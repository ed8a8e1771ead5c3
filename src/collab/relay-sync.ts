// The convening relay's first sync a slice per task, as sliced-sync.ts does for y-webrtc: y-websocket
// reads each message with a per-provider table of handlers (`provider.messageHandlers`), so its sync
// handler is wrapped. A big step 2 is handed to the original handler slice by slice; sync messages that
// arrive meanwhile wait behind it, in order, except a step 1, which is answered at once (it only reads).
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { SyncInbox, type SlicedSyncOptions } from './sliced-sync.ts';

const MESSAGE_SYNC = 0;
const SYNC_STEP_1 = 0;

type MessageHandler = (encoder: encoding.Encoder, decoder: decoding.Decoder, provider: unknown, emitSynced: boolean, messageType: number) => void;

/** What this needs of y-websocket's WebsocketProvider (3.x): its own copy of the handler table. */
export interface RelayProvider {
  messageHandlers: MessageHandler[];
}

/** The whole message again: the sync type and what follows, after the message type the caller read. */
function wholeMessage(rest: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeUint8Array(encoder, rest);
  return encoding.toUint8Array(encoder);
}

/** A decoder past the message type, as y-websocket hands a handler one. */
function afterType(message: Uint8Array): decoding.Decoder {
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder);
  return decoder;
}

function syncType(rest: Uint8Array): number | null {
  try {
    return decoding.readVarUint(decoding.createDecoder(rest));
  } catch {
    return null;
  }
}

export function sliceRelaySync(provider: RelayProvider, options: SlicedSyncOptions, stopped: () => boolean): void {
  const original = provider.messageHandlers[MESSAGE_SYNC];
  const inbox = new SyncInbox(options, stopped, (error) => console.warn('A message from the relay could not be applied', error));
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, handlerProvider, emitSynced, messageType) => {
    const rest = decoding.readTailAsUint8Array(decoder);
    // A reply goes in y-websocket's encoder only while it waits for one; a message handled later answers nobody.
    const handle = (message: Uint8Array, now: boolean) => original(now ? encoder : encoding.createEncoder(), afterType(message), handlerProvider, emitSynced, messageType);
    inbox.receive(wholeMessage(rest), handle, syncType(rest) === SYNC_STEP_1);
  };
}
