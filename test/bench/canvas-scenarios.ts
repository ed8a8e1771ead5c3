// The canvas at county scale (issue 14), as a user drives it in headless Chromium: load a big map,
// fit, drag-pan, wheel-zoom, search; long tasks by a `longtask` PerformanceObserver, frames by
// requestAnimationFrame. Each long task while moving is put in the phase it started in (the drag, the
// move's end, the wheel notches, their end) to show where it comes from. PROFILE=<step> (e.g.
// `5000-move`) writes a CPU profile of that step (cpu-profile.ts).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { PathwaysMap } from '../../src/model/types.ts';
import { printConsoleProfiles, profiled } from './cpu-profile.ts';
import { OVERVIEW_ZOOM } from '../../src/canvas/overview.ts';

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
  /** The long tasks (ms) that started in each phase of the pan and zoom. */
  moveTasksByPhase: Record<string, number[]>;
  panFps: number;
  searchMs: number | null;
}

interface Phase {
  name: string;
  at: number;
}
type ProbeWindow = Window & { benchTasks: { start: number; duration: number }[]; benchPhases: Phase[]; benchFrames: number; benchObserver?: PerformanceObserver; benchFile: File };

/** Starts counting long tasks and animation frames in the page. */
async function startProbe(page: Page): Promise<void> {
  // tsx keeps function names with a helper the page does not have.
  await page.evaluate('globalThis.__name = (f) => f');
  await page.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    w.benchTasks = [];
    w.benchPhases = [];
    w.benchFrames = 0;
    w.benchObserver?.disconnect();
    w.benchObserver = new PerformanceObserver((list) => list.getEntries().forEach((e) => w.benchTasks.push({ start: e.startTime, duration: e.duration })));
    w.benchObserver.observe({ type: 'longtask' });
    const frame = () => {
      w.benchFrames++;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/** From now on, long tasks that start are counted in phase `name`. */
async function phase(page: Page, name: string): Promise<void> {
  await page.evaluate((name) => (window as unknown as ProbeWindow).benchPhases.push({ name: `${name}@${window.pathways.viewport()!.zoom.toFixed(2)}`, at: performance.now() }), name);
}

async function readProbe(page: Page): Promise<{ longest: number; frames: number; tasks: number; byPhase: Record<string, number[]> }> {
  // Long-task entries arrive after the task: give the observer a frame to report.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  return page.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    const byPhase: Record<string, number[]> = Object.fromEntries(w.benchPhases.map((p) => [p.name, []]));
    for (const task of w.benchTasks) {
      const name = w.benchPhases.filter((p) => p.at <= task.start).pop()?.name ?? 'before';
      (byPhase[name] ??= []).push(Math.round(task.duration));
    }
    return { longest: Math.max(0, ...w.benchTasks.map((t) => t.duration)), frames: w.benchFrames, tasks: w.benchTasks.length, byPhase };
  });
}

/** Waits until no animation frame has been late (over 40 ms apart) for `quietMs`: delayed redraws are done. */
async function waitQuiet(page: Page, quietMs: number): Promise<void> {
  await page.evaluate(
    (quietMs) =>
      new Promise<void>((resolve) => {
        let last = performance.now();
        let quietSince = last;
        const started = last;
        const frame = (now: number) => {
          if (now - last > 40) quietSince = now;
          last = now;
          if (now - quietSince >= quietMs || now - started > 10_000) resolve();
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    quietMs,
  );
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

export async function canvasScenario(page: Page, map: PathwaysMap, name: string): Promise<CanvasFigures> {
  await page.evaluate('globalThis.__name = (f) => f');
  // The map goes in as a user's file (Open…): read, parsed and validated in the import worker, written a slice at a time.
  await page.evaluate((text) => ((window as unknown as ProbeWindow).benchFile = new File([text], 'county.pathways.json', { type: 'application/json' })), JSON.stringify(map));
  const last = map.nodes[map.nodes.length - 1].id;
  if (process.env.CONSOLE_PROFILES) await printConsoleProfiles(page);
  await startProbe(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0;
  const cpuBefore = await threadTime();
  const drawnMs = await profiled(page, `${name}-load`, () => page.evaluate(async (lastId) => {
    const started = performance.now();
    const input = document.querySelector<HTMLInputElement>('[data-testid="open-file"]')!;
    const picked = new DataTransfer();
    picked.items.add((window as unknown as ProbeWindow).benchFile);
    input.files = picked.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    while (!window.pathways.nodeScreenPosition(lastId) || document.body.dataset.canvasBusy) await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return performance.now() - started;
  }, last));
  const loadCpuMs = ((await threadTime()) - cpuBefore) * 1000;
  await cdp.detach();
  const load = await readProbe(page);
  if (process.env.LOAD_TRACE) {
    const trace = await page.evaluate(() => ({
      tasks: (window as unknown as ProbeWindow).benchTasks.map((t) => `${t.start.toFixed(0)}+${t.duration.toFixed(0)}`),
      marks: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('pathways:')).map((m) => `${m.name}@${m.startTime.toFixed(0)}`),
    }));
    console.log('  load tasks', trace.tasks.join(' '), '\n  marks', trace.marks.join(' '));
  }
  await waitViewportStill(page);
  await settle(page);

  const box = (await page.getByTestId('canvas').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  const started = Date.now();
  await page.keyboard.press('f');
  await waitViewportStill(page);
  await settle(page);
  const fitMs = Date.now() - started - 100;
  if (process.env.SHOTS) await page.screenshot({ path: join(process.env.SHOTS, `${name}-overview.jpg`), type: 'jpeg', quality: 72 });

  // Just under the overview zoom (the count matrix), about the canvas's centre: the first drag pans the
  // matrix, and the wheel notches then open into the programs, where the second drag pans them.
  // (The fit's animation may start late on a busy page and undo the zoom: set it until it stays.)
  for (let attempt = 0; attempt < 5; attempt++) {
    const zoom = await page.evaluate((zoom) => {
      const v = window.pathways.viewport()!;
      const box = document.querySelector('[data-testid=canvas]')!.getBoundingClientRect();
      const centre = { x: box.width / 2, y: box.height / 2 };
      const scale = zoom / v.zoom;
      window.pathways.setViewport({ zoom, pan: { x: centre.x - (centre.x - v.pan.x) * scale, y: centre.y - (centre.y - v.pan.y) * scale } });
      return zoom;
    }, OVERVIEW_ZOOM * 0.9);
    await waitViewportStill(page);
    await settle(page);
    if (Math.abs((await page.evaluate(() => window.pathways.viewport()!.zoom)) - zoom) < 1e-3) break;
  }
  await settle(page);
  await startProbe(page);
  const { panMs, panFps, wheelMs } = await profiled(page, `${name}-move`, async () => {
    const overviewPan = await dragPan(page, cx, cy, '');
    // Edges come back after the move, and after the last wheel notch (Cytoscape waits ~150 ms for more).
    await waitQuiet(page, 300);
    await phase(page, 'wheel');
    const t1 = Date.now();
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -120);
    await settle(page);
    const wheelMs = Date.now() - t1;
    await phase(page, 'wheel end');
    await waitQuiet(page, 300);
    // The same drag over the programs (drawn past the overview zoom), edges coming back at its end.
    const programsPan = await dragPan(page, cx, cy, ' in');
    await waitQuiet(page, 300);
    const zoom = await page.evaluate(() => window.pathways.viewport()!.zoom);
    console.log(`  ${name}: pan at overview ${overviewPan.panMs} ms, ${overviewPan.fps.toFixed(0)} fps; 5 notches to zoom ${zoom.toFixed(2)}; pan there ${programsPan.panMs} ms, ${programsPan.fps.toFixed(0)} fps`);
    const panMs = overviewPan.panMs;
    const panFps = overviewPan.fps;
    return { panMs, panFps, wheelMs };
  });
  const move = await readProbe(page);

  const searchMs = await profiled(page, `${name}-search`, () => search(page, map));
  if (process.env.SHOTS) {
    await settle(page);
    await page.screenshot({ path: join(process.env.SHOTS, `${name}-zoomed.jpg`), type: 'jpeg', quality: 72 });
  }
  return { drawnMs, loadLongestTaskMs: load.longest, loadLongTasks: load.tasks, loadCpuMs, fitMs, panMs, wheelMs, moveLongestTaskMs: move.longest, moveTasksByPhase: move.byPhase, panFps, searchMs };
}

/** A 20-step drag from the canvas's centre, its phases named with `suffix`; checks that it panned. */
async function dragPan(page: Page, cx: number, cy: number, suffix: string): Promise<{ panMs: number; fps: number }> {
  const before = await page.evaluate(() => window.pathways.viewport()!.pan);
  const frames = await page.evaluate(() => (window as unknown as ProbeWindow).benchFrames);
  const started = Date.now();
  await phase(page, `hover${suffix}`);
  await page.mouse.move(cx, cy);
  await phase(page, `press${suffix}`);
  await page.mouse.down();
  await phase(page, `drag${suffix}`);
  for (let i = 1; i <= 20; i++) await page.mouse.move(cx - i * 15, cy - i * 8);
  await phase(page, `release${suffix}`);
  await page.mouse.up();
  await settle(page);
  const panMs = Date.now() - started;
  const after = await page.evaluate(() => window.pathways.viewport()!.pan);
  // A drag that starts on something that catches the pointer does not pan: the figures would mean nothing.
  if (Math.abs(after.x - before.x) < 200) console.log(`  the drag did not pan (moved ${(after.x - before.x).toFixed(0)} px, not 300)`);
  const drawn = (await page.evaluate(() => (window as unknown as ProbeWindow).benchFrames)) - frames;
  return { panMs, fps: (drawn / panMs) * 1000 };
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
