// Edge detail by zoom (issue 14, level-of-detail.ts): below EDGE_DETAIL_MIN_ZOOM a dash would be a pixel
// or two and costs four times a plain line to draw, so dashed ties are drawn solid; above it they are
// dashed. Read from the pixels of a screenshot along an informal (dashed) referral.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { openStudio, waitForCanvas } from '../support/studio-page.ts';
import { EDGE_DETAIL_MIN_ZOOM } from '../../src/canvas/level-of-detail.ts';
import { smallMap } from '../fixtures/small-map.ts';

/** The small map in the network layout, its informal referral P2 → P3 alone on a long horizontal line. */
function mapWithLongInformalReferral() {
  const map = smallMap();
  map.positions = { O1: { x: 0, y: 0 }, O2: { x: 0, y: 400 }, P1: { x: 0, y: 800 }, P2: { x: 0, y: 1200 }, P3: { x: 1200, y: 1200 } };
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
      let gaps = 0;
      let samples = 0;
      for (let x = Math.round(from.x + (to.x - from.x) * 0.3); x <= from.x + (to.x - from.x) * 0.7; x++, samples++) {
        // The darkest of the three pixels across the line (it may fall between two rows).
        const column = context.getImageData(x, y - 1, 1, 3).data;
        const darkest = Math.min(...[0, 4, 8].map((i) => Math.max(column[i], column[i + 1], column[i + 2])));
        if (darkest > 235) gaps++;
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
    browser = await launchBrowser();
    page = await openStudio(browser, inject('baseUrl'));
    await waitForCanvas(page);
    await page.evaluate((json) => window.pathways.loadMap(json), mapWithLongInformalReferral() as never);
    await page.getByRole('radio', { name: 'Network' }).click();
    await page.waitForFunction(() => window.pathways.nodeScreenPosition('P3') !== null);
    // The layout's own framing animation has ended (it would undo the zoom set here).
    await page.waitForFunction(
      () => {
        const w = window as unknown as { lastViewport?: string; stillFrames?: number };
        const now = JSON.stringify(window.pathways.viewport());
        w.stillFrames = now === w.lastViewport ? (w.stillFrames ?? 0) + 1 : 0;
        w.lastViewport = now;
        return w.stillFrames >= 5;
      },
      undefined,
      { polling: 'raf' },
    );
  });
  afterAll(async () => browser?.close());

  // Below the detail zoom first: Cytoscape keeps a small map's drawing per power of two of the zoom (0.3 and
  // 0.45 share one), so a zoom of the same power visited before could show the detail decided there.
  it('draws a dashed tie solid below the detail zoom, and dashed above it', async () => {
    expect(EDGE_DETAIL_MIN_ZOOM).toBeGreaterThan(0.3);
    expect(await gapsAlongLine(page, 0.3)).toBeLessThan(0.05);
    expect(EDGE_DETAIL_MIN_ZOOM).toBeLessThan(0.6);
    expect(await gapsAlongLine(page, 0.6)).toBeGreaterThan(0.15);
    expect(await gapsAlongLine(page, 1)).toBeGreaterThan(0.15);
  });
});
