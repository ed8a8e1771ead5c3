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
  await cdp.detach();
  return result;
}
