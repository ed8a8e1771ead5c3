// Convening rooms on disk: one file of Yjs state per room (`<room>.yjs`), written atomically and compacted
// (the merged document re-encoded, never a log of updates), and who may edit which room.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { roomIdForToken } from '../collab/room-link.ts';

export const ROOM_NAME = /^[A-Za-z0-9_-]{8,64}$/;
const TOKEN = /^[0-9a-f]{64}$/;

export type Access = 'editor' | 'viewer' | 'refused';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export class CorruptRoom extends Error {}

export interface RoomStore {
  readonly dataDir: string;
  /** Who a connection is: editor when its token derives the room id (or matches a legacy room's stored hash). */
  access(room: string, token: string | null): Access;
  exists(room: string): boolean;
  /** Rooms on disk when the server started. */
  countAtStart(): number;
  /** The stored state of a room, or null for a new room. Throws CorruptRoom after moving an unreadable file aside. */
  load(room: string, into: Y.Doc): number;
  /** Writes the room's compacted state; returns its size. Never throws (logged). */
  save(room: string, doc: Y.Doc): number;
}

function writeAtomic(path: string, data: Uint8Array | string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

export function createRoomStore(dataDir: string): RoomStore {
  mkdirSync(dataDir, { recursive: true });
  const statePath = (room: string) => join(dataDir, `${room}.yjs`);
  const tokenPath = (room: string) => join(dataDir, `${room}.token`);
  const stored = readdirSync(dataDir).filter((name) => name.endsWith('.yjs')).length;
  return {
    dataDir,
    access(room, token) {
      if (token === null || token === '') return 'viewer';
      if (!TOKEN.test(token)) return 'refused';
      if (roomIdForToken(token) === room) return 'editor';
      // Rooms made before ids were derived from keys keep the token hash their first editor left.
      try {
        if (existsSync(tokenPath(room)) && readFileSync(tokenPath(room), 'utf8').trim() === sha256(token)) return 'editor';
      } catch {
        // unreadable: treated as no match
      }
      return 'refused';
    },
    exists: (room) => existsSync(statePath(room)) || existsSync(tokenPath(room)),
    countAtStart: () => stored,
    load(room, into) {
      const path = statePath(room);
      if (!existsSync(path)) return 0;
      const bytes = readFileSync(path);
      try {
        Y.applyUpdate(into, bytes);
        return bytes.byteLength;
      } catch (error) {
        let aside = `${path}.corrupt`;
        for (let i = 1; existsSync(aside); i++) aside = `${path}.corrupt.${i}`;
        renameSync(path, aside);
        throw new CorruptRoom(`room ${room}: ${path} could not be read (${(error as Error).message}); kept as ${aside}`);
      }
    },
    save(room, doc) {
      const path = statePath(room);
      try {
        const state = Y.encodeStateAsUpdate(doc);
        writeAtomic(path, state);
        return state.byteLength;
      } catch (error) {
        // Never take the server down; the next edit tries again.
        console.error(`Could not save room ${room} to ${path}: ${(error as Error).message}`);
        return existsSync(path) ? statSync(path).size : 0;
      }
    },
  };
}
