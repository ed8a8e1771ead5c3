// Issue 14 item 1: a studio left open on the demo map does no work. The live analysis runs once per
// change of the map, never on its own; no long task happens while nothing happens.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchStudio } from '../support/studio-page.ts';

interface IdleProbe {
  runs: number;
  longTasks: number;
  /** performance.now() of the last analysis run or long task seen. */
  lastActivity: number;
}

/** Watches analysis runs (polled each frame) and long tasks (PerformanceObserver) in the page. */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { idleProbe: IdleProbe };
    const probe: IdleProbe = { runs: window.pathways.analysisStatus().runs, longTasks: 0, lastActivity: performance.now() };
    w.idleProbe = probe;
    new PerformanceObserver((list) => {
      probe.longTasks += list.getEntries().length;
      probe.lastActivity = performance.now();
    }).observe({ type: 'longtask' });
    const poll = () => {
      const status = window.pathways.analysisStatus();
      if (status.runs !== probe.runs || status.running) {
        probe.runs = status.runs;
        probe.lastActivity = performance.now();
      }
      requestAnimationFrame(poll);
    };
    poll();
  });
}

/** Waits (bounded) until `quietMs` have passed with no analysis run and no long task. */
async function waitForQuiet(page: Page, quietMs: number): Promise<IdleProbe> {
  await page.waitForFunction(
    (quiet) => {
      const probe = (window as unknown as { idleProbe: IdleProbe }).idleProbe;
      return performance.now() - probe.lastActivity >= quiet;
    },
    quietMs,
    { timeout: 20_000, polling: 100 },
  );
  return page.evaluate(() => ({ ...(window as unknown as { idleProbe: IdleProbe }).idleProbe }));
}

describe('idle studio in Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ browser, page } = await launchStudio(inject('baseUrl')));
    await page.waitForFunction(() => window.pathways.analysisStatus().runs >= 1 && !window.pathways.analysisStatus().running, undefined, { timeout: 30_000 });
    await installProbe(page);
  });
  afterAll(async () => browser?.close());

  it('runs no analysis while the map is unchanged', async () => {
    const before = await page.evaluate(() => window.pathways.analysisStatus().runs);
    // Before the fix, runs grew ~3 times a second, so 2 s of quiet never came.
    const quiet = await waitForQuiet(page, 2000);
    expect(quiet.runs).toBe(before);
    expect(await page.evaluate(() => window.pathways.analysisStatus().runs)).toBe(before);
  });

  it('runs exactly once after one edit', async () => {
    const before = await page.evaluate(() => window.pathways.analysisStatus().runs);
    await page.evaluate(() => window.pathways.updateNode('teen-parents', { capacity: 77 }));
    await page.waitForFunction((runs) => window.pathways.analysisStatus().runs > runs, before, { timeout: 30_000 });
    const quiet = await waitForQuiet(page, 2000);
    expect(quiet.runs).toBe(before + 1);
    expect(await page.evaluate(() => window.pathways.analysisStatus().runs)).toBe(before + 1);
  });
});
