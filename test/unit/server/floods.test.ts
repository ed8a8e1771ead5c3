// Resource floods against the server in its own process: each stays within a stated memory bound, the
// server never exits, and afterwards two honest editors still converge through it.
import { readdirSync } from 'node:fs';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { roomIdForKey, roomIdForToken, writeToken } from '../../../src/collab/room-link.ts';
import { createMapDoc } from '../../../src/model/doc.ts';
import { readMapFile } from '../../../src/model/snapshot.ts';
import { MAX_EDITOR_FRAME_BYTES, MAX_ROOMS_CREATED_PER_ADDRESS } from '../../../src/server/limits.ts';
import { syncMessage } from '../../../src/server/relay-messages.ts';
import { smallMap } from '../../fixtures/small-map.ts';
import { dribble, frameHeader, rawUpgrade } from '../../support/raw-websocket.ts';
import { closeOf, openSocket, relayProvider, synced, until, wsUrl } from '../../support/relay-client.ts';
import { startServerProcess, type ServerProcess } from '../../support/server-process.ts';

let server: ServerProcess | null = null;
const sockets: Array<{ destroy(): void }> = [];
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.destroy());
  await server?.stop();
  server = null;
});

const port = (s: ServerProcess) => Number(new URL(s.url).port);
const freshToken = (i: number) => writeToken(`flood-${i}-${Math.random()}`);

/** Two honest editors of a new room (on another machine than the attacker) converge through the server, which is still the same process. */
async function honestEditorsConverge(s: ServerProcess): Promise<void> {
  expect(s.child.exitCode).toBe(null);
  const key = `honest-${Math.random()}`;
  const room = roomIdForKey(key);
  const a = createMapDoc(smallMap());
  const b = new Y.Doc();
  const providers = [relayProvider(s.url, room, a, writeToken(key), '127.0.0.2'), relayProvider(s.url, room, b, writeToken(key), '127.0.0.2')];
  try {
    await Promise.all(providers.map(synced));
    await until(() => readMapFile(b).nodes.length === smallMap().nodes.length, 'the honest editors to converge', 20_000);
  } finally {
    providers.forEach((p) => p.destroy());
  }
}

describe('floods (server in its own process, memory bounded)', () => {
  it('150 sockets announcing 8 MiB frames and dribbling them: peak RSS grows < 160 MiB', async () => {
    server = await startServerProcess();
    const before = server.rssMiB();
    const attempts = Array.from({ length: 150 }, async (_, i) => {
      const token = freshToken(i);
      const socket = await rawUpgrade(port(server!), `/sync/${roomIdForToken(token)}?token=${token}`);
      if (!socket) return 0;
      sockets.push(socket);
      // Read what the server says; stop when it closes this connection (a close frame, opcode 8).
      socket.on('data', (chunk: Buffer) => chunk[0] === 0x88 && socket.destroy());
      socket.write(frameHeader(MAX_EDITOR_FRAME_BYTES - 1024));
      return dribble(socket, MAX_EDITOR_FRAME_BYTES - 64 * 1024);
    });
    const sent = await Promise.all(attempts);
    expect(sent.filter((n) => n > 1024 * 1024).length).toBeGreaterThan(0); // the attack did reach the server
    const growth = server.peakRssMiB() - before;
    console.log(`dribbled frames: server peak RSS +${growth.toFixed(0)} MiB (was +1 GiB before the bounds)`);
    expect(growth).toBeLessThan(160);
    await honestEditorsConverge(server);
  }, 120_000);

  it('20 signaling sockets × 100,000 topics: peak RSS grows < 60 MiB', async () => {
    server = await startServerProcess();
    const before = server.rssMiB();
    await Promise.all(Array.from({ length: 20 }, async (_, s) => {
      const socket = await openSocket(wsUrl(server!.url, '/signal'));
      sockets.push({ destroy: () => socket.terminate() });
      for (let batch = 0; batch < 50; batch++) {
        const topics = Array.from({ length: 2000 }, (_, t) => `topic-${s}-${batch}-${t}`);
        socket.send(JSON.stringify({ type: 'subscribe', topics }));
      }
      await new Promise<void>((resolve) => socket.send(JSON.stringify({ type: 'ping' }), () => resolve()));
    }));
    const growth = server.peakRssMiB() - before;
    console.log(`topic flood: server peak RSS +${growth.toFixed(0)} MiB (was +550 MiB)`);
    expect(growth).toBeLessThan(60);
    await honestEditorsConverge(server);
  }, 120_000);

  it('subscribers that never read, on /signal and /sync: dropped, peak RSS grows < 120 MiB', async () => {
    server = await startServerProcess();
    const before = server.rssMiB();
    const key = 'non-reader-room';
    const room = roomIdForKey(key);
    const stalled = [];
    for (let i = 0; i < 20; i++) {
      const signal = await rawUpgrade(port(server), '/signal');
      const sync = await rawUpgrade(port(server), `/sync/${room}`);
      for (const socket of [signal, sync]) {
        expect(socket).not.toBe(null);
        sockets.push(socket!);
        stalled.push(socket!);
      }
      // Subscribe (a masked text frame with a zero mask), then never read again.
      const subscribe = Buffer.from(JSON.stringify({ type: 'subscribe', topics: ['busy-topic'] }));
      signal!.write(Buffer.concat([Buffer.from([0x81, 0x80 | subscribe.length, 0, 0, 0, 0]), subscribe]));
      signal!.pause();
      sync!.pause();
    }
    // A publisher floods the topic, an editor floods the room (each message reaches 20 non-readers).
    const publisher = await openSocket(wsUrl(server.url, '/signal'));
    const editor = await openSocket(wsUrl(server.url, `/sync/${room}?token=${writeToken(key)}`));
    sockets.push({ destroy: () => publisher.terminate() }, { destroy: () => editor.terminate() });
    const doc = new Y.Doc();
    const text = doc.getText('flood');
    const payload = 'x'.repeat(32 * 1024);
    for (let i = 0; i < 800; i++) {
      publisher.send(JSON.stringify({ type: 'publish', topic: 'busy-topic', data: payload }));
      const before = Y.encodeStateVector(doc);
      text.insert(0, payload.slice(0, 16 * 1024));
      editor.send(syncMessage(2, Y.encodeStateAsUpdate(doc, before)));
      if (i % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    // A paused client cannot see its own end: the server says whom it dropped.
    await until(() => server!.output().split('stopped reading').length - 1 >= stalled.length, 'the server to drop every non-reader', 60_000);
    const growth = server.peakRssMiB() - before;
    console.log(`non-reading subscribers: server peak RSS +${growth.toFixed(0)} MiB (was +500 MiB)`);
    expect(growth).toBeLessThan(120);
    await honestEditorsConverge(server);
  }, 120_000);

  it('300 sockets creating rooms: no more than the per-address bound of rooms is made', async () => {
    server = await startServerProcess();
    for (let i = 0; i < 300; i++) {
      const token = freshToken(i);
      const socket = new WebSocket(wsUrl(server.url, `/sync/${roomIdForToken(token)}?token=${token}`));
      socket.on('error', () => {});
      const closed = closeOf(socket);
      socket.once('open', () => {
        const doc = new Y.Doc();
        doc.getText('t').insert(0, 'squat');
        socket.send(syncMessage(2, Y.encodeStateAsUpdate(doc)));
        setTimeout(() => socket.close(), 50);
      });
      await closed;
    }
    await until(() => readdirSync(server!.dataDir).filter((f) => f.endsWith('.yjs')).length >= MAX_ROOMS_CREATED_PER_ADDRESS, 'rooms to be saved');
    expect(readdirSync(server.dataDir).filter((f) => f.endsWith('.yjs')).length).toBe(MAX_ROOMS_CREATED_PER_ADDRESS);
    expect(server.output()).not.toContain('Unexpected');
  }, 120_000);

  it('a 7 MB update of 1,000 clients × 1,000 delete ranges is refused: peak RSS grows < 200 MiB, the room file stays small', async () => {
    server = await startServerProcess();
    const key = 'delete-range-room';
    const room = roomIdForKey(key);
    const honest = createMapDoc(smallMap());
    const provider = relayProvider(server.url, room, honest, writeToken(key));
    sockets.push(provider);
    await synced(provider);
    const before = server.rssMiB();
    // A Yjs update (v1): no structs, a delete set of 1,000 clients × 1,000 ranges.
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 1000);
    for (let client = 0; client < 1000; client++) {
      encoding.writeVarUint(encoder, 1_000_000 + client * 7919);
      encoding.writeVarUint(encoder, 1000);
      for (let range = 0; range < 1000; range++) {
        encoding.writeVarUint(encoder, 1_000_000_000 + range * 1000);
        encoding.writeVarUint(encoder, 1000);
      }
    }
    const update = encoding.toUint8Array(encoder);
    expect(update.byteLength).toBeGreaterThan(7_000_000);
    const attacker = await openSocket(wsUrl(server.url, `/sync/${room}?token=${writeToken(key)}`));
    attacker.send(syncMessage(2, update));
    const closed = await closeOf(attacker);
    expect(closed.code).toBe(1008);
    expect(closed.reason).toMatch(/does not have/);
    const growth = server.peakRssMiB() - before;
    console.log(`7 MB delete-range update: server peak RSS +${growth.toFixed(0)} MiB (was 541 MiB)`);
    expect(growth).toBeLessThan(200);
    provider.destroy();
    await until(() => readdirSync(server!.dataDir).includes(`${room}.yjs`), 'the room to be saved');
    const { statSync } = await import('node:fs');
    expect(statSync(`${server.dataDir}/${room}.yjs`).size).toBeLessThan(256 * 1024);
    await honestEditorsConverge(server);
  }, 120_000);
});
