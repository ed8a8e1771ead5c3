// Issue 12, item 3: only editors steer. An editor's screen (one Chromium) sits in a relay room; from
// a second Chromium that opened the viewer link, hostile awareness states arrive through the real
// relay: presenting, "follow me" and a room move, with no proof, with proofs forged under a wrong key,
// and with proofs of the right key made for someone else's client id. The editor's screen neither
// presents, follows nor leaves the relay; a state proven with the room key (the control) does steer it.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { parseRoomHash, relayUrl, writeToken } from '../../src/collab/room-link.ts';
import { proofsFor, proveSteering, steeringSecret } from '../../src/collab/steering.ts';
import { launchBrowser } from '../support/browser.ts';
import { openStudio, waitForCanvas } from '../support/studio-page.ts';

const MESSAGE_AWARENESS = 1;

/** An awareness message (y-protocols framing) announcing `state` for `clientId`, at a clock above any earlier one. */
function awarenessMessage(clientId: number, state: Record<string, unknown>, clock: number): number[] {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new Awareness(doc);
  for (let i = 0; i < clock; i++) awareness.setLocalState(state);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [clientId]));
  awareness.destroy();
  return [...encoding.toUint8Array(encoder)];
}

/** Opens a raw relay socket from the page (as any script on a viewer's screen could) and sends messages. */
async function sendFrom(page: Page, url: string, messages: number[][]): Promise<void> {
  await page.evaluate(
    async ({ url, messages }) => {
      const ws = new WebSocket(url);
      ws.binaryType = 'arraybuffer';
      await new Promise((resolve, reject) => ((ws.onopen = resolve), (ws.onerror = reject)));
      for (const message of messages) ws.send(new Uint8Array(message));
      ((window as unknown as { hostile: WebSocket[] }).hostile ??= []).push(ws);
    },
    { url, messages },
  );
}

describe('only editors steer (two browsers, relay room)', () => {
  let editorBrowser: Browser;
  let viewerBrowser: Browser;
  let ana: Page;
  let viewer: Page;
  let key: string;
  let room: string;
  let relay: string;

  beforeAll(async () => {
    [editorBrowser, viewerBrowser] = await Promise.all([launchBrowser(), launchBrowser()]);
    ana = await openStudio(editorBrowser, inject('baseUrl'));
    await waitForCanvas(ana);
    await ana.evaluate(() => window.pathways.share());
    const url = (await ana.evaluate(() => window.pathways.setRelay(true)))!;
    ({ key, room } = parseRoomHash(new URL(url).hash)!);
    relay = `${relayUrl(new URL(inject('baseUrl')))}/${room}`;
    viewer = await openStudio(viewerBrowser, (await ana.evaluate(() => window.pathways.room()!.viewerUrl))!);
    await ana.waitForFunction(() => window.pathways.room()!.participants.length === 2, undefined, { timeout: 20_000 });
  });
  afterAll(async () => Promise.all([editorBrowser?.close(), viewerBrowser?.close()]));

  it("ignores a viewer's presenting, leading and room move without a valid proof", async () => {
    const viewId = (await ana.evaluate(() => window.pathways.getMap().views[1].id));
    const presenting = { viewId, slideIndex: 1, viewport: null };
    const steering = { presenting, leading: true, movedTo: 'mesh', viewport: { zoom: 2.5, pan: { x: 1, y: 1 } } };
    const wrong = steeringSecret('not-the-room-key-0');
    const right = steeringSecret(key);
    const now = Date.now();
    const hostile = [
      awarenessMessage(901, { user: { name: 'Mallory' }, ...steering }, 3),
      awarenessMessage(902, { user: { name: 'Mallet' }, ...steering, proofs: proofsFor(wrong, steering, 902, now) }, 3),
      // Proofs of the right key, lifted from another client id (a copy of an editor's proof).
      awarenessMessage(903, { user: { name: 'Trudy' }, ...steering, proofs: proofsFor(right, steering, 904, now) }, 3),
      // The right key's proof, but over another value than the one sent (tampered).
      awarenessMessage(905, { user: { name: 'Eve' }, ...steering, proofs: { presenting: proveSteering(right, 'presenting', { ...presenting, slideIndex: 0 }, 905, now) } }, 3),
    ];
    await sendFrom(viewer, relay, hostile);
    await ana.waitForFunction(() => ['Mallory', 'Mallet', 'Trudy', 'Eve'].every((name) => window.pathways.room()!.participants.includes(name)), undefined, { timeout: 20_000 });
    // One more round through the relay, so anything the states above set off has happened.
    // (A new connection, so a new client id: the relay lets no connection speak for another's.)
    await sendFrom(viewer, relay, [awarenessMessage(906, { user: { name: 'Mallory again' }, ...steering }, 5)]);
    await ana.waitForFunction(() => window.pathways.room()!.participants.includes('Mallory again'), undefined, { timeout: 20_000 });
    const report = (await ana.evaluate(() => window.pathways.room()))!;
    expect(report.url).toMatch(/&relay=1$/);
    expect(report.presenter).toBeNull();
    expect(report.following).toBeNull();
    expect(await ana.getByTestId('presentation').count()).toBe(0);
    expect((await ana.evaluate(() => window.pathways.roomPeers())).filter((p) => p.leading)).toEqual([]);
    expect((await ana.evaluate(() => window.pathways.viewport()))!.zoom).not.toBeCloseTo(2.5, 3);
  });

  it('a state proven with the room key does steer (the control)', async () => {
    const viewId = (await ana.evaluate(() => window.pathways.getMap().views[1].id));
    const steering = { presenting: { viewId, slideIndex: 1, viewport: null } };
    const state = { user: { name: 'Facilitator two' }, ...steering, proofs: proofsFor(steeringSecret(key), steering, 907, Date.now()) };
    // An editor's connection (with the write token), so no relay rule stands between it and Ana.
    await sendFrom(viewer, `${relay}?token=${writeToken(key)}`, [awarenessMessage(907, state, 2)]);
    await ana.getByTestId('presentation').waitFor({ timeout: 20_000 });
    expect((await ana.evaluate(() => window.pathways.room()))!.presenter).toBe('Facilitator two');
  });
});

describe('a page with the room id but a wrong key (peer-to-peer room)', () => {
  let browsers: Browser[] = [];
  afterAll(async () => Promise.all(browsers.map((browser) => browser.close())));

  it('neither joins nor steers the editors, and breaks nothing on their screens', async () => {
    browsers = await Promise.all([launchBrowser(), launchBrowser()]);
    const ana = await openStudio(browsers[0], inject('baseUrl'));
    await waitForCanvas(ana);
    const url = (await ana.evaluate(() => window.pathways.share()))!;
    const { room } = parseRoomHash(new URL(url).hash)!;
    // Mallory knows the room id and presents, leads and signs with the key she has.
    const mallory = await openStudio(browsers[1], `${inject('baseUrl')}/#room=${room}&key=not-the-room-key-0`);
    await mallory.waitForFunction(() => window.pathways.room()?.signaling === true, undefined, { timeout: 20_000 });
    await mallory.evaluate(() => window.pathways.lead(true));
    await mallory.getByRole('button', { name: 'Present' }).click();
    await mallory.waitForFunction(() => window.pathways.presenting() !== null);
    // Ben holds the key and joins after her (another profile in her browser): once Ana lists Ben, the
    // signaling has carried Mallory's announcements too.
    const ben = await openStudio(browsers[1], url);
    await ana.waitForFunction(() => window.pathways.room()!.participants.length === 2 && window.pathways.room()!.peers === 1, undefined, { timeout: 30_000 });
    await ben.waitForFunction(() => window.pathways.room()!.peers === 1, undefined, { timeout: 30_000 });
    const report = (await ana.evaluate(() => window.pathways.room()))!;
    expect(report).toMatchObject({ presenter: null, following: null });
    expect(await ana.getByTestId('presentation').count()).toBe(0);
    expect((await mallory.evaluate(() => window.pathways.room()))!.peers).toBe(0);
  });
});
