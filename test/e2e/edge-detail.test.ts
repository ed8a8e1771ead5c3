// Edge detail by zoom (issue 14, level-of-detail.ts): on a big map, below EDGE_DETAIL_MIN_ZOOM a dash
// would be a pixel or two and costs four times a plain line to draw, so dashed ties are drawn solid;
// from it up they are dashed. Read from the pixels of a screenshot along an informal (dashed) referral,
// selected so that it is drawn wide and dark. Read from the pixels of a screenshot along an informal (dashed) referral.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchStudio, waitViewportStill } from '../support/studio-page.ts';
import { EDGE_DETAIL_MIN_ZOOM } from '../../src/canvas/level-of-detail.ts';
import { OVERVIEW_FROM_NODES } from '../../src/canvas/overview.ts';
import { smallMap } from '../fixtures/small-map.ts';

/** The small map made big (1,500 more programs, far away) for the network layout, its informal referral
 *  P2 → P3 alone on a long horizontal line. */
function bigMapWithLongInformalReferral() {
  const map = smallMap();
  map.positions = { O1: { x: 0, y: 0 }, O2: { x: 0, y: 400 }, P1: { x: 0, y: 800 }, P2: { x: 0, y: 1200 }, P3: { x: 1200, y: 1200 } };
  for (let i = 0; i < OVERVIEW_FROM_NODES; i++) {
    map.nodes.push({ id: `F${i}`, type: 'program', label: `Far program ${i}`, organization: 'O2', lifeStages: ['k12'], status: 'active' });
    map.positions[`F${i}`] = { x: 8000 + (i % 40) * 80, y: 8000 + Math.floor(i / 40) * 80 };
  }
  return map;
}

/** Of the pixels along the middle of the line P2 → P3 at `zoom`, the share without the line's ink. */
async function gapsAlongLine(page: Page, zoom: number): Promise<number> {
  await page.evaluate((zoom) => {
    const box = document.querySelector('[data-testid=canvas]')!.getBoundingClientRect();
    window.pathways.setViewport({ zoom, pan: { x: box.width / 2 - 600 * zoom, y: box.height / 2 - 1200 * zoom } });
  }, zoom);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const from = (await page.evaluate(() => window.pathways.nodeScreenPosition('P2')))!;
  const to = (await page.evaluate(() => window.pathways.nodeScreenPosition('P3')))!;
  const png = (await page.screenshot(process.env.SHOTS ? { path: `${process.env.SHOTS}/edge-detail-${zoom}.png` } : {})).toString('base64');
  return page.evaluate(
    async ({ png, from, to }) => {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const y = Math.round(from.y);
      // The canvas's own colour, well away from the line.
      const background = context.getImageData(Math.round((from.x + to.x) / 2), y - 40, 1, 1).data;
      let gaps = 0;
      let samples = 0;
      for (let x = Math.round(from.x + (to.x - from.x) * 0.3); x <= from.x + (to.x - from.x) * 0.7; x++, samples++) {
        // Of the three pixels across the line (it may fall between two rows), the one least like the background.
        const column = context.getImageData(x, y - 1, 1, 3).data;
        const ink = Math.max(...[0, 4, 8].map((i) => Math.abs(column[i] - background[0]) + Math.abs(column[i + 1] - background[1]) + Math.abs(column[i + 2] - background[2])));
        if (ink < 60) gaps++;
      }
      return gaps / samples;
    },
    { png, from, to },
  );
}

describe('edge detail by zoom', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ browser, page } = await launchStudio(inject('baseUrl')));
    await page.evaluate((json) => window.pathways.loadMap(json), bigMapWithLongInformalReferral() as never);
    await page.waitForFunction(() => !document.body.dataset.canvasBusy && window.pathways.nodeScreenPosition('P3') !== null, undefined, { timeout: 60_000 });
    await page.getByRole('radio', { name: 'Network' }).click();
    await page.evaluate(() => window.pathways.select(['E2']));
    // The layout's own framing animation has ended (it would undo the zoom set here).
    await waitViewportStill(page);
  });
  afterAll(async () => browser?.close());

  it('draws a dashed tie of a big map solid below the detail zoom, and dashed from it up', async () => {
    // Polled: a big map's ties come back a slice per frame after the viewport changes.
    await expect.poll(() => gapsAlongLine(page, 1), { timeout: 10_000 }).toBeGreaterThan(0.15);
    await expect.poll(() => gapsAlongLine(page, EDGE_DETAIL_MIN_ZOOM), { timeout: 10_000 }).toBeGreaterThan(0.15);
    await expect.poll(() => gapsAlongLine(page, EDGE_DETAIL_MIN_ZOOM * 0.95), { timeout: 10_000 }).toBeLessThan(0.05);
    await expect.poll(() => gapsAlongLine(page, 0.3), { timeout: 10_000 }).toBeLessThan(0.05);
  });
});
