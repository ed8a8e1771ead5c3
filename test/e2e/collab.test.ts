// Live co-editing between two SEPARATE Chromium processes over real WebRTC, through the project's own
// signaling server on loopback (two tabs of one browser would sync over BroadcastChannel instead).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { getMap, openStudio, waitForCanvas } from '../support/studio-page.ts';

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
    await ana.keyboard.press('Escape');
    ben = await openStudio(second, url);
    await ben.waitForFunction(() => window.pathways.getMap().nodes.length > 100, undefined, { timeout: 30_000 });
    const [a, b] = await Promise.all([getMap(ana), getMap(ben)]);
    expect(b.meta.title).toBe(a.meta.title);
    expect(b.nodes.map((n) => n.id).sort()).toEqual(a.nodes.map((n) => n.id).sort());
  });

  it('shows both people, each by name', async () => {
    await ana.waitForFunction(() => (window.pathways.room()?.participants.length ?? 0) === 2, undefined, { timeout: 20_000 });
    await ben.waitForFunction(() => (window.pathways.room()?.participants.length ?? 0) === 2, undefined, { timeout: 20_000 });
    expect((await ana.evaluate(() => window.pathways.room()))?.peers).toBe(1);
    expect(await ana.getByRole('button', { name: /2 here/ }).count()).toBe(1);
    const names = (await ana.evaluate(() => window.pathways.room()))!.participants;
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^Guest \d{3}$/);
    expect(names).toContain(await ben.evaluate(() => localStorage.getItem('pathways:name')));
  });

  it('carries an edit from one browser to the other', async () => {
    const id = await ana.evaluate(() => window.pathways.addNode({ type: 'program', label: 'Mobile diaper bank', lifeStages: ['prenatal-birth'] }));
    await ben.waitForFunction((nodeId) => window.pathways.getMap().nodes.some((n) => n.id === nodeId), id, { timeout: 15_000 });
    await ben.evaluate((nodeId) => window.pathways.updateNode(nodeId, { capacity: 250 }), id);
    await ana.waitForFunction((nodeId) => window.pathways.getMap().nodes.find((n) => n.id === nodeId)?.capacity === 250, id, { timeout: 15_000 });
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
    const id = await ben.evaluate(() => window.pathways.addNode({ type: 'organization', label: 'Made offline' }));
    await ana.waitForTimeout(1500);
    expect((await getMap(ana)).nodes.some((n) => n.id === id)).toBe(false);
    await ben.evaluate(() => window.pathways.goOnline());
    await ana.waitForFunction((nodeId) => window.pathways.getMap().nodes.some((n) => n.id === nodeId), id, { timeout: 20_000 });
  });
});
