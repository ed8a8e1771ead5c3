// Opening the studio in a real browser page and talking to it through `window.pathways`.
import { afterAll, afterEach } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { PathwaysApi } from '../../src/ui/scripting.ts';
import type { PathwaysMap } from '../../src/model/types.ts';

declare global {
  interface Window {
    pathways: PathwaysApi;
  }
}

// A page error fails the test it happened in (or, if it happened after the last test, the file).
const pageErrors: string[] = [];
const failOnPageErrors = () => {
  const errors = pageErrors.splice(0);
  if (errors.length > 0) throw new Error(`The page threw:\n${errors.join('\n')}`);
};
afterEach(failOnPageErrors);
afterAll(failOnPageErrors);

export async function openStudio(browser: Browser, url: string, viewport = { width: 1440, height: 900 }, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, ...options });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    console.error(`[page error] ${error.message}`);
    pageErrors.push(`${page.url()}: ${error.stack ?? error.message}`);
  });
  await page.goto(url);
  await page.waitForFunction(() => window.pathways !== undefined);
  await page.evaluate(() => window.pathways.ready);
  return page;
}

export async function waitForCanvas(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.canvasReady === 'true');
}

export const getMap = (page: Page): Promise<PathwaysMap> => page.evaluate(() => window.pathways.getMap());
