// Convening mode end to end in Node: the project's own server, real y-websocket clients over `ws`.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startServer, type RunningServer } from '../../../src/server/app-server.ts';
import { MAX_EDITOR_FRAME_BYTES } from '../../../src/server/limits.ts';
import { createMapDoc } from '../../../src/model/doc.ts';
import { addNode, updateNode } from '../../../src/model/mutations.ts';
import { readMapFile } from '../../../src/model/snapshot.ts';
import { validateMap } from '../../../src/model/validate.ts';
import { smallMap } from '../../fixtures/small-map.ts';
import { roomIdForKey, writeToken } from '../../../src/collab/room-link.ts';
import { relayProvider, synced, until } from '../../support/relay-client.ts';

let server: RunningServer;
let dataDir: string;
const providers: WebsocketProvider[] = [];
// Twenty people on one machine: above the per-address editor bound a real convening has (one per laptop).
const limits = { maxEditorConnectionsPerAddress: 40 };

function connect(room: string, doc: Y.Doc, token: string | null): WebsocketProvider {
  const provider = relayProvider(server.url, room, doc, token);
  providers.push(provider);
  return provider;
}

/** Field order inside an entry follows arrival order, which differs per client; content does not. */
const canonical = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(canonical) : value && typeof value === 'object'
    ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]))
    : value;
const contentOf = (doc: Y.Doc) => JSON.stringify(canonical(readMapFile(doc)));

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pathways-rooms-'));
  server = await startServer({ port: 0, distDir: dataDir, dataDir, limits });
});

/** A new room as the studio makes one: its id derived from its key. */
function newRoom(key: string): { room: string; editToken: string } {
  return { room: roomIdForKey(key), editToken: writeToken(key) };
}

function closeOf(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
}
afterAll(async () => {
  for (const provider of providers) provider.destroy();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('convening relay', () => {
  it('20 clients editing at once converge to one valid map', async () => {
    const { room, editToken } = newRoom('key-of-twenty');
    const first = createMapDoc(smallMap());
    await synced(connect(room, first, editToken));
    const docs = Array.from({ length: 19 }, () => new Y.Doc());
    docs.forEach((doc) => connect(room, doc, editToken));
    docs.unshift(first);
    await Promise.all(providers.slice(-20).map(synced));
    const programs = smallMap().nodes.filter((n) => n.type === 'program').map((n) => n.id);
    // Everyone edits at the same time: 5 new nodes each, and a field of a shared program each.
    docs.forEach((doc, i) => {
      for (let k = 0; k < 5; k++) addNode(doc, { type: 'organization', label: `Org ${i}-${k}` });
      updateNode(doc, programs[i % programs.length], i % 2 ? { capacity: 100 + i } : { served: 50 + i });
    });
    const expectedNodes = smallMap().nodes.length + 20 * 5;
    await until(() => docs.every((doc) => readMapFile(doc).nodes.length === expectedNodes), 'every client to hold all 100 new nodes');
    await until(() => docs.every((doc) => contentOf(doc) === contentOf(docs[0])), 'identical content');
    expect(validateMap(JSON.parse(JSON.stringify(readMapFile(docs[0])))).problems).toEqual([]);
  }, 30_000);

  it("refuses a viewer's writes but still lets it read the room", async () => {
    const { room, editToken } = newRoom('key-of-viewers');
    const editor = createMapDoc(smallMap());
    await synced(connect(room, editor, editToken));
    const viewer = new Y.Doc();
    await synced(connect(room, viewer, null));
    await until(() => readMapFile(viewer).nodes.length === smallMap().nodes.length, 'the viewer to receive the map');

    addNode(viewer, { type: 'organization', label: 'Written by a viewer' });
    const fromEditor = addNode(editor, { type: 'organization', label: 'Written by the editor' });
    await until(() => readMapFile(viewer).nodes.some((n) => n.id === fromEditor), "the editor's write to reach the viewer");
    // A late joiner sees exactly what the server accepted.
    const late = new Y.Doc();
    await synced(connect(room, late, null));
    const labels = readMapFile(late).nodes.map((n) => n.label);
    expect(labels).toContain('Written by the editor');
    expect(labels).not.toContain('Written by a viewer');
    expect(readMapFile(editor).nodes.map((n) => n.label)).not.toContain('Written by a viewer');
  });

  it('loses nothing across a server restart on the same data folder', async () => {
    const { room, editToken } = newRoom('key-of-restart');
    const doc = createMapDoc(smallMap());
    const provider = connect(room, doc, editToken);
    await synced(provider);
    const id = addNode(doc, { type: 'program', label: 'Added just before the restart', lifeStages: ['k12'] });
    // Wait until the server has the edit (a fresh client sees it), then restart.
    const probe = new Y.Doc();
    await synced(connect(room, probe, null));
    await until(() => readMapFile(probe).nodes.some((n) => n.id === id), 'the edit to reach the server');
    const before = contentOf(probe);
    for (const p of providers.splice(0)) p.destroy();
    const port = server.port;
    await server.close();
    server = await startServer({ port, distDir: dataDir, dataDir, limits });

    const after = new Y.Doc();
    await synced(connect(room, after, null));
    await until(() => readMapFile(after).nodes.length > 0, 'the room to come back');
    expect(contentOf(after)).toBe(before);
    // …and it came from the room's file on disk, not from memory.
    const fromDisk = new Y.Doc();
    Y.applyUpdate(fromDisk, readFileSync(join(dataDir, `${room}.yjs`)));
    expect(contentOf(fromDisk)).toBe(before);
    // The edit token survived too: the editor can still write, a viewer still cannot.
    const editorAgain = new Y.Doc();
    await synced(connect(room, editorAgain, editToken));
    const second = addNode(editorAgain, { type: 'organization', label: 'After the restart' });
    await until(() => readMapFile(after).nodes.some((n) => n.id === second), 'a post-restart edit');
  });

  it('closes a connection that sends more than the size limit, and the room keeps its map', async () => {
    const { room, editToken } = newRoom('key-of-oversize');
    const editor = createMapDoc(smallMap());
    await synced(connect(room, editor, editToken));
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${room}?token=${editToken}`);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const closed = closeOf(socket);
    // A sync update (0, 2) far beyond the limit.
    const huge = new Uint8Array(MAX_EDITOR_FRAME_BYTES + 1024);
    huge.set([0, 2]);
    socket.send(huge);
    expect((await closed).code).toBe(1009);
    const late = new Y.Doc();
    await synced(connect(room, late, null));
    await until(() => readMapFile(late).nodes.length === smallMap().nodes.length, 'the room to still hold its map');
  });

  it('refuses a wrong key with 4403 "key refused" before any sync message, and creates nothing', async () => {
    const { room, editToken } = newRoom('key-of-squat');
    // A squatter who knows only the room id (from a viewer link) offers a token of its own.
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${room}?token=${writeToken('a guessed key')}`);
    const received: unknown[] = [];
    socket.on('message', (data) => received.push(data));
    expect(await closeOf(socket)).toEqual({ code: 4403, reason: 'key refused' });
    expect(received).toEqual([]);
    expect(existsSync(join(dataDir, `${room}.yjs`))).toBe(false);
    expect(existsSync(join(dataDir, `${room}.token`))).toBe(false);
    // The real key still owns the room.
    const editor = createMapDoc(smallMap());
    await synced(connect(room, editor, editToken));
    const reader = new Y.Doc();
    await synced(connect(room, reader, null));
    await until(() => readMapFile(reader).nodes.length === smallMap().nodes.length, 'the real editor to write the room');
  });

  it('a viewer of a room that does not exist yet creates nothing on disk', async () => {
    const { room } = newRoom('key-of-nobody-yet');
    const viewer = connect(room, new Y.Doc(), null);
    await synced(viewer);
    viewer.destroy();
    await until(() => server.server.listenerCount('upgrade') > 0, 'server still up');
    expect(existsSync(join(dataDir, `${room}.yjs`))).toBe(false);
  });

  it('a legacy room (named before ids came from keys) still takes the token its first editor left', async () => {
    const room = 'legacy-room-from-before';
    const token = writeToken('legacy secret');
    writeFileSync(join(dataDir, `${room}.token`), createHash('sha256').update(token).digest('hex'));
    const editor = createMapDoc(smallMap());
    await synced(connect(room, editor, token));
    const reader = new Y.Doc();
    await synced(connect(room, reader, null));
    await until(() => readMapFile(reader).nodes.length === smallMap().nodes.length, "the legacy editor's map to arrive");
    const other = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${room}?token=${writeToken('another')}`);
    expect((await closeOf(other)).code).toBe(4403);
  });
});
