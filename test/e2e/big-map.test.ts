// Issue 14: a county-size map in Chromium. It is written and drawn in slices (the page keeps answering), shows
// its overview as a life stage × area matrix of counts, and a click on a cell opens into its programs.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchStudio, waitViewportStill } from '../support/studio-page.ts';
import { syntheticMap } from '../../src/model/synthetic.ts';
import type { PathwaysMap } from '../../src/model/types.ts';
import { lanesLayout } from '../../src/canvas/layouts/lanes.ts';
import { OVERVIEW_ZOOM } from '../../src/canvas/overview.ts';
import { MIN_LABEL_PX } from '../../src/canvas/style.ts';
import { SELECTION_COLOR } from '../../src/views/palette.ts';

/** A model position in page pixels, at the viewport now. */
async function toPage(page: Page, at: { x: number; y: number }): Promise<{ x: number; y: number }> {
  return page.evaluate(({ x, y }) => {
    const v = window.pathways.viewport()!;
    const box = document.querySelector('[data-testid=canvas]')!.getBoundingClientRect();
    return { x: box.left + x * v.zoom + v.pan.x, y: box.top + y * v.zoom + v.pan.y };
  }, at);
}

/** A 10-step drag with the left button from `from`, by `by` page pixels. */
async function drag(page: Page, from: { x: number; y: number }, by: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + (by.x * i) / 10, from.y + (by.y * i) / 10);
  await page.mouse.up();
}

type Segment = { x1: number; x2: number; y: number };

/** Along model-space segments of the canvas, how many pixels differ from each segment's commonest colour (ties crossing). */
async function tieInk(page: Page, segments: Segment[]): Promise<number> {
  const onPage = await Promise.all(segments.map(async (s) => ({ from: await toPage(page, { x: s.x1, y: s.y }), to: await toPage(page, { x: s.x2, y: s.y }) })));
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(
    async ({ png, onPage }) => {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      let ink = 0;
      for (const { from, to } of onPage) {
        const pixels = context.getImageData(Math.round(from.x), Math.round(from.y), Math.max(1, Math.round(to.x - from.x)), 1).data;
        const colours = new Map<number, number>();
        for (let i = 0; i < pixels.length; i += 4) {
          const key = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
          colours.set(key, (colours.get(key) ?? 0) + 1);
        }
        const common = [...colours].sort((a, b) => b[1] - a[1])[0][0];
        for (let i = 0; i < pixels.length; i += 4) {
          const differs = Math.abs(pixels[i] - (common >> 16)) + Math.abs(pixels[i + 1] - ((common >> 8) & 255)) + Math.abs(pixels[i + 2] - (common & 255));
          if (differs > 24) ink++;
        }
      }
      return ink;
    },
    { png, onPage },
  );
}

/** Pixels of the selection colour in a 40-pixel box around a page point. */
async function selectionInk(page: Page, at: { x: number; y: number }): Promise<number> {
  const png = (await page.screenshot({ clip: { x: at.x - 20, y: at.y - 20, width: 40, height: 40 } })).toString('base64');
  return page.evaluate(async ({ png, colour }) => {
    const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    let ink = 0;
    for (let i = 0; i < pixels.length; i += 4) if (Math.abs(pixels[i] - r) + Math.abs(pixels[i + 1] - g) + Math.abs(pixels[i + 2] - b) < 60) ink++;
    return ink;
  }, { png, colour: SELECTION_COLOR });
}

describe('a 2,000-program map in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const map = syntheticMap(2000);
  beforeAll(async () => {
    ({ browser, page } = await launchStudio(inject('baseUrl')));
  });
  afterAll(async () => browser?.close());

  const idle = () => page.waitForFunction(() => !document.body.dataset.canvasBusy, undefined, { timeout: 120_000 });
  /** The canvas holds exactly the map's nodes and ties, nothing left over from before. */
  async function expectCanvasShows(expected: { nodes: { id: string }[]; edges: { id: string }[] }) {
    const content = await page.evaluate(() => window.pathways.canvasContent());
    expect(content.nodes.sort()).toEqual(expected.nodes.map((n) => n.id).sort());
    expect(content.edges.sort()).toEqual(expected.edges.map((e) => e.id).sort());
  }

  it('runs on a Cytoscape whose 2D renderer has every method the big-map paths wrap', async () => {
    // Level of detail, kept layers and hit testing wrap renderer internals (renderer-internals.ts); a release
    // without one of them would bring the slow paths back silently.
    const marks = await page.evaluate(() => ({ renderer: document.body.dataset.canvasRenderer, missing: document.body.dataset.rendererInternalsMissing ?? '' }));
    expect(marks).toEqual({ renderer: 'canvas', missing: '' });
  });

  it('loads in slices while the page keeps answering, then shows every program', async () => {
    await page.waitForFunction(() => window.pathways.analysisStatus().runs > 0 && !window.pathways.analysisStatus().running, undefined, { timeout: 60_000 });
    const runs = await page.evaluate(() => window.pathways.analysisStatus().runs);
    const insightsTab = page.locator('#tab-insights');
    // The demo's findings are counted on the tab before the load...
    expect(await insightsTab.textContent()).toMatch(/^Insights\d+$/);
    // The map is written into the document a slice at a time: frames go on being drawn, and the old map
    // stays on the canvas until the new one is whole (then it is shown at once).
    const writing = await page.evaluate(async (json) => {
      const oldNode = window.pathways.canvasContent().nodes[0];
      const newLast = json.nodes[json.nodes.length - 1].id;
      let done = false;
      const loading = window.pathways.loadMap(json).then((shown) => ((done = true), shown));
      const seen = { frames: 0, oldShownThroughout: true, newSeenEarly: false };
      while (!done) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        if (done) break;
        seen.frames++;
        seen.oldShownThroughout &&= window.pathways.nodeScreenPosition(oldNode) !== null;
        seen.newSeenEarly ||= window.pathways.nodeScreenPosition(newLast) !== null;
      }
      return { shown: await loading, ...seen };
    }, map as unknown as { nodes: { id: string }[] });
    expect(writing).toMatchObject({ shown: true, oldShownThroughout: true, newSeenEarly: false });
    expect(writing.frames).toBeGreaterThan(3);
    // The canvas's part is under way (not done in one blocking task): the page answers meanwhile, and says so.
    expect(await page.evaluate(() => document.body.dataset.canvasBusy)).toBe('true');
    expect(await page.getByRole('status').filter({ hasText: 'Drawing' }).textContent()).toBe(`Drawing ${(map.nodes.length).toLocaleString('en')} programs and organizations…`);
    // ...and not while the new map waits for its own: the old findings are about programs that are gone.
    expect(await insightsTab.textContent()).toBe('Insights');
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
    expect(await page.getByTestId('canvas-drawing').count()).toBe(0);
    await page.waitForFunction((before) => window.pathways.analysisStatus().runs > before, runs, { timeout: 120_000 });
    const last = map.nodes[map.nodes.length - 1].id;
    expect(await page.evaluate((id) => window.pathways.nodeScreenPosition(id), last)).not.toBeNull();
    await expectCanvasShows(map);
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
      // Written into the document a slice at a time, then shown: from then on the canvas draws it in slices.
      await window.pathways.loadMap(firstMap as never);
      for (let frame = 0; frame < 10_000; frame++) {
        // The canvas takes the map up a frame later; once it is not busy the load is over.
        await new Promise((resolve) => requestAnimationFrame(resolve));
        if (!document.body.dataset.canvasBusy) break;
        const shown = window.pathways.canvasContent().nodes.filter((id) => ids.has(id)).length;
        if (shown > 0 && shown < ids.size) {
          await window.pathways.loadMap(secondMap as never);
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
    // …and the second starts while the first is still being written into the document: the first never shows.
    const outcome = await page.evaluate(async ({ first, second }) => {
      const firstLoad = window.pathways.loadMap(first);
      await new Promise((resolve) => setTimeout(resolve, 0));
      const secondShown = await window.pathways.loadMap(second);
      return { first: await firstLoad, second: secondShown, nodes: window.pathways.getMap().nodes.length };
    }, { first: map as unknown, second: smaller as unknown });
    expect(outcome).toEqual({ first: false, second: true, nodes: smaller.nodes.length });
    await idle();
    await expectCanvasShows(smaller);
    // Back to the 2,000-program map for the tests below.
    await page.evaluate((json) => window.pathways.loadMap(json), map as never);
    await idle();
    await expectCanvasShows(map);
  });

  it('parses and validates a big map file in the import worker, then draws all of it', async () => {
    const other = syntheticMap(1600);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.getByTestId('open-file').setInputFiles({ name: 'county.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
    // "Opened" is said once the map is shown, its snapshot built (a slice per task, after the flip): from then
    // on the canvas has it, or is busy drawing it. The document alone flips a few tasks earlier.
    await page.getByText('Opened county.json').waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => window.pathways.getMap().nodes.length)).toBe(other.nodes.length);
    expect(workers.some((url) => url.includes('import'))).toBe(true);
    await idle();
    await expectCanvasShows(other);
    await page.evaluate((json) => window.pathways.loadMap(json), map as never);
    await idle();
  });

  it('shows the overview as counts per life stage and area, and a click on a cell opens it', async () => {
    await page.keyboard.press('f');
    await page.waitForFunction((z) => window.pathways.viewport()!.zoom < z, OVERVIEW_ZOOM, { timeout: 30_000 });
    const labels = await page.evaluate(() => window.pathways.canvasLanes());
    const { cellBoxes } = lanesLayout(map);
    const cell = cellBoxes.get('k12|central')!;
    const area = map.meta.areas?.find((a) => a.id === 'central')?.label ?? 'central';
    expect(labels).toContain(`${cell.count.toLocaleString('en')} programs\n${area}`);
    expect(labels).toContain('400\norganizations');
    // An edit that moves a program to another area counts it there (the lanes are placed again only when they change).
    const inCell = map.nodes.find((n) => {
      const p = lanesLayout(map).positions[n.id];
      return n.type === 'program' && p.x > cell.x && p.x < cell.x + cell.width && p.y > cell.y && p.y < cell.y + cell.height && n.areas?.length === 1;
    })!;
    await page.evaluate((id) => window.pathways.updateNode(id, { areas: ['north'] }), inCell.id);
    await page.waitForFunction((label) => window.pathways.canvasLanes().includes(label), `${(cell.count - 1).toLocaleString('en')} programs\n${area}`);
    await page.evaluate(() => window.pathways.undo());
    await page.waitForFunction((label) => window.pathways.canvasLanes().includes(label), `${cell.count.toLocaleString('en')} programs\n${area}`);
    // Click the cell's centre, in page pixels.
    const at = await page.evaluate(({ x, y }) => {
      const v = window.pathways.viewport()!;
      const box = document.querySelector('[data-testid=canvas]')!.getBoundingClientRect();
      return { x: box.left + x * v.zoom + v.pan.x, y: box.top + y * v.zoom + v.pan.y };
    }, { x: cell.x + cell.width / 2, y: cell.y + cell.height / 2 });
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction((z) => window.pathways.viewport()!.zoom >= z, OVERVIEW_ZOOM, { timeout: 30_000 });
    expect(await page.evaluate(() => window.pathways.selection())).toEqual([]);
  });

  it('at overview draws only labels big enough to read (the matrix, drawn directly, keeps the rule)', async () => {
    await page.keyboard.press('f');
    await page.waitForFunction((z) => window.pathways.viewport()!.zoom < z, OVERVIEW_ZOOM, { timeout: 30_000 });
    await waitViewportStill(page);
    // The on-screen size of every text the canvas draws in the next frames, from its font and transform.
    const sizes = await page.evaluate(async () => {
      const sizes: number[] = [];
      const fillText = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, ...args: Parameters<typeof fillText>) {
        const px = Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? 0);
        const { a, b } = this.getTransform();
        sizes.push((px * Math.hypot(a, b)) / devicePixelRatio);
        return fillText.apply(this, args);
      };
      try {
        // A small pan draws the picture again, still at overview.
        const v = window.pathways.viewport()!;
        window.pathways.setViewport({ zoom: v.zoom, pan: { x: v.pan.x + 5, y: v.pan.y } });
        for (let frame = 0; frame < 3; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
      } finally {
        CanvasRenderingContext2D.prototype.fillText = fillText;
      }
      return sizes;
    });
    // Every stage title and count cell, and nothing smaller than the labels' minimum.
    expect(sizes.length).toBeGreaterThan(20);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_LABEL_PX - 0.5);
  });

  it('pans when a drag starts on the overview matrix (a click opens a cell, a drag does not)', async () => {
    await page.keyboard.press('f');
    await page.waitForFunction((z) => window.pathways.viewport()!.zoom < z, OVERVIEW_ZOOM, { timeout: 30_000 });
    await waitViewportStill(page);
    const before = (await page.evaluate(() => window.pathways.viewport()))!;
    const cell = lanesLayout(map).cellBoxes.get('k12|central')!;
    const from = await toPage(page, { x: cell.x + cell.width / 2, y: cell.y + cell.height / 2 });
    await drag(page, from, { x: -200, y: -120 });
    const after = (await page.evaluate(() => window.pathways.viewport()))!;
    expect(after.zoom).toBeCloseTo(before.zoom, 6);
    expect(after.pan.x - before.pan.x).toBeCloseTo(-200, -1);
    expect(after.pan.y - before.pan.y).toBeCloseTo(-120, -1);
  });

  it('zoomed in, a click finds the program under the pointer and a drag beside it pans', async () => {
    const program = map.nodes.find((n) => n.type === 'program')!;
    const at = lanesLayout(map).positions[program.id];
    await page.evaluate(({ x, y }) => {
      const box = document.querySelector('[data-testid=canvas]')!.getBoundingClientRect();
      window.pathways.setViewport({ zoom: 1, pan: { x: box.width / 2 - x, y: box.height / 2 - y } });
    }, at);
    await waitViewportStill(page);
    const centre = await toPage(page, at);
    await page.mouse.click(centre.x, centre.y);
    await page.waitForFunction((id) => window.pathways.selection().join() === id, program.id, { timeout: 10_000 });
    // Just under the node, on its label (labels catch no pointer): the canvas itself.
    const before = (await page.evaluate(() => window.pathways.viewport()))!;
    await drag(page, { x: centre.x, y: centre.y + 40 }, { x: 150, y: 90 });
    const after = (await page.evaluate(() => window.pathways.viewport()))!;
    expect(after.pan.x - before.pan.x).toBeCloseTo(150, -1);
    expect(after.pan.y - before.pan.y).toBeCloseTo(90, -1);
    expect(await page.evaluate(() => window.pathways.selection())).toEqual([program.id]);
  });

  it('leaves the ties out while the map moves and draws them all again once it stops', async () => {
    const { positions } = lanesLayout(map);
    const program = map.nodes.find((n) => n.type === 'program')!;
    const at = positions[program.id];
    // Halfway between this program's row and the next one down, between neighbours in a cell: only ties cross there.
    const below = Math.min(...Object.values(positions).filter((p) => p.x === at.x && p.y > at.y).map((p) => p.y));
    // (Within 500 model pixels of it: on screen at zoom 0.6 with the program in the middle.)
    const xs = [...new Set(Object.values(positions).filter((p) => p.y === at.y && Math.abs(p.x - at.x) < 500).map((p) => p.x))].sort((a, b) => a - b);
    const segments = xs.slice(1).flatMap((x, i) => (x - xs[i] < 200 ? [{ x1: xs[i] + 25, x2: x - 25, y: (at.y + below) / 2 }] : []));
    expect(segments.length).toBeGreaterThan(3);
    await page.evaluate(({ x, y }) => {
      const box = document.querySelector('[data-testid=canvas]')!.getBoundingClientRect();
      window.pathways.setViewport({ zoom: 0.6, pan: { x: box.width / 2 - x * 0.6, y: box.height / 2 - y * 0.6 } });
    }, at);
    await waitViewportStill(page);
    await expect.poll(() => tieInk(page, segments), { timeout: 20_000 }).toBeGreaterThan(20);
    // The drag starts a row further down, away from the segments (Cytoscape marks where a drag starts).
    const from = await toPage(page, { x: at.x + 60, y: below + (below - at.y) / 2 });
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(from.x - i * 4, from.y - i * 2);
    expect(await tieInk(page, segments)).toBeLessThan(5);
    await page.mouse.up();
    await expect.poll(() => tieInk(page, segments), { timeout: 20_000 }).toBeGreaterThan(20);
  });

  it('shows a selection made while the picture is still (the kept picture is drawn again)', async () => {
    const program = map.nodes.filter((n) => n.type === 'program')[1];
    const at = lanesLayout(map).positions[program.id];
    await page.evaluate(() => window.pathways.select([]));
    await page.evaluate(({ x, y }) => {
      const box = document.querySelector('[data-testid=canvas]')!.getBoundingClientRect();
      window.pathways.setViewport({ zoom: 0.8, pan: { x: box.width / 2 - x * 0.8, y: box.height / 2 - y * 0.8 } });
    }, at);
    await waitViewportStill(page);
    const centre = await toPage(page, at);
    await expect.poll(() => selectionInk(page, centre), { timeout: 10_000 }).toBe(0);
    await page.evaluate((id) => window.pathways.select([id]), program.id);
    await expect.poll(() => selectionInk(page, centre), { timeout: 10_000 }).toBeGreaterThan(10);
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
  });
});
