// Issue 14: a county-size map in Chromium. It arrives in slices (the page keeps answering), shows
// its overview as a life stage × area matrix of counts, and a click on a cell opens into its programs.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { openStudio, waitForCanvas } from '../support/studio-page.ts';
import { syntheticMap } from '../../src/model/synthetic.ts';
import { lanesLayout } from '../../src/canvas/layouts/lanes.ts';
import { OVERVIEW_ZOOM } from '../../src/canvas/overview.ts';

describe('a 2,000-program map in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const map = syntheticMap(2000);
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openStudio(browser, inject('baseUrl'));
    page.on('pageerror', (error) => errors.push(error.message));
    await waitForCanvas(page);
  });
  afterAll(async () => browser?.close());

  it('loads in slices while the page keeps answering, then shows every program', async () => {
    await page.evaluate((json) => window.pathways.loadMap(json), map as never);
    // The load is under way (not done in one blocking task): the page answers meanwhile.
    expect(await page.evaluate(() => document.body.dataset.canvasBusy)).toBe('true');
    await page.waitForFunction(() => !document.body.dataset.canvasBusy, undefined, { timeout: 120_000 });
    const last = map.nodes[map.nodes.length - 1].id;
    expect(await page.evaluate((id) => window.pathways.nodeScreenPosition(id), last)).not.toBeNull();
    expect(errors).toEqual([]);
  });

  it('shows the overview as counts per life stage and area, and a click on a cell opens it', async () => {
    await page.keyboard.press('f');
    await page.waitForFunction((z) => window.pathways.viewport()!.zoom < z, OVERVIEW_ZOOM, { timeout: 30_000 });
    const labels = await page.evaluate(() => window.pathways.canvasLanes());
    const { cellBoxes } = lanesLayout(map);
    const cell = cellBoxes.get('k12|central')!;
    const area = map.meta.areas?.find((a) => a.id === 'central')?.label ?? 'central';
    expect(labels).toContain(`${cell.count.toLocaleString('en')} programs\n${area}`);
    expect(labels).toContain('400 organizations');
    // Click the cell's centre, in page pixels.
    const at = await page.evaluate(({ x, y }) => {
      const v = window.pathways.viewport()!;
      const box = document.querySelector('[data-testid=canvas]')!.getBoundingClientRect();
      return { x: box.left + x * v.zoom + v.pan.x, y: box.top + y * v.zoom + v.pan.y };
    }, { x: cell.x + cell.width / 2, y: cell.y + cell.height / 2 });
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction((z) => window.pathways.viewport()!.zoom >= z, OVERVIEW_ZOOM, { timeout: 30_000 });
    expect(await page.evaluate(() => window.pathways.selection())).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('computes the network (force) layout in the layout worker and writes every position once', async () => {
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    expect(Object.keys((await page.evaluate(() => window.pathways.getMap())).positions)).toHaveLength(0);
    await page.getByRole('radio', { name: 'Network' }).click();
    await page.waitForFunction((count) => Object.keys(window.pathways.getMap().positions).length === count, map.nodes.length, { timeout: 180_000, polling: 1000 });
    expect(workers.some((url) => url.includes('layout'))).toBe(true);
    // Spread out, not left on the initial rings around each organization.
    const positions = Object.values((await page.evaluate(() => window.pathways.getMap())).positions);
    expect(new Set(positions.map((p) => `${p.x},${p.y}`)).size).toBeGreaterThan(map.nodes.length * 0.95);
    expect(errors).toEqual([]);
  });
});
