// Figures only a real browser gives (issues 2, 3 and 14): first paint of the demo map after load;
// main-thread long tasks (> 50 ms, by a `longtask` PerformanceObserver) while the worker analyses a
// 2,000-program map; the canvas at 2,000 and 5,000 programs (load, fit, pan, zoom, search; 2D canvas
// and, where Chromium offers it, WebGL); the demo left idle. Builds the studio and serves it with the
// project's own server on loopback. `npm run bench -- browser` runs only this; CANVAS_ONLY=1 skips
// the analysis figures; PROFILE=<step> profiles a step, e.g. PROFILE=5000-move (cpu-profile.ts).
import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { syntheticMap } from '../../src/model/synthetic.ts';
import { startServer } from '../../src/server/app-server.ts';
import { launchBrowser } from '../support/browser.ts';
import { percentile } from './measure.ts';
import { canvasScenario, idleScenario } from './canvas-scenarios.ts';
import { reopenScenario } from './reopen-scenario.ts';

const line = (label: string, figure: string) => console.log(`${label.padEnd(64)} ${figure}`);

/** Until a run after the `runs`th has finished and its report is of the map shown (the demo's first run may finish after a load). */
async function waitForAnalysisAfter(page: Page, runs: number): Promise<void> {
  await page.waitForFunction(
    (before) => {
      const status = window.pathways.analysisStatus();
      return status.runs > before && status.current && !status.running;
    },
    runs,
    { timeout: 120_000, polling: 50 },
  );
}

export default async function () {
  const distDir = join(process.cwd(), '.tmp', `bench-dist-${process.pid}`);
  // A profile names functions only when the build is not minified.
  execSync(`npx vite build --logLevel error --outDir ${distDir} --emptyOutDir${process.env.PROFILE ? ' --minify false' : ''}`, { stdio: 'inherit' });
  const server = await startServer({ port: 0, distDir });
  // As issue 14 measured: software rendering, no accelerated 2D canvas.
  const browser = await launchBrowser(['--disable-accelerated-2d-canvas']);
  try {
    const renderers = (process.env.RENDERERS ?? 'canvas,webgl').split(',') as ('canvas' | 'webgl')[];
    for (const renderer of renderers) {
      for (const programs of (process.env.SIZES ?? '2000,5000').split(',').map(Number)) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
        await page.goto(`${server.url}${renderer === 'webgl' ? '?renderer=webgl' : ''}`);
        await page.waitForFunction(() => window.pathways !== undefined);
        await page.evaluate(() => window.pathways.ready);
        const map = syntheticMap(programs);
        const f = await canvasScenario(page, map, `${renderer}-${programs}`);
        const label = `${programs.toLocaleString('en')} programs (${renderer === 'webgl' ? 'WebGL, software' : '2D canvas'})`;
        line(`${label}: load → drawn`, `${f.drawnMs.toFixed(0)} ms; longest task ${f.loadLongestTaskMs.toFixed(0)} ms`);
        line(`${label}: load → drawn, main-thread CPU; long tasks`, `${f.loadCpuMs.toFixed(0)} ms; ${f.loadLongTasks}`);
        line(`${label}: fit, 20-step drag pan, 5 wheel notches`, `${f.fitMs} ms, ${f.panMs} ms, ${f.wheelMs} ms`);
        line(`${label}: pan/zoom longest task, pan frames/s`, `${f.moveLongestTaskMs.toFixed(0)} ms, ${f.panFps.toFixed(0)} fps`);
        line(`${label}: pan/zoom long tasks (ms) by phase`, Object.entries(f.moveTasksByPhase).map(([phase, ms]) => `${phase} [${ms.join(' ')}]`).join(', '));
        line(`${label}: search → program framed`, f.searchMs === null ? 'not found' : `${f.searchMs} ms`);
        // The map the user opened is stored in this profile: a new tab reopens it.
        await page.waitForFunction(() => window.pathways.analysisStatus().runs > 0 && !window.pathways.analysisStatus().running, undefined, { timeout: 120_000 });
        const reopened = await reopenScenario(context, page.url(), map.nodes[map.nodes.length - 1].id, `${renderer}-${programs}`);
        line(`${label}: reopen in a new tab → drawn; long tasks (ms)`, `${reopened.drawnMs.toFixed(0)} ms; [${reopened.longTasks.join(' ')}]`);
        await context.close();
      }
    }
    {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url);
      const idle = await idleScenario(page, 10_000);
      line('demo map left idle 10 s: analysis runs, long tasks', `${idle.runs}, ${idle.longTasks} (goal: 0, 0)`);
      await context.close();
    }
    if (process.env.CANVAS_ONLY) return;
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

    // Edits on a big map, once it is drawn and analysed: the page's share of each, while the worker re-analyses.
    for (const programs of (process.env.SIZES ?? '2000,5000').split(',').map(Number)) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForFunction(() => window.pathways !== undefined);
      await page.evaluate(() => window.pathways.ready);
      const map = syntheticMap(programs);
      let runs = await page.evaluate(() => window.pathways.analysisStatus().runs);
      await page.evaluate((json) => window.pathways.loadMap(json), map);
      await waitForAnalysisAfter(page, runs);
      // The big map has finished arriving on the canvas (in slices), so its work is not counted below.
      await page.waitForFunction(() => document.body.dataset.canvasBusy === undefined, undefined, { timeout: 60_000 });
      const last = `P${programs - 1}`;
      // Another stage than the program's own: an edit that changes nothing runs no analysis.
      const moved = map.nodes.find((node) => node.id === 'P20');
      const stage = moved?.type === 'program' && moved.lifeStages?.[0] === 'aging' ? 'workforce' : 'aging';
      type Edit = { id: string; stage: string };
      for (const [label, edit, arg] of [
        ['a field edit', ({ id }: Edit) => window.pathways.updateNode(id, { status: 'paused' }), { id: 'P10', stage }],
        ['a new tie (structure recomputed)', ({ id }: Edit) => void window.pathways.addEdge({ type: 'referral', source: 'P1', target: id }), { id: last, stage }],
        ['a program moved to another life stage (lanes move)', ({ id, stage }: Edit) => window.pathways.updateNode(id, { lifeStages: [stage] }), { id: 'P20', stage }],
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
        await page.evaluate(edit, arg);
        await waitForAnalysisAfter(page, runs);
        const elapsed = Date.now() - started;
        const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
        line(
          `${programs.toLocaleString('en')} programs, ${label}: edit → insights updated`,
          `${elapsed} ms; long tasks (ms) [${tasks.map((ms) => ms.toFixed(0)).join(' ')}]`,
        );
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(distDir, { recursive: true, force: true });
  }
}
