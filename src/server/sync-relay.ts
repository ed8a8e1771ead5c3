// Convening mode: the same room as a y-websocket document on this server (`/sync/<room>`), for rooms
// too big for a WebRTC mesh. Built on @y/websocket-server; what this file adds:
// - persistence: each room's state as one file under the data dir, written atomically (debounced),
//   loaded when the room is first opened, so the room outlives every laptop and a server restart;
// - read-only viewers: a connection without the room's edit token has its document updates dropped;
//   the token is trusted on first use (the first editor's token hash is stored with the room);
// - a size limit on incoming messages.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import { setPersistence, setupWSConnection, type WSSharedDoc } from '@y/websocket-server/utils';

/** A whole map is a few hundred KiB as an update; anything far larger is abuse. */
export const MAX_SYNC_MESSAGE_BYTES = 8 * 1024 * 1024;
const SAVE_DEBOUNCE_MS = 500;
const ROOM_NAME = /^[A-Za-z0-9_-]{8,64}$/;
const TOKEN = /^[0-9a-f]{64}$/;

// y-protocols message kinds (first varuint), and the sync sub-kinds that carry document content.
const MESSAGE_SYNC = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export interface SyncRelay {
  /** Handles an upgraded `/sync/<room>?token=…` socket; false (and the socket closed) when the room name is bad. */
  accept(conn: WebSocket, req: IncomingMessage): boolean;
  /** Writes every open room to disk now. */
  flush(): void;
  /** Writes every open room and stops scheduling saves (call once every connection has closed). */
  close(): void;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function writeAtomic(path: string, data: Uint8Array | string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

/** True when the message may change the document (sync step 2 or update). Malformed counts as yes. */
export function carriesDocumentUpdate(message: Uint8Array): boolean {
  if (message.length < 2) return message.length > 0 && message[0] === MESSAGE_SYNC;
  // Both kinds are below 128, so each varuint is one byte.
  return message[0] === MESSAGE_SYNC && (message[1] === SYNC_STEP_2 || message[1] === SYNC_UPDATE || message[1] > 127);
}

/** The relay keeps its rooms in @y/websocket-server's process-wide table: one relay per process. */
export function createSyncRelay(dataDir: string): SyncRelay {
  mkdirSync(dataDir, { recursive: true });
  const pendingSaves = new Map<string, { doc: Y.Doc; timer: ReturnType<typeof setTimeout> }>();
  let closed = false;
  const statePath = (room: string) => join(dataDir, `${room}.yjs`);
  const tokenPath = (room: string) => join(dataDir, `${room}.token`);

  const save = (room: string, doc: Y.Doc) => {
    const pending = pendingSaves.get(room);
    if (pending) clearTimeout(pending.timer);
    pendingSaves.delete(room);
    try {
      writeAtomic(statePath(room), Y.encodeStateAsUpdate(doc));
    } catch (error) {
      // Never take the server down; the next edit tries again.
      console.error(`Could not save room ${room} to ${statePath(room)}: ${(error as Error).message}`);
    }
  };

  setPersistence({
    provider: null,
    bindState: (room: string, doc: WSSharedDoc) => {
      // Synchronous, so the first client's sync step 1 already sees the stored room.
      if (existsSync(statePath(room))) Y.applyUpdate(doc, readFileSync(statePath(room)));
      doc.on('update', () => {
        if (closed) return;
        const pending = pendingSaves.get(room);
        if (pending) clearTimeout(pending.timer);
        pendingSaves.set(room, { doc, timer: setTimeout(() => save(room, doc), SAVE_DEBOUNCE_MS) });
      });
    },
    // Called when the last connection to a room closes.
    writeState: async (room: string, doc: WSSharedDoc) => save(room, doc),
  });

  /** Trust on first use: the first token seen for a room becomes its edit token. */
  const mayEdit = (room: string, token: string | null): boolean => {
    if (!token || !TOKEN.test(token)) return false;
    const path = tokenPath(room);
    if (!existsSync(path)) {
      writeAtomic(path, sha256(token));
      return true;
    }
    return readFileSync(path, 'utf8').trim() === sha256(token);
  };

  return {
    accept(conn, req) {
      const url = new URL(req.url ?? '/', 'http://x');
      const room = decodeURIComponent(url.pathname.replace(/^\/sync\//, ''));
      if (!ROOM_NAME.test(room)) {
        conn.close(1008, 'bad room name');
        return false;
      }
      // ws reports an oversized frame (maxPayload) as an 'error' and closes with 1009; unhandled, it would end the process.
      conn.on('error', () => conn.terminate());
      const editor = mayEdit(room, url.searchParams.get('token'));
      // Filter what reaches @y/websocket-server's message listener: too big → close; a viewer's
      // document updates → dropped (its sync step 1 and awareness still pass, so it sees the map).
      const on = conn.on.bind(conn);
      conn.on = ((event: string, listener: (...args: unknown[]) => void) => {
        if (event !== 'message') return on(event as 'close', listener as () => void);
        return on('message', (data: ArrayBuffer | Buffer) => {
          const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
          if (bytes.byteLength > MAX_SYNC_MESSAGE_BYTES) {
            conn.close(1009, 'message too big');
            return;
          }
          if (!editor && carriesDocumentUpdate(bytes)) return;
          listener(data);
        });
      }) as WebSocket['on'];
      setupWSConnection(conn, req, { docName: room });
      return true;
    },
    flush() {
      for (const [room, { doc }] of [...pendingSaves]) save(room, doc);
    },
    close() {
      this.flush();
      closed = true;
    },
  };
}
