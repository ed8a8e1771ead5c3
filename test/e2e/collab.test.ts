// Live co-editing between two SEPARATE Chromium processes over real WebRTC, through the project's own
// signaling server on loopback (two tabs of one browser would sync over BroadcastChannel instead).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { getMap, openStudio, waitForCanvas } from '../support/studio-page.ts';

/** A point in page pixels as model coordinates on this page's canvas (where a pointer there is in the map). */
const modelPoint = (page: Page, at: { x: number; y: number }) =>
  page.evaluate((point) => {
    const box = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect();
    const { zoom, pan } = window.pathways.viewport()!;
    return { x: (point.x - box.left - pan.x) / zoom, y: (point.y - box.top - pan.y) / zoom };
  }, at);

describe('live co-editing in two browsers', () => {
  let first: Browser;
  let second: Browser;
  let ana: Page;
  let ben: Page;

  beforeAll(async () => {
    [first, second] = await Promise.all([launchBrowser(), launchBrowser()]);
    ana = await openStudio(first, inject('baseUrl'));
    await waitForCanvas(ana);
  });
  afterAll(async () => Promise.all([first?.close(), second?.close()]));

  it('shares a link; the second browser receives the whole map from the first', async () => {
    await ana.getByRole('button', { name: 'Share' }).click();
    const url = await ana.getByTestId('room-link').inputValue();
    expect(url).toMatch(/#room=[\w-]+&key=[\w-]+$/);
    // The QR code for the projector (its encoder is loaded when the dialog opens).
    const qr = ana.getByRole('img', { name: 'QR code of the edit link' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await ana.keyboard.press('Escape');
    ben = await openStudio(second, url);
    await ben.waitForFunction(() => window.pathways.getMap().nodes.length > 100, undefined, { timeout: 30_000 });
    const [a, b] = await Promise.all([getMap(ana), getMap(ben)]);
    expect(b.meta.title).toBe(a.meta.title);
    expect(b.nodes.map((n) => n.id).sort()).toEqual(a.nodes.map((n) => n.id).sort());
    // The map arrived after an empty start: it is framed as a first paint is, every node on screen.
    await ben.waitForFunction(() => {
      const width = document.querySelector('.stage')?.getBoundingClientRect().width ?? innerWidth;
      return window.pathways.getMap().nodes.every((n) => {
        const at = window.pathways.nodeScreenPosition(n.id);
        return at !== null && at.x >= 0 && at.x <= width && at.y >= 0 && at.y <= innerHeight;
      });
    }, undefined, { timeout: 5_000 });
  });

  it('asks the joiner for a name once, and everyone sees it', async () => {
    // Ana shared: her Share dialog asked. Ben joined: a card asks him, without blocking the map.
    expect(await ana.getByTestId('join-name').count()).toBe(0);
    await ben.getByTestId('join-name').waitFor();
    expect(await ben.evaluate(() => window.pathways.getMap().nodes.length)).toBeGreaterThan(100);
    await ben.getByLabel(/What should the others call you/).fill('Ben <b>Okafor</b>');
    await ben.keyboard.press('Enter');
    await ben.getByTestId('join-name').waitFor({ state: 'detached' });
    // Markup is stripped before anyone sees it.
    await ana.waitForFunction(() => window.pathways.room()?.participants.includes('Ben bOkafor/b'), undefined, { timeout: 10_000 });
    expect(await ben.evaluate(() => localStorage.getItem('pathways:name-confirmed'))).toBe('1');
  });

  it('shows both people, each by name', async () => {
    await ana.waitForFunction(() => (window.pathways.room()?.participants.length ?? 0) === 2, undefined, { timeout: 20_000 });
    await ben.waitForFunction(() => (window.pathways.room()?.participants.length ?? 0) === 2, undefined, { timeout: 20_000 });
    expect((await ana.evaluate(() => window.pathways.room()))?.peers).toBe(1);
    expect(await ana.getByRole('button', { name: /2 here/ }).count()).toBe(1);
    const names = (await ana.evaluate(() => window.pathways.room()))!.participants;
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^Guest \d{3}$/); // Ana kept her guest name
    expect(names).toContain(await ben.evaluate(() => localStorage.getItem('pathways:name')));
    // The room dialog by keyboard: it lists both, offers to follow Ben, and passes axe.
    await ana.getByRole('button', { name: /2 here/ }).click();
    await ana.getByRole('button', { name: /^Follow / }).waitFor();
    expect(await seriousViolations(ana)).toEqual([]);
    await ana.keyboard.press('Escape');
  });

  it('carries an edit from one browser to the other', async () => {
    const id = await ana.evaluate(() => window.pathways.addNode({ type: 'program', label: 'Mobile diaper bank', lifeStages: ['prenatal-birth'] }));
    await ben.waitForFunction((nodeId) => window.pathways.getMap().nodes.some((n) => n.id === nodeId), id, { timeout: 15_000 });
    await ben.evaluate((nodeId) => window.pathways.updateNode(nodeId, { capacity: 250 }), id);
    await ana.waitForFunction((nodeId) => window.pathways.getMap().nodes.find((n) => n.id === nodeId)?.capacity === 250, id, { timeout: 15_000 });
  });

  it("shows each other's pointer and selection on the canvas", async () => {
    const node = (await getMap(ana)).nodes.find((n) => n.type === 'organization')!;
    const centre = (await ben.evaluate((id) => window.pathways.nodeScreenPosition(id), node.id))!;
    // Whole pixels: the browser reports the pointer in whole pixels, so the model point is exact to rounding.
    const at = { x: Math.round(centre.x), y: Math.round(centre.y) };
    // Each move ends with the throttle's trailing send: Ana sees where Ben's pointer stopped, in model coordinates.
    const arrives = (at: { x: number; y: number }) =>
      ana.waitForFunction((want) => { const c = window.pathways.roomPeers()[0]?.cursor; return !!c && Math.abs(c.x - want.x) <= 1 && Math.abs(c.y - want.y) <= 1; }, at, { timeout: 10_000 });
    await ben.mouse.move(at.x, at.y, { steps: 2 });
    await arrives(await modelPoint(ben, at));
    const first = (await ana.evaluate(() => window.pathways.roomPeers()))[0].cursor!;
    // Pointers travel in model coordinates: 40 screen pixels right is 40 / zoom model units on Ben's screen.
    await ben.mouse.move(at.x + 40, at.y + 20, { steps: 2 });
    await arrives(await modelPoint(ben, { x: at.x + 40, y: at.y + 20 }));
    const second = (await ana.evaluate(() => window.pathways.roomPeers()))[0].cursor!;
    const zoom = (await ben.evaluate(() => window.pathways.viewport()))!.zoom;
    expect(Math.abs(second.x - first.x - 40 / zoom)).toBeLessThanOrEqual(1);
    expect(Math.abs(second.y - first.y - 20 / zoom)).toBeLessThanOrEqual(1);
    await ana.getByTestId('peer-cursor').waitFor({ timeout: 5_000 });
    expect(await ana.getByTestId('peer-cursor').textContent()).toContain(await ben.evaluate(() => localStorage.getItem('pathways:name')));

    await ben.evaluate((id) => window.pathways.select([id]), node.id);
    await ana.waitForFunction((id) => window.pathways.roomPeers()[0]?.selection.includes(id), node.id, { timeout: 10_000 });
    await ana.locator('[data-testid="presence-layer"] .ring').first().waitFor({ timeout: 5_000 });
  });

  it("follows a participant's viewport, and the facilitator's \"everyone follow me\"", async () => {
    const anaName = await ana.evaluate(() => localStorage.getItem('pathways:name'));
    await ben.evaluate((name) => window.pathways.follow(name), anaName);
    await ana.evaluate(() => window.pathways.setViewport({ zoom: 0.7, pan: { x: 123, y: -45 } }));
    await ben.waitForFunction(() => Math.abs(window.pathways.viewport()!.zoom - 0.7) < 1e-6 && Math.abs(window.pathways.viewport()!.pan.x - 123) < 1e-6, undefined, { timeout: 10_000 });
    expect((await ben.evaluate(() => window.pathways.room()))!.following).toBe(anaName);
    expect(await ben.getByTestId('following-banner').textContent()).toContain(`Following ${anaName}`);
    expect(await seriousViolations(ben)).toEqual([]);
    await ben.getByTestId('following-banner').getByRole('button', { name: 'Stop following' }).click();
    expect((await ben.evaluate(() => window.pathways.room()))!.following).toBeNull();
    await ana.evaluate(() => window.pathways.setViewport({ zoom: 0.9, pan: { x: 0, y: 0 } }));
    // Ana's new viewport has reached Ben's screen, and Ben stays where he was.
    await ben.waitForFunction(() => window.pathways.roomPeers().some((p) => Math.abs((p.viewport?.zoom ?? 0) - 0.9) < 1e-6), undefined, { timeout: 10_000 });
    expect((await ben.evaluate(() => window.pathways.viewport()))!.zoom).toBeCloseTo(0.7, 6);
    // Leading pulls Ben along without him choosing anyone.
    await ana.evaluate(() => window.pathways.lead(true));
    await ana.evaluate(() => window.pathways.setViewport({ zoom: 1.3, pan: { x: -10, y: 20 } }));
    await ben.waitForFunction(() => Math.abs(window.pathways.viewport()!.zoom - 1.3) < 1e-6, undefined, { timeout: 10_000 });
    await ana.evaluate(() => window.pathways.lead(false));
    await ben.waitForFunction(() => window.pathways.room()!.following === null, undefined, { timeout: 10_000 });
  });

  it("shows a peer's edit to the saved view on screen at once, and returns to the map when it is deleted", async () => {
    const id = await ana.evaluate(() => window.pathways.putView({ label: 'Funders only', caption: 'Who funds whom', filter: { nodeTypes: ['organization'] } }));
    await ben.waitForFunction((viewId) => window.pathways.getMap().views.some((v) => v.id === viewId), id, { timeout: 10_000 });
    await ben.evaluate((viewId) => window.pathways.showView(viewId), id);
    await ben.waitForFunction(() => !window.pathways.canvasMoving()); // choosing a view frames it (animated)
    const viewport = await ben.evaluate(() => window.pathways.viewport());
    await ana.evaluate((viewId) => window.pathways.putView({ id: viewId, label: 'Funders only', caption: 'Who funds whom, 2026' }), id);
    await ben.waitForFunction(() => window.pathways.currentView()?.caption === 'Who funds whom, 2026', undefined, { timeout: 10_000 });
    // The edit shows without moving Ben's viewport (only choosing a view frames it).
    expect(await ben.evaluate(() => window.pathways.viewport())).toEqual(viewport);
    await ana.evaluate((viewId) => window.pathways.removeView(viewId), id);
    await ben.waitForFunction(() => window.pathways.currentView() === null, undefined, { timeout: 10_000 });
  });

  it('presents to the room: the other screen follows the slides, and leaves when the presenter stops', async () => {
    const views = (await getMap(ana)).views;
    expect(views.length).toBeGreaterThanOrEqual(3);
    await ana.getByRole('button', { name: 'Present' }).click();
    await ben.getByTestId('slide-title').waitFor({ timeout: 15_000 });
    await expect.poll(() => ben.getByTestId('slide-title').textContent(), { timeout: 10_000 }).toBe(views[0].label);
    await ana.keyboard.press('ArrowRight');
    await expect.poll(() => ben.getByTestId('slide-title').textContent(), { timeout: 10_000 }).toBe(views[1].label);
    await ana.keyboard.press('Escape');
    await ben.getByTestId('presentation').waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('merges an edit made offline when the browser comes back', async () => {
    await ben.evaluate(() => window.pathways.goOffline());
    // Ana's side has closed the connection too: nothing can carry an edit between them now.
    await ana.waitForFunction(() => window.pathways.room()!.peers === 0, undefined, { timeout: 10_000 });
    const id = await ben.evaluate(() => window.pathways.addNode({ type: 'organization', label: 'Made offline' }));
    expect((await getMap(ana)).nodes.some((n) => n.id === id)).toBe(false);
    await ben.evaluate(() => window.pathways.goOnline());
    await ana.waitForFunction((nodeId) => window.pathways.getMap().nodes.some((n) => n.id === nodeId), id, { timeout: 20_000 });
  });

  it('moves the room onto the server relay, everyone with it; a viewer link reads but cannot write', async () => {
    const url = await ana.evaluate(() => window.pathways.setRelay(true));
    expect(url).toMatch(/&relay=1$/);
    const viewerUrl = (await ana.evaluate(() => window.pathways.room()))!.viewerUrl!;
    expect(viewerUrl).toMatch(/#room=[\w-]+&relay=1&viewer=1$/);
    expect(viewerUrl).not.toContain('key=');
    // Ben was in the mesh room: he moves with it onto the relay without a new link.
    await ben.waitForFunction(() => window.pathways.room()?.url.endsWith('&relay=1'), undefined, { timeout: 15_000 });
    expect((await ben.evaluate(() => window.pathways.room()))!.url.replace(/^.*#/, '')).toBe(url!.replace(/^.*#/, ''));
    // Presenting while the old connections still linger (two seconds) must not leave the two screens
    // showing each other's slides: a moved room no longer steers this screen.
    await ana.getByRole('button', { name: 'Present' }).click();
    await ben.getByTestId('presentation').waitFor({ timeout: 10_000 });
    await ana.keyboard.press('Escape');
    await ben.getByTestId('presentation').waitFor({ state: 'detached', timeout: 10_000 });
    // Ben's presence after the slides (a selection) reaches Ana whole: had he echoed the slides, she would have them by now.
    const picked = (await getMap(ben)).nodes[0].id;
    await ben.evaluate((nodeId) => window.pathways.select([nodeId]), picked);
    await ana.waitForFunction((nodeId) => window.pathways.roomPeers().some((p) => p.selection.includes(nodeId)), picked, { timeout: 10_000 });
    expect(await ana.getByTestId('presentation').count()).toBe(0);
    const id = await ana.evaluate(() => window.pathways.addNode({ type: 'organization', label: 'Through the relay' }));
    await ben.waitForFunction((nodeId) => window.pathways.getMap().nodes.some((n) => n.id === nodeId), id, { timeout: 20_000 });

    const viewer = await openStudio(second, viewerUrl);
    await viewer.waitForFunction((nodeId) => window.pathways.getMap().nodes.some((n) => n.id === nodeId), id, { timeout: 20_000 });
    const forged = await viewer.evaluate(() => window.pathways.addNode({ type: 'organization', label: 'Viewer edit' }));
    const fromBen = await ben.evaluate(() => window.pathways.addNode({ type: 'organization', label: 'Editor edit' }));
    await ana.waitForFunction((nodeId) => window.pathways.getMap().nodes.some((n) => n.id === nodeId), fromBen, { timeout: 20_000 });
    expect((await getMap(ana)).nodes.some((n) => n.id === forged)).toBe(false);
    // The viewer is counted, but puts no cursor or selection on the editors' canvases.
    await ana.waitForFunction(() => window.pathways.room()!.participants.length === 3, undefined, { timeout: 10_000 });
    expect((await ana.evaluate(() => window.pathways.roomPeers())).map((p) => p.name)).toEqual([await ben.evaluate(() => localStorage.getItem('pathways:name'))]);
    // A viewer sees the map read-only and live, with no editing chrome.
    expect(await viewer.getByTestId('embed-bar').textContent()).toContain('Watching');
    expect(await viewer.getByRole('button', { name: /Organization/ }).count()).toBe(0);
    expect(await ben.getByRole('button', { name: /Organization/ }).count()).toBe(1);
    // The facilitator presents to the convening: the viewer's screen follows the slides through the relay.
    await ana.getByRole('button', { name: 'Present' }).click();
    const slide = await ana.getByTestId('slide-title').textContent();
    await expect.poll(() => viewer.getByTestId('slide-title').textContent(), { timeout: 15_000 }).toBe(slide);
    await ana.keyboard.press('Escape');
    await viewer.getByTestId('presentation').waitFor({ state: 'detached', timeout: 10_000 });
  });
});
