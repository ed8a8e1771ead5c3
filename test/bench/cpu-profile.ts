// CPU profiles of a bench step (CDP Profiler), for finding what on the viewport path costs more than
// drawing. PROFILE=<part of a step's name> profiles that step, writes .tmp/<step>.cpuprofile and prints
// the functions with the most self time, over the whole step and inside its longest busy stretch
// (consecutive samples not idle: roughly the longest task).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const keyOf = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;

function printTop(title: string, self: Map<string, number>, count = 15): void {
  console.log(`  ${title}`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, count)) console.log(`    ${ms.toFixed(0).padStart(7)} ms  ${key}`);
}

export async function profiled<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  if (!process.env.PROFILE || !name.includes(process.env.PROFILE)) return run();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await run();
  const { profile } = await cdp.send('Profiler.stop');
  const file = join(process.cwd(), '.tmp', `${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n as ProfileNode]));
  const samples = profile.samples ?? [];
  const dt = (profile.timeDeltas ?? []).map((us) => us / 1000);
  const selfTime = (from: number, to: number) => {
    const self = new Map<string, number>();
    for (let i = from; i < to; i++) {
      const key = keyOf(byId.get(samples[i])!);
      self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
    }
    return self;
  };
  printTop(`profile ${file}; most self time:`, selfTime(0, samples.length));
  // The longest stretch of samples that are not idle (garbage collection and native drawing count as busy).
  let best = { from: 0, to: 0, ms: 0 };
  let from = 0;
  let ms = 0;
  samples.forEach((id, i) => {
    if (byId.get(id)!.callFrame.functionName === '(idle)') {
      from = i + 1;
      ms = 0;
      return;
    }
    ms += dt[i] ?? 0;
    if (ms > best.ms) best = { from, to: i + 1, ms };
  });
  printTop(`longest busy stretch ${best.ms.toFixed(0)} ms; most self time in it:`, selfTime(best.from, best.to));
  // Inclusive time in that stretch: which of our functions (or Cytoscape's) the time was spent under.
  const parent = new Map<number, number>();
  for (const node of byId.values()) for (const child of node.children ?? []) parent.set(child, node.id);
  const total = new Map<string, number>();
  for (let i = best.from; i < best.to; i++) {
    const seen = new Set<string>();
    for (let id: number | undefined = samples[i]; id !== undefined; id = parent.get(id)) seen.add(keyOf(byId.get(id)!));
    for (const key of seen) total.set(key, (total.get(key) ?? 0) + (dt[i] ?? 0));
  }
  total.delete('(root) :-1');
  printTop('most total time in it:', total, 30);
  // Every busy stretch over 50 ms, in order, with where its time went: which step of a load blocks.
  let start = 0;
  let busy = 0;
  samples.forEach((id, i) => {
    const idle = byId.get(id)!.callFrame.functionName === '(idle)';
    if (!idle) busy += dt[i] ?? 0;
    if ((idle || i === samples.length - 1) && busy > 50) {
      const inclusive = new Map<string, number>();
      for (let j = start; j <= i; j++) {
        const seen = new Set<string>();
        for (let node: number | undefined = samples[j]; node !== undefined; node = parent.get(node)) seen.add(keyOf(byId.get(node)!));
        for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + (dt[j] ?? 0));
      }
      inclusive.delete('(root) :-1');
      printTop(`busy stretch of ${busy.toFixed(0)} ms:`, inclusive, Number(process.env.PROFILE_DEPTH ?? 12));
    }
    if (idle) {
      start = i + 1;
      busy = 0;
    }
  });
  await cdp.detach();
  return result;
}

/** Prints where the time went in each `console.profile(name)`…`console.profileEnd()` the page runs (debugging a step). */
export async function printConsoleProfiles(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  cdp.on('Profiler.consoleProfileFinished', ({ profile, title }) => {
    const byId = new Map(profile.nodes.map((n) => [n.id, n as ProfileNode]));
    const parent = new Map<number, number>();
    for (const node of byId.values()) for (const child of node.children ?? []) parent.set(child, node.id);
    const total = new Map<string, number>();
    const dt = (profile.timeDeltas ?? []).map((us) => us / 1000);
    (profile.samples ?? []).forEach((sample, i) => {
      const seen = new Set<string>();
      for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) seen.add(keyOf(byId.get(id)!));
      for (const key of seen) total.set(key, (total.get(key) ?? 0) + (dt[i] ?? 0));
    });
    total.delete('(root) :-1');
    printTop(`console profile "${title}" (${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms):`, total, Number(process.env.PROFILE_DEPTH ?? 30));
  });
}
