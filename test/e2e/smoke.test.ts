// The first thing anyone sees: the served studio boots in Chromium, draws the demo map and says
// nothing alarming on the console.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { getMap, openStudio, waitForCanvas } from '../support/studio-page.ts';

describe('the served studio', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('boots, draws the demo map with every node on the canvas, and logs no console error', async () => {
    const consoleErrors: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    await page.goto(inject('baseUrl'));
    await expect(page.title()).resolves.toBe('Pathways Studio');
    await page.waitForFunction(() => window.pathways !== undefined);
    await page.evaluate(() => window.pathways.ready);
    await waitForCanvas(page);
    const map = await getMap(page);
    expect(map.nodes.length).toBeGreaterThan(50);
    // Every node of the map is drawn somewhere on the page.
    const drawn = await page.evaluate((ids) => ids.filter((id) => window.pathways.nodeScreenPosition(id) !== null).length, map.nodes.map((n) => n.id));
    expect(drawn).toBe(map.nodes.length);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
