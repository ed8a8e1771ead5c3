// With Cytoscape's WebGL renderer (`?renderer=webgl`, chosen on a real GPU, gpu.ts) the element under the
// pointer is picked from WebGL's own picture of indexes, not by the 2D canvas's hit test (hit-test.ts),
// which must leave it alone: a click still selects the node under it.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { getMap, openStudio, waitForCanvas } from '../support/studio-page.ts';

describe('picking with the WebGL renderer', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openStudio(browser, `${inject('baseUrl')}?renderer=webgl`);
    await waitForCanvas(page);
  });
  afterAll(async () => browser?.close());

  it('selects the node clicked', async () => {
    expect(await page.evaluate(() => document.body.dataset.canvasRenderer)).toBe('webgl');
    const program = (await getMap(page)).nodes.find((n) => n.type === 'program')!;
    await page.evaluate(({ id }) => {
      const box = document.querySelector('[data-testid=canvas]')!.getBoundingClientRect();
      const at = window.pathways.nodeScreenPosition(id)!;
      const v = window.pathways.viewport()!;
      // The node in the middle of the canvas at zoom 1 (model position from its screen position now).
      const model = { x: (at.x - box.left - v.pan.x) / v.zoom, y: (at.y - box.top - v.pan.y) / v.zoom };
      window.pathways.setViewport({ zoom: 1, pan: { x: box.width / 2 - model.x, y: box.height / 2 - model.y } });
    }, { id: program.id });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const at = (await page.evaluate((id) => window.pathways.nodeScreenPosition(id), program.id))!;
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction((id) => window.pathways.selection().join() === id, program.id, { timeout: 10_000 });
  });
});
