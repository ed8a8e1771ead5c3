// Figures only a real browser gives (issues 2 and 3): first paint of the demo map after load, and
// main-thread long tasks (> 50 ms, by a `longtask` PerformanceObserver) while the worker analyses a
// 2,000-program map. Builds the studio and serves it with the project's own server on loopback.
import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { syntheticMap } from '../../src/model/synthetic.ts';
import { startServer } from '../../src/server/app-server.ts';
import { launchBrowser } from '../support/browser.ts';
import { percentile } from './measure.ts';

const line = (label: string, figure: string) => console.log(`${label.padEnd(64)} ${figure}`);

async function waitForAnalysisAfter(page: Page, runs: number): Promise<void> {
  await page.waitForFunction((before) => window.pathways.analysisStatus().runs > before, runs, { timeout: 120_000 });
}

export default async function () {
  const distDir = join(process.cwd(), '.tmp', `bench-dist-${process.pid}`);
  execSync(`npx vite build --logLevel error --outDir ${distDir} --emptyOutDir`, { stdio: 'inherit' });
  const server = await startServer({ port: 0, distDir });
  const browser = await launchBrowser();
  try {
    const paints: number[] = [];
    for (let i = 0; i < 5; i++) {
      // A fresh profile each time: a first start, which opens the demo.
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForFunction(() => document.body.dataset.canvasReady === 'true', undefined, { timeout: 60_000 });
      paints.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    line('first paint of the demo map after load (fresh profile)', `p50 ${percentile(paints, 50).toFixed(0)} ms   max ${Math.max(...paints).toFixed(0)} ms`);

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => window.pathways !== undefined);
    await page.evaluate(() => window.pathways.ready);
    const map = syntheticMap(2000);
    let runs = await page.evaluate(() => window.pathways.analysisStatus().runs);
    await page.evaluate((json) => window.pathways.loadMap(json), map);
    await waitForAnalysisAfter(page, runs);
    await page.waitForTimeout(1500);
    for (const [label, edit] of [
      ['a field edit', () => window.pathways.updateNode('P10', { status: 'paused' })],
      ['a new tie (structure recomputed)', () => void window.pathways.addEdge({ type: 'referral', source: 'P1', target: 'P1999' })],
    ] as const) {
      runs = await page.evaluate(() => window.pathways.analysisStatus().runs);
      await page.evaluate(() => {
        const w = window as unknown as { longTasks: number[]; longTaskObserver?: PerformanceObserver };
        w.longTasks = [];
        w.longTaskObserver?.disconnect();
        w.longTaskObserver = new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration)));
        w.longTaskObserver.observe({ type: 'longtask' });
      });
      const started = Date.now();
      await page.evaluate(edit);
      await waitForAnalysisAfter(page, runs);
      const elapsed = Date.now() - started;
      const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
      line(
        `2,000 programs, ${label}: edit → insights updated`,
        `${elapsed} ms; long tasks ${tasks.length}${tasks.length ? ` (max ${Math.max(...tasks).toFixed(0)} ms)` : ''} (goal: none)`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(distDir, { recursive: true, force: true });
  }
}
