// Each named bound of limits.ts, hit on purpose: refused with a clear reason, and nothing else breaks.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { roomIdForKey, writeToken } from '../../../src/collab/room-link.ts';
import { startServer, type RunningServer } from '../../../src/server/app-server.ts';
import { MAX_TOPIC_LENGTH, MAX_TOPICS_PER_CONNECTION, MAX_VIEWER_FRAME_BYTES, type ServerLimits } from '../../../src/server/limits.ts';
import { syncMessage } from '../../../src/server/relay-messages.ts';
import { closeOf, openSocket, relayProvider, synced, until, wsUrl } from '../../support/relay-client.ts';

let server: RunningServer | null = null;
let dataDir = '';
const open: WebSocket[] = [];
afterEach(async () => {
  open.splice(0).forEach((s) => s.terminate());
  await server?.close();
  server = null;
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(limits: Partial<ServerLimits> = {}): Promise<RunningServer> {
  dataDir = mkdtempSync(join(tmpdir(), 'pathways-limits-'));
  server = await startServer({ port: 0, distDir: dataDir, dataDir, limits });
  return server;
}

async function socket(path: string, localAddress?: string): Promise<WebSocket> {
  const url = wsUrl(server!.url, path);
  const s = localAddress ? new WebSocket(url, { localAddress }) : new WebSocket(url);
  s.on('error', () => {});
  open.push(s);
  await new Promise((resolve, reject) => s.once('open', resolve).once('unexpected-response', (_q, res) => reject(new Error(String(res.statusCode)))));
  return s;
}

function textUpdate(doc: Y.Doc, bytes: number): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(0, 'x'.repeat(bytes));
  return Y.encodeStateAsUpdate(doc, before);
}

describe('server limits', () => {
  it('refuses an update that would take a room past its quota, telling the sender; the room keeps what it had', async () => {
    await start({ maxRoomBytes: 64 * 1024 });
    const key = 'quota-room';
    const room = roomIdForKey(key);
    const editor = await socket(`/sync/${room}?token=${writeToken(key)}`);
    const doc = new Y.Doc();
    editor.send(syncMessage(2, textUpdate(doc, 40 * 1024)));
    editor.send(syncMessage(2, textUpdate(doc, 40 * 1024)));
    const closed = await closeOf(editor);
    expect(closed.code).toBe(1008);
    expect(closed.reason).toMatch(/room full/);
    const reader = new Y.Doc();
    const provider = relayProvider(server!.url, room, reader, null);
    await synced(provider);
    await until(() => reader.getText('t').length === 40 * 1024, 'the first update to be there');
    provider.destroy();
    await until(() => existsSync(join(dataDir, `${room}.yjs`)), 'the room to be saved');
    expect(readFileSync(join(dataDir, `${room}.yjs`)).byteLength).toBeLessThan(64 * 1024);
  });

  it('bounds connections per address and in total; another address still gets in', async () => {
    await start({ maxConnectionsPerAddress: 3, maxConnectionsTotal: 5 });
    for (let i = 0; i < 3; i++) await socket('/signal');
    await expect(socket('/signal')).rejects.toThrow('503');
    await socket('/signal', '127.0.0.2');
    await socket('/signal', '127.0.0.2');
    await expect(socket('/signal', '127.0.0.3')).rejects.toThrow('503');
  });

  it('bounds editor connections per address, and rooms created per address and in total', async () => {
    await start({ maxEditorConnectionsPerAddress: 2, maxRoomsCreatedPerAddress: 3, maxRoomsTotal: 4 });
    const key = 'editor-cap';
    const path = `/sync/${roomIdForKey(key)}?token=${writeToken(key)}`;
    await socket(path);
    await socket(path);
    const third = await socket(path);
    expect((await closeOf(third)).reason).toMatch(/too many editor connections/);
    open.splice(0).forEach((s) => s.terminate());
    // Two rooms more from this address (three with the first), then refused; another address may make one more.
    for (const k of ['room-b', 'room-c']) (await socket(`/sync/${roomIdForKey(k)}?token=${writeToken(k)}`)).terminate();
    const fourth = await socket(`/sync/${roomIdForKey('room-d')}?token=${writeToken('room-d')}`);
    expect((await closeOf(fourth)).reason).toMatch(/your address has created too many rooms/);
    (await socket(`/sync/${roomIdForKey('room-e')}?token=${writeToken('room-e')}`, '127.0.0.2')).terminate();
    const fifth = await socket(`/sync/${roomIdForKey('room-f')}?token=${writeToken('room-f')}`, '127.0.0.2');
    expect((await closeOf(fifth)).reason).toMatch(/server holds too many rooms/);
  });

  it('closes a viewer whose frame passes the viewer bound (1009)', async () => {
    await start();
    const viewer = await socket(`/sync/${roomIdForKey('frames')}`);
    viewer.send(new Uint8Array(MAX_VIEWER_FRAME_BYTES + 1));
    expect((await closeOf(viewer)).code).toBe(1009);
  });

  it('bounds topics per signaling connection and topic names', async () => {
    await start();
    const subscriber = await socket('/signal');
    const received: string[] = [];
    subscriber.on('message', (data) => received.push(JSON.parse(String(data)).topic));
    const topics = Array.from({ length: MAX_TOPICS_PER_CONNECTION + 8 }, (_, i) => `topic-${i}`);
    subscriber.send(JSON.stringify({ type: 'subscribe', topics: [...topics, 'x'.repeat(MAX_TOPIC_LENGTH + 1)] }));
    const publisher = await socket('/signal');
    for (const topic of [topics.at(-1), 'x'.repeat(MAX_TOPIC_LENGTH + 1), topics[0]]) publisher.send(JSON.stringify({ type: 'publish', topic, data: 1 }));
    await until(() => received.includes('topic-0'), 'the publish to the first topic');
    expect(received).toEqual(['topic-0']);
  });
});
