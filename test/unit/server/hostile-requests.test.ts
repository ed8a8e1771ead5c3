// Malformed addresses, methods and upgrades, and a room file that does not decode: each is answered, and
// the server goes on serving an honest editor.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { roomIdForKey, writeToken } from '../../../src/collab/room-link.ts';
import { createMapDoc } from '../../../src/model/doc.ts';
import { readMapFile } from '../../../src/model/snapshot.ts';
import { startServer, type RunningServer } from '../../../src/server/app-server.ts';
import { smallMap } from '../../fixtures/small-map.ts';
import { closeOf, openSocket, relayProvider, synced, until, wsUrl } from '../../support/relay-client.ts';

let server: RunningServer;
let root: string;
let dataDir: string;
let distDir: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'pathways-hostile-'));
  dataDir = join(root, 'rooms');
  distDir = join(root, 'dist');
  mkdirSync(join(distDir, 'assets'), { recursive: true });
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(distDir, 'assets', 'app-1234.js'), 'export {};');
  server = await startServer({ port: 0, distDir, dataDir });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

/** A raw request (fetch would normalise the path before sending it). */
function raw(method: string, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function stillServes(): Promise<void> {
  const res = await raw('GET', '/');
  expect(res.status).toBe(200);
  expect(res.body).toContain('<title>app</title>');
}

describe('hostile requests', () => {
  it.each(['/%', '/%zz', '/a%2', '/assets/%E0%A4%A', '/%00'])('answers GET %s with 400 and keeps serving', async (path) => {
    expect((await raw('GET', path)).status).toBe(400);
    await stillServes();
  });

  it('answers other methods with 405 and Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await raw(method, '/');
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
    }
  });

  it('answers a missing asset or file with 404, never the app cached for a year', async () => {
    for (const path of ['/assets/missing-abcd.js', '/favicon-nope.svg', '/schema/none.json']) {
      const res = await raw('GET', path);
      expect(res.status).toBe(404);
      expect(res.headers['cache-control']).not.toContain('immutable');
      expect(res.body).not.toContain('<title>app</title>');
    }
    expect((await raw('GET', '/assets/app-1234.js')).headers['cache-control']).toContain('immutable');
    // An app route without an extension is still the single-page app.
    expect((await raw('GET', '/some/route')).body).toContain('<title>app</title>');
  });

  it('sends a CSP without inline scripts or eval, no referrer, no sniffing, and no framing except embeds', async () => {
    const page = await raw('GET', '/');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const embed = await raw('GET', '/?embed=1');
    expect(embed.headers['x-frame-options']).toBeUndefined();
    expect(String(embed.headers['content-security-policy'])).toContain('frame-ancestors *');
  });

  it.each(['/sync/%', '/sync/%zz?token=ab', '/sync/a%2', '/sync/..%2F..%2Fetc', '/sync/x'])('closes a websocket to %s with 1008', async (path) => {
    const socket = await openSocket(wsUrl(server.url, path));
    expect((await closeOf(socket)).code).toBe(1008);
    await stillServes();
  });

  it('refuses an upgrade to an unknown path without crashing', async () => {
    await expect(openSocket(wsUrl(server.url, '/nothing-here'))).rejects.toThrow(/404/);
    await stillServes();
  });

  it('moves a room file that does not decode aside, closes its clients with an error, and keeps serving', async () => {
    const key = 'key-of-a-corrupt-room';
    const room = roomIdForKey(key);
    const garbage = randomBytes(4096);
    garbage[0] = 0xff; // a client count no room file has: it cannot decode
    writeFileSync(join(dataDir, `${room}.yjs`), garbage);
    const socket = await openSocket(wsUrl(server.url, `/sync/${room}?token=${writeToken(key)}`));
    const closed = await closeOf(socket);
    expect(closed.code).toBe(1011);
    expect(closed.reason).toMatch(/unreadable/);
    expect(readFileSync(join(dataDir, `${room}.yjs.corrupt`))).toEqual(garbage);
    expect(existsSync(join(dataDir, `${room}.yjs`))).toBe(false);
    await stillServes();
    // The room starts afresh for its honest editor, and a second editor converges with it.
    const first = createMapDoc(smallMap());
    const second = new Y.Doc();
    const providers = [relayProvider(server.url, room, first, writeToken(key)), relayProvider(server.url, room, second, writeToken(key))];
    try {
      await Promise.all(providers.map(synced));
      await until(() => readMapFile(second).nodes.length === smallMap().nodes.length, 'the second editor to receive the map');
    } finally {
      providers.forEach((p) => p.destroy());
    }
    await until(() => existsSync(join(dataDir, `${room}.yjs`)), 'the fresh room to be saved');
  });
});
