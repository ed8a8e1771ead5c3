// Issue 4 figures: edit-to-remote latency between two separate Chromium processes over WebRTC (through
// the project's own signaling), and the document's size after 10,000 edits on the demo map.
import { execSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createMapDoc } from '../../src/model/doc.ts';
import { updateNode } from '../../src/model/mutations.ts';
import { validateMap } from '../../src/model/validate.ts';
import * as Y from 'yjs';
import { startServer } from '../../src/server/app-server.ts';
import { launchBrowser } from '../support/browser.ts';
import { DEMO_PATH } from '../support/demo/build-demo.ts';
import { percentile } from './measure.ts';

const line = (label: string, figure: string) => console.log(`${label.padEnd(64)} ${figure}`);

export default async function () {
  const demoText = readFileSync(DEMO_PATH, 'utf8');
  const demo = validateMap(JSON.parse(demoText)).map!;
  const doc = createMapDoc(demo);
  const programs = demo.nodes.filter((n) => n.type === 'program');
  for (let i = 0; i < 10_000; i++) updateNode(doc, programs[i % programs.length].id, i % 2 ? { capacity: i } : { label: `${programs[i % programs.length].label} ${i}` });
  const bytes = Y.encodeStateAsUpdate(doc).byteLength;
  line('document after 10,000 edits on the demo vs its JSON (goal < 2×)', `${(bytes / 1024).toFixed(0)} KiB vs ${(demoText.length / 1024).toFixed(0)} KiB (${(bytes / demoText.length).toFixed(2)}×)`);

  const distDir = join(process.cwd(), '.tmp', `bench-collab-${process.pid}`);
  execSync(`npx vite build --logLevel error --outDir ${distDir} --emptyOutDir`, { stdio: 'inherit' });
  const server = await startServer({ port: 0, distDir });
  const [one, two] = await Promise.all([launchBrowser(), launchBrowser()]);
  try {
    const a = await (await one.newContext()).newPage();
    await a.goto(server.url);
    await a.waitForFunction(() => window.pathways !== undefined);
    await a.evaluate(() => window.pathways.ready);
    const url = await a.evaluate(() => window.pathways.share());
    const b = await (await two.newContext()).newPage();
    await b.goto(url!);
    await b.waitForFunction(() => window.pathways?.getMap().nodes.length > 100, undefined, { timeout: 30_000 });
    const id = await a.evaluate(() => window.pathways.getMap().nodes.find((n) => n.type === 'program')!.id);
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      // B starts watching, A edits, B reports when the edit is in its snapshot; the clock is B's own
      // (the two processes' clocks differ), started when A's edit call returns.
      // As source text: tsx would wrap a named function with a helper the page does not have.
      const watch = b.evaluate<number>(`new Promise((resolve) => {
        const start = performance.now();
        const check = () => window.pathways.getMap().nodes.find((n) => n.id === ${JSON.stringify(id)})?.capacity === ${1000 + i} ? resolve(performance.now() - start) : requestAnimationFrame(check);
        check();
      })`);
      await a.evaluate(([nodeId, value]) => window.pathways.updateNode(nodeId, { capacity: value }), [id, 1000 + i] as const);
      times.push(await watch);
    }
    line('edit → visible in the other browser (WebRTC, 50 edits)', `p50 ${percentile(times, 50).toFixed(0)} ms   p95 ${percentile(times, 95).toFixed(0)} ms (upper bound: includes one round of polling)`);
  } finally {
    await Promise.all([one.close(), two.close()]);
    await server.close();
    rmSync(distDir, { recursive: true, force: true });
  }
}
