// Reopening a stored county map (issue 14): a new tab on the same browser profile opens the map from
// IndexedDB. Long tasks from the navigation on, by a `longtask` observer installed before any script.
import type { BrowserContext } from 'playwright-core';
import { profiled } from './cpu-profile.ts';

export interface ReopenFigures {
  drawnMs: number;
  longTasks: number[];
}

export async function reopenScenario(context: BrowserContext, url: string, lastId: string, name: string): Promise<ReopenFigures> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  // tsx keeps function names with a helper the page does not have.
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.addInitScript(() => {
    const w = window as unknown as { reopenTasks: number[] };
    w.reopenTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.reopenTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  });
  const drawnMs = await profiled(page, `${name}-reopen`, async () => {
    await page.goto(url);
    // Polled in the page on animation frames: asking for the whole map would itself be a long task.
    return page.evaluate(async (lastId) => {
      const drawn = () => {
        try {
          return !!window.pathways.nodeScreenPosition(lastId) && !document.body.dataset.canvasBusy;
        } catch {
          return false; // the studio is not up yet, or no map is open yet
        }
      };
      while (!drawn()) await new Promise((resolve) => requestAnimationFrame(resolve));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return performance.now();
    }, lastId);
  });
  // Long-task entries arrive after the task: give the observer a frame to report.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  const longTasks = await page.evaluate(() => (window as unknown as { reopenTasks: number[] }).reopenTasks.map(Math.round));
  await page.close();
  return { drawnMs, longTasks };
}
