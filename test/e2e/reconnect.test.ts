// Issue 12, item 8: a dropped connection must not erase the person. Three SEPARATE Chromium processes
// in one room (mesh, then relay); Ana's connection drops and returns — by goOffline()/goOnline(), and by
// the server itself stopping and starting again on the same port — and everyone lists her again, by
// name and colour, with her pointer, selection and "follow me", without a reload.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/app-server.ts';
import { launchBrowser } from '../support/browser.ts';
import { openStudio, waitForCanvas } from '../support/studio-page.ts';

const PEOPLE = [
  { name: 'Ana Facilitator', color: '#E69F00' },
  { name: 'Ben Okafor', color: '#56B4E9' },
  { name: 'Cleo Ruiz', color: '#009E73' },
];
const ANA = PEOPLE[0];

/** A browser that has been in rooms before: its name and colour are remembered. */
const remembered = (origin: string, person: { name: string; color: string }) => ({
  storageState: {
    cookies: [],
    origins: [{ origin, localStorage: [{ name: 'pathways:name', value: person.name }, { name: 'pathways:name-confirmed', value: '1' }, { name: 'pathways:color', value: person.color }] }],
  },
});

const listsEveryone = (page: Page, count: number, timeout: number) =>
  page.waitForFunction(
    ({ people, count }) => {
      const room = window.pathways.room();
      if (!room || room.people.length !== count) return false;
      return people.slice(0, count).every((p) => room.people.some((q) => q.name === p.name && q.color === p.color));
    },
    { people: PEOPLE, count },
    { timeout },
  );

/**
 * Awareness renews every state after 15 s, which would bring a lost person back by itself: a return
 * must show well before that, or the test would pass without the fix.
 */
const RETURN_MS = 12_000;

describe('a dropped connection keeps the person (three browsers)', () => {
  let server: RunningServer;
  let dataDir: string;
  let browsers: Browser[] = [];
  let ana: Page;
  let ben: Page;
  let cleo: Page;
  let everyone: Page[];

  const expectListed = async (pages: Page[], timeout = RETURN_MS) => {
    await Promise.all(pages.map((page) => listsEveryone(page, 3, timeout)));
    for (const page of pages) await page.getByRole('button', { name: /\b3 here/ }).waitFor({ timeout: 10_000 });
    // Ana lists herself, first.
    expect((await ana.evaluate(() => window.pathways.room()!.people[0]))).toEqual({ ...ANA, self: true, viewer: false });
  };

  /** Ben and Cleo no longer list Ana (she really left, so her return is news). */
  const anaGone = () => Promise.all([ben, cleo].map((page) => page.waitForFunction((name) => !window.pathways.room()!.participants.includes(name), ANA.name, { timeout: 45_000 })));

  /** Ana's pointer over a node: the view is panned first so the node is on her screen, wherever the layout put it. */
  const pointAt = async (nodeId: string, offset = 0) => {
    const before = (await ana.evaluate((id) => window.pathways.nodeScreenPosition(id), nodeId))!;
    await ana.evaluate(({ dx, dy }) => {
      const { zoom, pan } = window.pathways.viewport()!;
      window.pathways.setViewport({ zoom, pan: { x: pan.x - dx, y: pan.y - dy } });
    }, { dx: before.x - 500, dy: before.y - 400 });
    const at = (await ana.evaluate((id) => window.pathways.nodeScreenPosition(id), nodeId))!;
    await ana.mouse.move(at.x + offset, at.y + offset, { steps: 2 });
  };

  /** Ben and Cleo see Ana's pointer, selection and "follow me" again; following her still works. */
  const anaIsWhole = async (nodeId: string, zoom: number) => {
    for (const page of [ben, cleo]) {
      await page.waitForFunction(
        ({ name, nodeId }) => window.pathways.roomPeers().some((p) => p.name === name && p.leading && p.cursor !== null && p.selection.includes(nodeId)),
        { name: ANA.name, nodeId },
        { timeout: 20_000 },
      );
    }
    await ana.evaluate((zoom) => window.pathways.setViewport({ zoom, pan: { x: 40, y: -20 } }), zoom);
    for (const page of [ben, cleo]) await page.waitForFunction((zoom) => Math.abs(window.pathways.viewport()!.zoom - zoom) < 1e-6, zoom, { timeout: 20_000 });
    expect(await ben.evaluate(() => window.pathways.room()!.following)).toBe(ANA.name);
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(process.cwd(), '.tmp', 'reconnect-rooms-'));
    server = await startServer({ host: '127.0.0.1', port: 0, distDir: inject('distDir'), dataDir });
    browsers = await Promise.all(PEOPLE.map(() => launchBrowser()));
    ana = await openStudio(browsers[0], server.url, undefined, remembered(server.url, PEOPLE[0]));
    await waitForCanvas(ana);
  });
  afterAll(async () => {
    await Promise.all(browsers.map((browser) => browser.close()));
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('peer-to-peer: Ana goes offline and online; Ben and Cleo list her again, she lists herself, and Ben can follow her', async () => {
    const url = (await ana.evaluate(() => window.pathways.share()))!;
    ben = await openStudio(browsers[1], url, undefined, remembered(server.url, PEOPLE[1]));
    cleo = await openStudio(browsers[2], url, undefined, remembered(server.url, PEOPLE[2]));
    everyone = [ana, ben, cleo];
    await expectListed(everyone, 45_000);
    // Ana points at a node, selects it and asks everyone to follow her.
    const node = (await ana.evaluate(() => window.pathways.getMap().nodes[0].id));
    await pointAt(node);
    await ana.evaluate((id) => window.pathways.select([id]), node);
    await ana.evaluate(() => window.pathways.lead(true));
    await anaIsWhole(node, 0.8);

    await ana.evaluate(() => window.pathways.goOffline());
    await anaGone();
    await ben.getByRole('button', { name: /\b2 here/ }).waitFor({ timeout: 10_000 });
    await ana.evaluate(() => window.pathways.goOnline());
    await expectListed(everyone);
    await anaIsWhole(node, 1.2);
    // Ben picks Ana himself once she stops leading.
    await ana.evaluate(() => window.pathways.lead(false));
    await ben.evaluate((name) => window.pathways.follow(name), ANA.name);
    await ana.evaluate(() => window.pathways.setViewport({ zoom: 0.65, pan: { x: 0, y: 0 } }));
    await ben.waitForFunction(() => Math.abs(window.pathways.viewport()!.zoom - 0.65) < 1e-6, undefined, { timeout: 20_000 });
    await ben.evaluate(() => window.pathways.follow(null));
    await ana.evaluate(() => window.pathways.lead(true));
  }, 240_000);

  it('relay: after goOffline/goOnline, and after the server stops and starts again, everyone lists everyone', async () => {
    await ana.evaluate(() => window.pathways.setRelay(true));
    await Promise.all(everyone.map((page) => page.waitForFunction(() => window.pathways.room()?.url.endsWith('&relay=1') && window.pathways.room()!.signaling, undefined, { timeout: 30_000 })));
    await expectListed(everyone, 30_000);
    const node = (await ana.evaluate(() => window.pathways.selection()[0]));
    // Her "follow me" moved with the room; her pointer is new on this connection.
    await pointAt(node, 5);
    await anaIsWhole(node, 0.7);

    await ana.evaluate(() => window.pathways.goOffline());
    await anaGone();
    await ana.evaluate(() => window.pathways.goOnline());
    await expectListed(everyone);
    await anaIsWhole(node, 0.9);

    // A real drop: the server goes away (every socket closes) and comes back on the same port.
    const port = server.port;
    await server.close();
    await Promise.all([ben, cleo].map((page) => page.waitForFunction(() => window.pathways.room()!.people.length === 1 && !window.pathways.room()!.signaling, undefined, { timeout: 20_000 })));
    server = await startServer({ host: '127.0.0.1', port, distDir: inject('distDir'), dataDir });
    await expectListed(everyone);
    await anaIsWhole(node, 1.1);
  }, 240_000);
});
