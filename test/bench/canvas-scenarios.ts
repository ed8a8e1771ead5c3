// The canvas at county scale (issue 14), as a user drives it in headless Chromium: load a big map,
// fit, drag-pan, wheel-zoom, search; long tasks by a `longtask` PerformanceObserver, frames by
// requestAnimationFrame. PROFILE=1 also writes a CPU profile of the pan (CDP Profiler) and prints
// the functions with the most self time, to find what on the viewport path costs more than drawing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { PathwaysMap } from '../../src/model/types.ts';

export interface CanvasFigures {
  drawnMs: number;
  loadLongestTaskMs: number;
  loadLongTasks: number;
  /** Main-thread CPU time from load to drawn: steadier than wall time on a shared machine. */
  loadCpuMs: number;
  fitMs: number;
  panMs: number;
  wheelMs: number;
  moveLongestTaskMs: number;
  panFps: number;
  searchMs: number | null;
}

type ProbeWindow = Window & { benchTasks: number[]; benchFrames: number; benchObserver?: PerformanceObserver; benchMap?: unknown };

/** Starts counting long tasks and animation frames in the page. */
async function startProbe(page: Page): Promise<void> {
  // tsx keeps function names with a helper the page does not have.
  await page.evaluate('globalThis.__name = (f) => f');
  await page.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    w.benchTasks = [];
    w.benchFrames = 0;
    w.benchObserver?.disconnect();
    w.benchObserver = new PerformanceObserver((list) => list.getEntries().forEach((e) => w.benchTasks.push(e.duration)));
    w.benchObserver.observe({ type: 'longtask' });
    const frame = () => {
      w.benchFrames++;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

async function readProbe(page: Page): Promise<{ longest: number; frames: number; tasks: number }> {
  // Long-task entries arrive after the task: give the observer a frame to report.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  return page.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    return { longest: Math.max(0, ...w.benchTasks), frames: w.benchFrames, tasks: w.benchTasks.length };
  });
}

/** Two animation frames: whatever was scheduled to draw has drawn. */
const settle = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

async function waitViewportStill(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const w = window as unknown as { lastViewport?: string; stillSince?: number };
      const now = JSON.stringify(window.pathways.viewport());
      if (now !== w.lastViewport) {
        w.lastViewport = now;
        w.stillSince = performance.now();
        return false;
      }
      return performance.now() - (w.stillSince ?? 0) > 100;
    },
    undefined,
    { timeout: 120_000, polling: 'raf' },
  );
}

async function profiled<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  if (!process.env.PROFILE || !name.includes(process.env.PROFILE)) return run();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await run();
  const { profile } = await cdp.send('Profiler.stop');
  const file = join(process.cwd(), '.tmp', `${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const node = byId.get(id)!;
    const key = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  console.log(`  profile ${file}; most self time:`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`    ${ms.toFixed(0).padStart(7)} ms  ${key}`);
  await cdp.detach();
  return result;
}

export async function canvasScenario(page: Page, map: PathwaysMap, name: string): Promise<CanvasFigures> {
  await page.evaluate('globalThis.__name = (f) => f');
  await page.evaluate((json) => ((window as unknown as ProbeWindow).benchMap = json), map as unknown as Record<string, unknown>);
  const last = map.nodes[map.nodes.length - 1].id;
  await startProbe(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0;
  const cpuBefore = await threadTime();
  const drawnMs = await profiled(page, `${name}-load`, () => page.evaluate(async (lastId) => {
    const started = performance.now();
    window.pathways.loadMap((window as unknown as ProbeWindow).benchMap as never);
    while (!window.pathways.nodeScreenPosition(lastId) || document.body.dataset.canvasBusy) await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return performance.now() - started;
  }, last));
  const loadCpuMs = ((await threadTime()) - cpuBefore) * 1000;
  await cdp.detach();
  const load = await readProbe(page);
  await waitViewportStill(page);
  await settle(page);

  const box = (await page.getByTestId('canvas').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  let started = Date.now();
  await page.keyboard.press('f');
  await waitViewportStill(page);
  await settle(page);
  const fitMs = Date.now() - started - 100;
  if (process.env.SHOTS) await page.screenshot({ path: join(process.env.SHOTS, `${name}-overview.jpg`), type: 'jpeg', quality: 72 });

  // Zoom in a little first, so the pan moves a picture that is not all labels-off.
  await page.evaluate(() => {
    const v = window.pathways.viewport()!;
    window.pathways.setViewport({ zoom: v.zoom * 2, pan: v.pan });
  });
  await settle(page);
  await startProbe(page);
  const { panMs } = await profiled(page, `${name}-pan`, async () => {
    const t0 = Date.now();
    // Empty canvas is not guaranteed under the pointer; a drag on a node moves the node in force
    // layout, but in lanes (the default) nodes are not grabbable, so the drag pans.
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(cx - i * 15, cy - i * 8);
    await page.mouse.up();
    await settle(page);
    return { panMs: Date.now() - t0 };
  });
  const pan = await readProbe(page);
  const panFps = (pan.frames / panMs) * 1000;

  started = Date.now();
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -120);
  await settle(page);
  const wheelMs = Date.now() - started;
  const zoom = await readProbe(page);

  const searchMs = await profiled(page, `${name}-search`, () => search(page, map));
  if (process.env.SHOTS) {
    await settle(page);
    await page.screenshot({ path: join(process.env.SHOTS, `${name}-zoomed.jpg`), type: 'jpeg', quality: 72 });
  }
  return { drawnMs, loadLongestTaskMs: load.longest, loadLongTasks: load.tasks, loadCpuMs, fitMs, panMs, wheelMs, moveLongestTaskMs: Math.max(pan.longest, zoom.longest), panFps, searchMs };
}

/** Typing a program's name in the search box until it is framed on the canvas (null: no search box). */
async function search(page: Page, map: PathwaysMap): Promise<number | null> {
  const input = page.getByRole('searchbox').first();
  if (!(await input.count())) return null;
  const target = map.nodes[Math.floor(map.nodes.length * 0.77)];
  const started = Date.now();
  await input.fill(target.label);
  await input.press('Enter');
  await page.waitForFunction((id) => window.pathways.selection().includes(id), target.id, { timeout: 30_000 }).catch(() => null);
  await waitViewportStill(page);
  const found = await page.evaluate((id) => window.pathways.selection().includes(id), target.id);
  return found ? Date.now() - started - 100 : null;
}

/** Demo map left alone for `ms`: analysis runs and long tasks. */
export async function idleScenario(page: Page, ms: number): Promise<{ runs: number; longTasks: number }> {
  await page.waitForFunction(() => window.pathways !== undefined);
  await page.evaluate(() => window.pathways.ready);
  await page.waitForFunction(() => window.pathways.analysisStatus().runs >= 1 && !window.pathways.analysisStatus().running, undefined, { timeout: 60_000 });
  await settle(page);
  await startProbe(page);
  const before = await page.evaluate(() => window.pathways.analysisStatus().runs);
  await page.waitForTimeout(ms); // not a wait for something: the idle stretch being measured
  const probe = await readProbe(page);
  const after = await page.evaluate(() => window.pathways.analysisStatus().runs);
  return { runs: after - before, longTasks: probe.tasks };
}
