// Issue 14: a county-size map in Chromium. It arrives in slices (the page keeps answering), shows
// its overview as a life stage × area matrix of counts, and a click on a cell opens into its programs.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { openStudio, waitForCanvas } from '../support/studio-page.ts';
import { syntheticMap } from '../../src/model/synthetic.ts';
import type { PathwaysMap } from '../../src/model/types.ts';
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

  const idle = () => page.waitForFunction(() => !document.body.dataset.canvasBusy, undefined, { timeout: 120_000 });
  /** The canvas holds exactly the map's nodes and ties, nothing left over from before. */
  async function expectCanvasShows(expected: { nodes: { id: string }[]; edges: { id: string }[] }) {
    const content = await page.evaluate(() => window.pathways.canvasContent());
    expect(content.nodes.sort()).toEqual(expected.nodes.map((n) => n.id).sort());
    expect(content.edges.sort()).toEqual(expected.edges.map((e) => e.id).sort());
  }

  it('loads in slices while the page keeps answering, then shows every program', async () => {
    await page.waitForFunction(() => window.pathways.analysisStatus().runs > 0 && !window.pathways.analysisStatus().running, undefined, { timeout: 60_000 });
    const runs = await page.evaluate(() => window.pathways.analysisStatus().runs);
    await page.evaluate((json) => window.pathways.loadMap(json), map as never);
    // The load is under way (not done in one blocking task): the page answers meanwhile.
    expect(await page.evaluate(() => document.body.dataset.canvasBusy)).toBe('true');
    // The canvas goes first: the map's analysis starts only once it is drawn.
    const analysedWhileBusy = await page.evaluate(async () => {
      let seen = false;
      for (let frame = 0; frame < 20_000 && document.body.dataset.canvasBusy; frame++) {
        seen ||= window.pathways.analysisStatus().running;
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      return seen;
    });
    expect(analysedWhileBusy).toBe(false);
    await idle();
    await page.waitForFunction((before) => window.pathways.analysisStatus().runs > before, runs, { timeout: 120_000 });
    const last = map.nodes[map.nodes.length - 1].id;
    expect(await page.evaluate((id) => window.pathways.nodeScreenPosition(id), last)).not.toBeNull();
    await expectCanvasShows(map);
    expect(errors).toEqual([]);
  });

  let before: PathwaysMap;
  it('takes the load back in one undo step, and redo draws the big map whole again', async () => {
    await page.evaluate(() => window.pathways.undo());
    await idle();
    before = await page.evaluate(() => window.pathways.getMap());
    expect(before.nodes.length).toBeLessThan(map.nodes.length);
    await expectCanvasShows(before);
    await page.evaluate(() => window.pathways.redo());
    await idle();
    expect((await page.evaluate(() => window.pathways.getMap())).nodes.length).toBe(map.nodes.length);
    await expectCanvasShows(map);
    expect(errors).toEqual([]);
  });

  it('a second load while the first is still arriving wins, with nothing of the first left over', async () => {
    const smaller = syntheticMap(1600);
    await page.evaluate(() => window.pathways.undo());
    await idle();
    // Both maps are in the page before the first load starts: handing a map to the page takes long enough
    // for a whole 2,000-program load to finish meanwhile.
    await page.evaluate(({ first, second }) => Object.assign(window, { firstMap: first, secondMap: second }), { first: map as unknown, second: smaller as unknown });
    // Part of the first map is on the canvas, not all of it: the second load arrives mid-way.
    const midway = await page.evaluate(async () => {
      const { firstMap, secondMap } = window as unknown as { firstMap: { nodes: { id: string }[] }; secondMap: unknown };
      const ids = new Set(firstMap.nodes.map((n) => n.id));
      window.pathways.loadMap(firstMap as never);
      for (let frame = 0; frame < 10_000; frame++) {
        // The canvas takes the map up a frame later; once it is not busy the load is over.
        await new Promise((resolve) => requestAnimationFrame(resolve));
        if (!document.body.dataset.canvasBusy) break;
        const shown = window.pathways.canvasContent().nodes.filter((id) => ids.has(id)).length;
        if (shown > 0 && shown < ids.size) {
          window.pathways.loadMap(secondMap as never);
          return true;
        }
      }
      return false;
    });
    expect(midway).toBe(true);
    await idle();
    await expectCanvasShows(smaller);
    // From a small map again, two loads in one go: the second arrives before the canvas has started on the first.
    const demo = before;
    await page.evaluate((json) => window.pathways.loadMap(json), demo as never);
    await idle();
    await expectCanvasShows(demo);
    await page.evaluate(({ first, second }) => {
      window.pathways.loadMap(first);
      window.pathways.loadMap(second);
    }, { first: map as unknown, second: smaller as unknown });
    await idle();
    await expectCanvasShows(smaller);
    // Back to the 2,000-program map for the tests below.
    await page.evaluate((json) => window.pathways.loadMap(json), map as never);
    await idle();
    await expectCanvasShows(map);
    expect(errors).toEqual([]);
  });

  it('parses and validates a big map file in the import worker, then draws all of it', async () => {
    const other = syntheticMap(1600);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.getByTestId('open-file').setInputFiles({ name: 'county.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
    await page.waitForFunction((count) => window.pathways.getMap().nodes.length === count, other.nodes.length, { timeout: 60_000 });
    expect(workers.some((url) => url.includes('import'))).toBe(true);
    await idle();
    await expectCanvasShows(other);
    await page.evaluate((json) => window.pathways.loadMap(json), map as never);
    await idle();
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
