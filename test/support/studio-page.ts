// Opening the studio in a real browser page and talking to it through `window.pathways`.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { PathwaysApi } from '../../src/ui/scripting.ts';
import type { PathwaysMap } from '../../src/model/types.ts';
import { launchBrowser } from './browser.ts';

declare global {
  interface Window {
    pathways: PathwaysApi;
  }
}

export async function openStudio(browser: Browser, url: string, viewport = { width: 1440, height: 900 }, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, ...options });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.pathways !== undefined);
  await page.evaluate(() => window.pathways.ready);
  return page;
}

/** A browser of its own with the studio open on the demo map and drawn: how most browser test files begin. */
export async function launchStudio(url: string, viewport?: { width: number; height: number }): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchBrowser();
  const page = await openStudio(browser, url, viewport);
  await waitForCanvas(page);
  return { browser, page };
}

export async function waitForCanvas(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.canvasReady === 'true');
}

export const getMap = (page: Page): Promise<PathwaysMap> => page.evaluate(() => window.pathways.getMap());

/** The viewport has not changed for five animation frames (a fit's or a layout's framing animation has ended). */
export async function waitViewportStill(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const w = window as unknown as { lastViewport?: string; stillFrames?: number };
      const now = JSON.stringify(window.pathways.viewport());
      w.stillFrames = now === w.lastViewport ? (w.stillFrames ?? 0) + 1 : 0;
      w.lastViewport = now;
      return w.stillFrames >= 5;
    },
    undefined,
    { timeout, polling: 'raf' },
  );
}
