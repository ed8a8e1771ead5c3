// Puts chunks.ts between y-webrtc and each simple-peer connection: `send` splits, the 'data' event joins,
// and a peer that sends something malformed or oversized is disconnected. y-webrtc has no hook for this,
// so each connection is wrapped as y-webrtc announces it (its 'peers' event fires before 'connect').
import type { WebrtcProvider } from 'y-webrtc';
import { MessageJoiner, splitMessage } from './chunks.ts';
import { SyncInbox, type SlicedSyncOptions } from './sliced-sync.ts';

interface SimplePeer {
  destroyed?: boolean;
  send(data: Uint8Array): void;
  emit(event: string | symbol, ...args: unknown[]): boolean;
  destroy(): void;
}

const wrapped = new WeakSet<SimplePeer>();

function wrap(peer: SimplePeer, onRefused: (reason: string) => void, sliced?: SlicedSyncOptions): void {
  if (wrapped.has(peer)) return;
  wrapped.add(peer);
  let nextId = 1;
  const send = peer.send.bind(peer);
  peer.send = (message) => {
    for (const part of splitMessage(message, nextId++)) send(part);
  };
  const joiner = new MessageJoiner();
  const emit = peer.emit.bind(peer);
  const refuse = (error: unknown) => {
    onRefused((error as Error).message);
    peer.destroy();
  };
  // While a big sync is handed over in slices, the peer's later messages wait behind it, in order; one
  // that fails then is refused as one that fails at once is.
  const inbox = sliced && new SyncInbox(sliced, () => !!peer.destroyed, refuse);
  peer.emit = (event, ...args) => {
    if (event !== 'data') return emit(event, ...args);
    const raw = args[0] as Uint8Array;
    try {
      const whole = joiner.push(raw instanceof Uint8Array ? raw : new Uint8Array(raw as ArrayBuffer));
      if (!whole) return true;
      if (!inbox) return emit('data', whole);
      inbox.receive(whole, (message) => void (peer.destroyed || emit('data', message)));
      return true;
    } catch (error) {
      refuse(error);
      return false;
    }
  };
}

/** `sliced`: a big first sync is applied a slice per task (sliced-sync.ts). */
export function chunkPeerMessages(provider: WebrtcProvider, onRefused: (reason: string) => void = () => {}, sliced?: SlicedSyncOptions): void {
  provider.on('peers', () => {
    const conns = (provider as unknown as { room: { webrtcConns: Map<string, { peer: SimplePeer }> } | null }).room?.webrtcConns;
    for (const conn of conns?.values() ?? []) wrap(conn.peer, onRefused, sliced);
  });
}
