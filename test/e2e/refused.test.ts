// Issue 12, item 4 (client side): no silent loss. A relay that refuses this link's key closes the
// `/sync` socket with 4403 "key refused" (the server's contract; here a small real server that refuses
// every key). The studio stops reconnecting, says so on screen, counts the edits kept on this device,
// and keeps them across a reload. And a peer-to-peer link from before room ids were derived from keys
// still works.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { WebSocketServer } from 'ws';
import { serveStatic } from '../../src/server/static.ts';
import { launchBrowser } from '../support/browser.ts';
import { getMap, openStudio, waitForCanvas } from '../support/studio-page.ts';

/** Serves the studio; refuses every `/sync` socket as a relay refuses a key that does not own the room. */
async function refusingServer(distDir: string): Promise<{ url: string; attempts: () => number; close: () => Promise<void> }> {
  let attempts = 0;
  const sockets = new WebSocketServer({ noServer: true });
  const server: Server = createServer((req, res) => serveStatic(distDir, req, res));
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/sync/')) return void socket.destroy();
    attempts++;
    sockets.handleUpgrade(req, socket, head, (ws) => ws.close(4403, 'key refused'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    attempts: () => attempts,
    close: () => new Promise((resolve) => (sockets.close(), server.closeAllConnections(), server.close(() => resolve()))),
  };
}

describe('a refused key loses nothing', () => {
  let browser: Browser;
  let page: Page;
  let relay: Awaited<ReturnType<typeof refusingServer>>;

  beforeAll(async () => {
    relay = await refusingServer(inject('distDir'));
    browser = await launchBrowser();
    page = await openStudio(browser, relay.url);
    await waitForCanvas(page);
  });
  afterAll(async () => {
    await browser?.close();
    await relay?.close();
  });

  it('says on screen that the key was refused, stops reconnecting, and counts the edits kept here', async () => {
    await page.evaluate(() => window.pathways.share());
    await page.evaluate(() => window.pathways.setRelay(true));
    await page.getByTestId('room-refused').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('room-refused').textContent()).toContain("The server refused this link's key");
    const before = (await page.evaluate(() => window.pathways.room()))!;
    expect(before).toMatchObject({ refused: true, signaling: false });
    const ids = await page.evaluate(() => [
      window.pathways.addNode({ type: 'organization', label: 'Kept here one' }),
      window.pathways.addNode({ type: 'organization', label: 'Kept here two' }),
    ]);
    await page.waitForFunction((count) => window.pathways.room()!.keptEdits === count, before.keptEdits + 2, { timeout: 5_000 });
    expect((await page.getByTestId('room-refused').textContent())!.replace(/\s+/g, ' ')).toContain(`${before.keptEdits + 2} edits made since joining are kept on this device only`);
    expect(await page.getByTestId('room-refused-chip').textContent()).toContain('key refused');
    expect((await page.evaluate(() => window.pathways.room()))!.kept).toEqual(['Kept here one', 'Kept here two']);
    expect(await page.getByTestId('room-kept').textContent()).toContain('Changed here: Kept here one, Kept here two.');
    // y-websocket would have retried after 200 ms; a refused key is final.
    expect(relay.attempts()).toBe(1);
    await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/refused.png` });

    // The edits are in this browser's copy of the map, and survive a reload (which is refused again).
    await page.reload();
    await page.waitForFunction(() => window.pathways !== undefined);
    await page.evaluate(() => window.pathways.ready);
    await page.waitForFunction((ids) => ids.every((id) => window.pathways.getMap().nodes.some((n) => n.id === id)), ids, { timeout: 20_000 });
    await page.getByTestId('room-refused').waitFor({ timeout: 20_000 });
    expect((await getMap(page)).nodes.filter((n) => n.label.startsWith('Kept here'))).toHaveLength(2);
    expect(relay.attempts()).toBe(2);
  });
});

describe('a peer-to-peer link whose room id is not derived from its key', () => {
  let browsers: Browser[] = [];
  afterAll(async () => Promise.all(browsers.map((browser) => browser.close())));

  it('still joins and carries edits (old links keep working)', async () => {
    browsers = await Promise.all([launchBrowser(), launchBrowser()]);
    const url = `${inject('baseUrl')}/#room=legacy-room-0001&key=legacy-key-000000001`;
    const [first, second] = await Promise.all(browsers.map((browser) => openStudio(browser, url)));
    await first.waitForFunction(() => window.pathways.room()!.peers === 1, undefined, { timeout: 30_000 });
    const id = await first.evaluate(() => window.pathways.addNode({ type: 'organization', label: 'From an old link' }));
    await second.waitForFunction((nodeId) => window.pathways.getMap().nodes.some((n) => n.id === nodeId), id, { timeout: 20_000 });
    expect((await second.evaluate(() => window.pathways.room()))!.refused).toBe(false);
  });
});
