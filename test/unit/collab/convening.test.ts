// Convening mode end to end in Node: the project's own server, real y-websocket clients over `ws`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startServer, type RunningServer } from '../../../src/server/app-server.ts';
import { carriesDocumentUpdate, MAX_SYNC_MESSAGE_BYTES } from '../../../src/server/sync-relay.ts';
import { createMapDoc } from '../../../src/model/doc.ts';
import { addNode, updateNode } from '../../../src/model/mutations.ts';
import { readMapFile } from '../../../src/model/snapshot.ts';
import { validateMap } from '../../../src/model/validate.ts';
import { smallMap } from '../../fixtures/small-map.ts';
import { writeToken } from '../../../src/collab/room-link.ts';

const KEY = 'facilitator-secret-123';
let server: RunningServer;
let dataDir: string;
let editToken: string;
const providers: WebsocketProvider[] = [];

function connect(room: string, doc: Y.Doc, token: string | null): WebsocketProvider {
  const provider = new WebsocketProvider(`${server.url.replace('http', 'ws')}/sync`, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: token ? { token } : {},
    disableBc: true,
  });
  providers.push(provider);
  return provider;
}

const synced = (provider: WebsocketProvider) =>
  new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', (ok: boolean) => ok && resolve())));

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Field order inside an entry follows arrival order, which differs per client; content does not. */
const canonical = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(canonical) : value && typeof value === 'object'
    ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]))
    : value;
const contentOf = (doc: Y.Doc) => JSON.stringify(canonical(readMapFile(doc)));

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pathways-rooms-'));
  server = await startServer({ port: 0, distDir: dataDir, dataDir });
  editToken = writeToken(KEY);
});
afterAll(async () => {
  for (const provider of providers) provider.destroy();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('convening relay', () => {
  it('tells document updates from handshakes and presence', () => {
    expect(carriesDocumentUpdate(Uint8Array.of(0, 0, 1))).toBe(false); // sync step 1: a state vector
    expect(carriesDocumentUpdate(Uint8Array.of(0, 1, 5))).toBe(true); // sync step 2
    expect(carriesDocumentUpdate(Uint8Array.of(0, 2, 5))).toBe(true); // update
    expect(carriesDocumentUpdate(Uint8Array.of(1, 3))).toBe(false); // awareness
    expect(carriesDocumentUpdate(Uint8Array.of(0))).toBe(true); // truncated: refused for viewers
  });

  it('20 clients editing at once converge to one valid map', async () => {
    const room = 'convening-twenty';
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
    const room = 'convening-viewers';
    const editor = createMapDoc(smallMap());
    await synced(connect(room, editor, editToken));
    const viewer = new Y.Doc();
    await synced(connect(room, viewer, null));
    await until(() => readMapFile(viewer).nodes.length === smallMap().nodes.length, 'the viewer to receive the map');
    const forged = new Y.Doc();
    await synced(connect(room, forged, writeToken('a guessed key')));

    addNode(viewer, { type: 'organization', label: 'Written by a viewer' });
    addNode(forged, { type: 'organization', label: 'Written with a wrong key' });
    const fromEditor = addNode(editor, { type: 'organization', label: 'Written by the editor' });
    await until(() => readMapFile(viewer).nodes.some((n) => n.id === fromEditor), "the editor's write to reach the viewer");
    // A late joiner sees exactly what the server accepted.
    const late = new Y.Doc();
    await synced(connect(room, late, null));
    const labels = readMapFile(late).nodes.map((n) => n.label);
    expect(labels).toContain('Written by the editor');
    expect(labels).not.toContain('Written by a viewer');
    expect(labels).not.toContain('Written with a wrong key');
    expect(readMapFile(editor).nodes.map((n) => n.label)).not.toContain('Written by a viewer');
  });

  it('loses nothing across a server restart on the same data folder', async () => {
    const room = 'convening-restart';
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
    server = await startServer({ port, distDir: dataDir, dataDir });

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
    const room = 'convening-oversize';
    const editor = createMapDoc(smallMap());
    await synced(connect(room, editor, editToken));
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${room}?token=${editToken}`);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    // A sync update (0, 2) far beyond the limit.
    const huge = new Uint8Array(MAX_SYNC_MESSAGE_BYTES + 1024);
    huge.set([0, 2]);
    socket.send(huge);
    expect(await closed).toBe(1009);
    const late = new Y.Doc();
    await synced(connect(room, late, null));
    await until(() => readMapFile(late).nodes.length === smallMap().nodes.length, 'the room to still hold its map');
  });
});
