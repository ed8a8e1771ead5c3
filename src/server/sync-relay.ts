// Convening mode: the room as one Yjs document on this server (`/sync/<room>`, the y-websocket protocol),
// for rooms too big for a WebRTC mesh. Every message is decoded (relay-messages.ts) before anything acts on
// it; a viewer's can never change the map or steer a screen; rooms persist through room-store.ts.
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import { MAX_PENDING_BYTES, MAX_PRESENCE_IDS_PER_CONNECTION, MAX_SEND_BUFFER_BYTES, type ServerLimits } from './limits.ts';
import {
  awarenessMessage, decodePresence, decodeRelayMessage, encodePresence, RefusedMessage, SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE,
  syncMessage, viewerMayPass, withoutSteering, type RelayMessage,
} from './relay-messages.ts';
import { CorruptRoom, type RoomStore } from './room-store.ts';

const SAVE_DEBOUNCE_MS = 500;
const PING_INTERVAL_MS = 30_000;
/** Close codes: 1008 policy (a refused message), 1011 the server could not serve the room, 4403 key refused. */
export const CLOSE_REFUSED = 1008;
export const CLOSE_ROOM_ERROR = 1011;
export const CLOSE_KEY_REFUSED = 4403;

interface Peer {
  ws: WebSocket;
  editor: boolean;
  /** Presence client ids this connection speaks for. */
  ids: Set<number>;
  alive: boolean;
  /** The room's state sent to this client on joining, which may sit in its send buffer above the cap once. */
  syncAllowance: number;
}

interface Room {
  name: string;
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  peers: Map<WebSocket, Peer>;
  /** Stored size after the last compaction, plus what was applied since (an upper bound). */
  bytes: number;
  dirty: boolean;
  saveTimer: ReturnType<typeof setTimeout> | null;
  /** Sync step 2 for a client that has nothing: shared by every joiner until the next edit. */
  fullSync: Uint8Array | null;
}

export interface SyncRelay {
  /** Serves an upgraded socket as editor or viewer of `room` (access already checked by the caller). */
  accept(ws: WebSocket, room: string, editor: boolean): void;
  /** Open rooms (in memory). */
  readonly rooms: ReadonlyMap<string, Room>;
  /** Writes every changed room to disk now. */
  flush(): void;
  /** Writes every changed room, stops timers (call once every connection has closed). */
  close(): void;
}

export function createSyncRelay(store: RoomStore, limits: Pick<ServerLimits, 'maxRoomBytes'>): SyncRelay {
  const rooms = new Map<string, Room>();
  let closed = false;

  const save = (room: Room) => {
    if (room.saveTimer) clearTimeout(room.saveTimer);
    room.saveTimer = null;
    if (!room.dirty) return;
    room.dirty = false;
    room.bytes = store.save(room.name, room.doc);
  };

  const send = (peer: Peer, message: Uint8Array) => {
    const { ws } = peer;
    if (ws.readyState !== ws.OPEN) return;
    // A client that does not read must not make the server hold the room's traffic for it.
    if (ws.bufferedAmount <= MAX_SEND_BUFFER_BYTES) peer.syncAllowance = 0;
    else if (ws.bufferedAmount > MAX_SEND_BUFFER_BYTES + peer.syncAllowance) {
      console.warn('relay: dropped a connection that stopped reading');
      ws.terminate();
      return;
    }
    ws.send(message);
  };

  const open = (name: string): Room => {
    const existing = rooms.get(name);
    if (existing) return existing;
    const doc = new Y.Doc({ gc: true });
    const bytes = store.load(name, doc); // throws CorruptRoom
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState(null);
    const room: Room = { name, doc, awareness, peers: new Map(), bytes, dirty: false, saveTimer: null, fullSync: null };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      room.fullSync = null;
      room.bytes += update.byteLength;
      room.dirty = true;
      const message = syncMessage(SYNC_UPDATE, update);
      for (const peer of room.peers.values()) if (peer !== origin) send(peer, message);
      if (!closed && !room.saveTimer) room.saveTimer = setTimeout(() => save(room), SAVE_DEBOUNCE_MS);
    });
    awareness.on('update', ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>) => {
      const changed = [...added, ...updated, ...removed];
      const message = awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, changed));
      for (const peer of room.peers.values()) send(peer, message);
    });
    rooms.set(name, room);
    return room;
  };

  const leave = (room: Room, peer: Peer) => {
    if (!room.peers.delete(peer.ws)) return;
    awarenessProtocol.removeAwarenessStates(room.awareness, [...peer.ids], null);
    // Forget the departed clocks too: a person who reconnects announces again from a fresh clock, and a
    // remembered higher one would make the relay drop their presence as stale (nobody would list them).
    for (const id of peer.ids) room.awareness.meta.delete(id);
    if (room.peers.size > 0) return;
    save(room);
    room.awareness.destroy();
    room.doc.destroy();
    rooms.delete(room.name);
  };

  const applyPresence = (room: Room, peer: Peer, update: Uint8Array) => {
    const entries = decodePresence(update).filter((entry) => {
      if (peer.ids.has(entry.clientId)) return true;
      // y-websocket clients echo the removals they see ("X left": state null); such an echo must not claim
      // X's id, or X could never come back on a new connection.
      if (entry.state === null) return false;
      // Nobody speaks for someone else's presence, nor for an unbounded number of them.
      const owned = [...room.peers.values()].some((other) => other.ids.has(entry.clientId));
      if (owned || peer.ids.size >= MAX_PRESENCE_IDS_PER_CONNECTION) return false;
      peer.ids.add(entry.clientId);
      return true;
    });
    const kept = peer.editor ? entries : entries.map((entry) => ({ ...entry, state: withoutSteering(entry.state) }));
    if (kept.length) awarenessProtocol.applyAwarenessUpdate(room.awareness, encodePresence(kept), peer);
  };

  const applyUpdate = (room: Room, peer: Peer, update: Uint8Array) => {
    if (room.bytes + update.byteLength > limits.maxRoomBytes) {
      // The running figure over-counts: compact before refusing.
      room.bytes = Y.encodeStateAsUpdate(room.doc).byteLength;
      if (room.bytes + update.byteLength > limits.maxRoomBytes) {
        const quota = limits.maxRoomBytes >= 1024 * 1024 ? `${Math.round(limits.maxRoomBytes / 1024 / 1024)} MiB` : `${Math.round(limits.maxRoomBytes / 1024)} KiB`;
        throw new RefusedMessage(`room full: its map may not pass ${quota}; this edit was not saved`);
      }
    }
    try {
      Y.applyUpdate(room.doc, update, peer);
    } catch (error) {
      throw new RefusedMessage(`update does not decode: ${(error as Error).message}`);
    }
    const { pendingStructs, pendingDs } = room.doc.store;
    if ((pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0) > MAX_PENDING_BYTES) {
      // Content the room never had (deletes of unknown clients, gaps): drop it rather than keep and store it.
      room.doc.store.pendingStructs = null;
      room.doc.store.pendingDs = null;
      throw new RefusedMessage('update refers to content this room does not have');
    }
  };

  const handle = (room: Room, peer: Peer, message: RelayMessage) => {
    // A viewer's client answers the server's sync step 1 with a step 2 like any client: dropped, not an offence.
    if (!peer.editor && !viewerMayPass(message)) return;
    switch (message.kind) {
      case 'sync-step-1': {
        const empty = message.stateVector.byteLength === 1 && message.stateVector[0] === 0;
        const reply = empty
          ? (room.fullSync ??= syncMessage(SYNC_STEP_2, Y.encodeStateAsUpdate(room.doc)))
          : syncMessage(SYNC_STEP_2, Y.encodeStateAsUpdate(room.doc, message.stateVector));
        send(peer, reply);
        peer.syncAllowance = Math.max(peer.syncAllowance, reply.byteLength);
        break;
      }
      case 'sync-step-2':
      case 'sync-update':
        applyUpdate(room, peer, message.update);
        break;
      case 'awareness':
        applyPresence(room, peer, message.update);
        break;
      case 'query-awareness':
        send(peer, awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...room.awareness.getStates().keys()])));
        break;
    }
  };

  const pinger = setInterval(() => {
    for (const room of rooms.values()) {
      for (const peer of room.peers.values()) {
        if (!peer.alive) peer.ws.terminate();
        else {
          peer.alive = false;
          try {
            peer.ws.ping();
          } catch {
            peer.ws.terminate();
          }
        }
      }
    }
  }, PING_INTERVAL_MS);
  pinger.unref();

  return {
    rooms,
    accept(ws, name, editor) {
      let room: Room;
      try {
        room = open(name);
      } catch (error) {
        const corrupt = error instanceof CorruptRoom;
        console.error(corrupt ? (error as Error).message : `relay: could not open room ${name}: ${(error as Error).message}`);
        ws.close(CLOSE_ROOM_ERROR, corrupt ? 'room file unreadable: kept aside on the server' : 'room could not be opened');
        return;
      }
      const peer: Peer = { ws, editor, ids: new Set(), alive: true, syncAllowance: 0 };
      room.peers.set(ws, peer);
      ws.on('pong', () => (peer.alive = true));
      ws.on('close', () => leave(room, peer));
      ws.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
        if (ws.readyState !== ws.OPEN) return;
        try {
          if (!isBinary || !Buffer.isBuffer(data)) throw new RefusedMessage('binary messages only');
          handle(room, peer, decodeRelayMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
        } catch (error) {
          const refused = error instanceof RefusedMessage;
          console.warn(`relay: room ${name}: ${refused ? 'refused' : 'failed on'} a message: ${(error as Error).message}`);
          // A close reason may hold at most 123 bytes.
          ws.close(refused ? CLOSE_REFUSED : CLOSE_ROOM_ERROR, Buffer.from((error as Error).message).subarray(0, 120).toString());
        }
      });
      send(peer, syncMessage(SYNC_STEP_1, Y.encodeStateVector(room.doc)));
      const states = [...room.awareness.getStates().keys()];
      if (states.length) send(peer, awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(room.awareness, states)));
    },
    flush() {
      for (const room of rooms.values()) save(room);
    },
    close() {
      this.flush();
      closed = true;
      clearInterval(pinger);
    },
  };
}
