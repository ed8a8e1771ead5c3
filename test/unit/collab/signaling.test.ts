// The project's own y-webrtc signaling on `/signal`: topics, publish, and what it refuses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../../src/server/app-server.ts';
import { MAX_SIGNALING_MESSAGE_BYTES } from '../../../src/server/signaling.ts';

let server: RunningServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pathways-signal-'));
  server = await startServer({ port: 0, distDir: dataDir, dataDir });
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function open(): Promise<{ socket: WebSocket; received: { type?: unknown }[] }> {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/signal`);
  const received: { type?: unknown }[] = [];
  socket.on('message', (data) => received.push(JSON.parse(String(data))));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return { socket, received };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(condition()).toBe(true);
}

describe('signaling', () => {
  it('relays a publish to the subscribers of its topic only, counting them', async () => {
    const [a, b, c] = await Promise.all([open(), open(), open()]);
    a.socket.send(JSON.stringify({ type: 'subscribe', topics: ['room-1'] }));
    b.socket.send(JSON.stringify({ type: 'subscribe', topics: ['room-1'] }));
    c.socket.send(JSON.stringify({ type: 'subscribe', topics: ['room-2'] }));
    // Each socket's pong comes after its subscribe (one connection is served in order): all are subscribed.
    for (const peer of [a, b, c]) peer.socket.send(JSON.stringify({ type: 'ping' }));
    await until(() => [a, b, c].every((peer) => peer.received.some((m) => m.type === 'pong')));
    const published = (peer: { received: { type?: unknown }[] }) => peer.received.filter((m) => m.type !== 'pong');
    a.socket.send(JSON.stringify({ type: 'publish', topic: 'room-1', data: 'offer' }));
    await until(() => published(b).length === 1);
    expect(published(b)[0]).toEqual({ type: 'publish', topic: 'room-1', data: 'offer', clients: 2 });
    expect(published(c)).toEqual([]);
    for (const peer of [a, b, c]) peer.socket.close();
  });

  it('closes a connection that sends an oversized frame, and keeps serving the others', async () => {
    const [big, other] = await Promise.all([open(), open()]);
    const closed = new Promise<number>((resolve) => big.socket.once('close', (code) => resolve(code)));
    big.socket.send('x'.repeat(MAX_SIGNALING_MESSAGE_BYTES + 1));
    expect(await closed).toBe(1009);
    other.socket.send(JSON.stringify({ type: 'ping' }));
    await until(() => other.received.length === 1);
    expect(other.received[0]).toEqual({ type: 'pong' });
    other.socket.close();
  });
});
