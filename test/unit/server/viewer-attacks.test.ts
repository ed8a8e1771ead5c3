// A viewer link in hostile hands: writes in canonical and non-canonical encodings, presence that tries to
// steer editors' screens or speak for an editor. The map at an honest editor and on disk stays the editors'.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { roomIdForKey, writeToken } from '../../../src/collab/room-link.ts';
import { createMapDoc } from '../../../src/model/doc.ts';
import { addNode } from '../../../src/model/mutations.ts';
import { readMapFile } from '../../../src/model/snapshot.ts';
import { startServer, type RunningServer } from '../../../src/server/app-server.ts';
import { encodePresence, syncMessage, awarenessMessage } from '../../../src/server/relay-messages.ts';
import { smallMap } from '../../fixtures/small-map.ts';
import { closeOf, openSocket, relayProvider, synced, until, wsUrl } from '../../support/relay-client.ts';

const KEY = 'viewer-attack-key';
const room = roomIdForKey(KEY);
let server: RunningServer;
let dataDir: string;
let editor: Y.Doc;
let witness: Y.Doc;
const cleanup: Array<() => void> = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pathways-viewer-attacks-'));
  server = await startServer({ port: 0, distDir: dataDir, dataDir });
  editor = createMapDoc(smallMap());
  witness = new Y.Doc();
  for (const doc of [editor, witness]) {
    const provider = relayProvider(server.url, room, doc, writeToken(KEY));
    cleanup.push(() => provider.destroy());
    await synced(provider);
  }
  await until(() => readMapFile(witness).nodes.length === smallMap().nodes.length, 'the witness to hold the map');
});
afterAll(async () => {
  cleanup.forEach((done) => done());
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** An update that adds a node, made against the room's current state (as a real client would). */
function forgedUpdate(label: string): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(editor));
  const before = Y.encodeStateVector(copy);
  addNode(copy, { type: 'organization', label });
  return Y.encodeStateAsUpdate(copy, before);
}

/** Sends sync step 1 and resolves with the room as the server holds it (its step 2 reply, in order after what was sent). */
function serverState(socket: WebSocket): Promise<Y.Doc> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== 1) return;
      socket.off('message', onMessage);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
      resolve(doc);
    };
    socket.on('message', onMessage);
    socket.send(syncMessage(0, Y.encodeStateVector(new Y.Doc())));
  });
}

const labels = (doc: Y.Doc) => readMapFile(doc).nodes.map((n) => n.label);

describe('a hostile viewer', () => {
  it('writes in canonical encoding: dropped, never applied, relayed or saved', async () => {
    const socket = await openSocket(wsUrl(server.url, `/sync/${room}`));
    socket.send(syncMessage(2, forgedUpdate('Viewer update')));
    socket.send(syncMessage(1, forgedUpdate('Viewer step 2')));
    const held = await serverState(socket);
    expect(labels(held)).not.toContain('Viewer update');
    expect(labels(held)).not.toContain('Viewer step 2');
    socket.close();
    // An honest edit after it reaches the witness; the viewer's never does.
    const id = addNode(editor, { type: 'organization', label: 'Honest after the viewer' });
    await until(() => readMapFile(witness).nodes.some((n) => n.id === id), 'the honest edit');
    expect(labels(witness).filter((l) => l.startsWith('Viewer'))).toEqual([]);
  });

  it.each([
    ['type as a two-byte varint', [0x80, 0x00, 0x02]],
    ['type as a three-byte varint', [0x80, 0x80, 0x00, 0x02]],
    ['sync sub-type as a two-byte varint', [0x00, 0x82, 0x00]],
    ['step 2 sub-type padded', [0x80, 0x00, 0x81, 0x00]],
  ])('writes with the %s: the socket is closed (1008) and nothing changes', async (_name, prefix) => {
    const update = forgedUpdate(`Non-canonical ${prefix.join(',')}`);
    const body = syncMessage(2, update).slice(2); // the length-prefixed update
    const socket = await openSocket(wsUrl(server.url, `/sync/${room}`));
    socket.send(Uint8Array.from([...prefix, ...body]));
    expect((await closeOf(socket)).code).toBe(1008);
    // The editor token is no cover either: a non-canonical message from an editor is refused the same way.
    const asEditor = await openSocket(wsUrl(server.url, `/sync/${room}?token=${writeToken(KEY)}`));
    asEditor.send(Uint8Array.from([...prefix, ...body]));
    expect((await closeOf(asEditor)).code).toBe(1008);
    const probe = await openSocket(wsUrl(server.url, `/sync/${room}`));
    expect(labels(await serverState(probe)).filter((l) => l.startsWith('Non-canonical'))).toEqual([]);
    probe.close();
  });

  it('closes on trailing bytes, unknown types and truncated frames', async () => {
    for (const message of [[0, 0, 1, 0, 99], [7, 1], [0, 2, 50, 1, 2], [0], [1, 5, 1]]) {
      const socket = await openSocket(wsUrl(server.url, `/sync/${room}`));
      socket.send(Uint8Array.from(message));
      expect((await closeOf(socket)).code).toBe(1008);
    }
  });

  it("cannot steer editors: presenting, leading and movedTo are stripped; name and cursor pass", async () => {
    const socket = await openSocket(wsUrl(server.url, `/sync/${room}`));
    const viewerId = 987654;
    const steering = { user: { name: 'Visitor' }, presenting: { viewId: null, slideIndex: 0 }, leading: true, movedTo: 'mesh' };
    socket.send(awarenessMessage(encodePresence([{ clientId: viewerId, clock: 1, state: steering }])));
    const editorAwareness = witnessPresence();
    await until(() => editorAwareness.getStates().has(viewerId), "the viewer's presence to reach the editor");
    expect(editorAwareness.getStates().get(viewerId)).toEqual({ user: { name: 'Visitor' } });
    // Nor speak for an editor: an entry with the editor's client id and a higher clock is dropped.
    const editorId = editor.clientID;
    socket.send(awarenessMessage(encodePresence([{ clientId: editorId, clock: 1_000_000, state: { leading: true, user: { name: 'Impostor' } } }])));
    // …and entries that are not JSON objects are dropped.
    socket.send(awarenessMessage(encodePresence([{ clientId: viewerId, clock: 2, state: { user: { name: 'Visitor 2' } } }])));
    await until(() => (editorAwareness.getStates().get(viewerId) as { user?: { name?: string } })?.user?.name === 'Visitor 2', 'the second presence');
    expect((editorAwareness.getStates().get(editorId) as { user?: { name?: string } } | undefined)?.user?.name).not.toBe('Impostor');
    socket.close();
  });
});

/** The witness's awareness (an honest editor's view of everyone's presence). */
let witnessAwareness: import('y-protocols/awareness').Awareness | null = null;
function witnessPresence() {
  if (!witnessAwareness) {
    const provider = relayProvider(server.url, room, new Y.Doc(), writeToken(KEY));
    cleanup.push(() => provider.destroy());
    witnessAwareness = provider.awareness;
  }
  return witnessAwareness;
}

describe('the room after the attacks', () => {
  it('is on disk exactly as the honest editor holds it', async () => {
    await server.close();
    const stored = new Y.Doc();
    Y.applyUpdate(stored, readFileSync(join(dataDir, `${room}.yjs`)));
    expect(labels(stored).sort()).toEqual(labels(editor).sort());
    expect(labels(stored).filter((l) => l.startsWith('Viewer') || l.startsWith('Non-canonical'))).toEqual([]);
    server = await startServer({ port: 0, distDir: dataDir, dataDir });
  });
});
