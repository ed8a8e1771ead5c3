// Opening the studio in a real browser page and talking to it through `window.pathways`.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { PathwaysApi } from '../../src/ui/scripting.ts';
import type { PathwaysMap } from '../../src/model/types.ts';

declare global {
  interface Window {
    pathways: PathwaysApi;
  }
}

export async function openStudio(browser: Browser, url: string, viewport = { width: 1440, height: 900 }, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, ...options });
  const page = await context.newPage();
  // Page errors fail the test (test/support/page-errors.ts); they are also printed where they happen.
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.pathways !== undefined);
  await page.evaluate(() => window.pathways.ready);
  return page;
}

export async function waitForCanvas(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.canvasReady === 'true');
}

export const getMap = (page: Page): Promise<PathwaysMap> => page.evaluate(() => window.pathways.getMap());
