// Issue 4 figures: edit-to-remote latency between two separate Chromium processes over WebRTC (through
// the project's own signaling), and the document's size after 10,000 edits on the demo map.
import { execSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { roomIdForKey, writeToken } from '../../src/collab/room-link.ts';
import { readMapFile } from '../../src/model/snapshot.ts';
import { syntheticMap } from '../../src/model/synthetic.ts';
import { join } from 'node:path';
import { createMapDoc, mapRoots } from '../../src/model/doc.ts';
import { updateNode } from '../../src/model/mutations.ts';
import { validateMap } from '../../src/model/validate.ts';
import * as Y from 'yjs';
import { startServer } from '../../src/server/app-server.ts';
import { launchBrowser } from '../support/browser.ts';
import { DEMO_PATH } from '../support/demo/build-demo.ts';
import { percentile } from './measure.ts';
import { relayProvider, synced } from '../support/relay-client.ts';
import { startServerProcess } from '../support/server-process.ts';

const line = (label: string, figure: string) => console.log(`${label.padEnd(64)} ${figure}`);

export default async function () {
  const demoText = readFileSync(DEMO_PATH, 'utf8');
  const demo = validateMap(JSON.parse(demoText)).map!;
  const doc = createMapDoc(demo);
  const programs = demo.nodes.filter((n) => n.type === 'program');
  for (let i = 0; i < 10_000; i++) updateNode(doc, programs[i % programs.length].id, i % 2 ? { capacity: i } : { label: `${programs[i % programs.length].label} ${i}` });
  const bytes = Y.encodeStateAsUpdate(doc).byteLength;
  line('document after 10,000 edits on the demo vs its JSON (goal < 2×)', `${(bytes / 1024).toFixed(0)} KiB vs ${(demoText.length / 1024).toFixed(0)} KiB (${(bytes / demoText.length).toFixed(2)}×)`);

  await conveningBench(demo);

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
    await b.waitForFunction(() => window.pathways !== undefined);
    await b.evaluate(() => window.pathways.ready);
    await b.waitForFunction(() => window.pathways.getMap().nodes.length > 100, undefined, { timeout: 30_000 });
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

    // A big map's first sync: one ~2 MB message, sent as 64 KiB chunks.
    const big = syntheticMap(2000);
    const c = await (await one.newContext()).newPage();
    await c.goto(server.url);
    await c.waitForFunction(() => window.pathways !== undefined);
    await c.evaluate(() => window.pathways.ready);
    await c.evaluate((json) => window.pathways.loadMap(json), big);
    const bigUrl = await c.evaluate(() => window.pathways.share());
    const d = await (await two.newContext()).newPage();
    // Long tasks in the joining page from its first script on (the sync arrives a slice per task).
    await d.addInitScript(() => {
      const w = window as unknown as { joinTasks: number[] };
      w.joinTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.joinTasks.push(Math.round(e.duration)))).observe({ type: 'longtask', buffered: true });
    });
    const opened = performance.now();
    await d.goto(bigUrl!);
    await d.waitForFunction(() => window.pathways !== undefined);
    await d.evaluate(() => window.pathways.ready);
    // Polled in the page on animation frames: asking for the whole map each time would itself be a long task.
    const lastId = big.nodes[big.nodes.length - 1].id;
    await d.waitForFunction(
      (id) => {
        try {
          return !!window.pathways.nodeScreenPosition(id) && !document.body.dataset.canvasBusy;
        } catch {
          return false;
        }
      },
      lastId,
      { timeout: 120_000, polling: 'raf' },
    );
    const joinMs = performance.now() - opened;
    const joinTasks = await d.evaluate(() => (window as unknown as { joinTasks: number[] }).joinTasks);
    if ((await d.evaluate(() => window.pathways.getMap().nodes.length)) !== big.nodes.length) throw new Error('the joined map is incomplete');
    line('joining a 2,000-program room over WebRTC: link opened → whole map drawn', `${joinMs.toFixed(0)} ms (${(Y.encodeStateAsUpdate(createMapDoc(big)).byteLength / 1e6).toFixed(1)} MB of updates)`);
    line('joining that room: long tasks in the joining page (ms)', `[${joinTasks.join(' ')}]`);
  } finally {
    await Promise.all([one.close(), two.close()]);
    await server.close();
    rmSync(distDir, { recursive: true, force: true });
  }
}

/**
 * Convening mode through the relay, the server in a process of its own (its memory is the server's only):
 * 150 y-websocket clients (each from its own loopback address, like 150 laptops) × 50 edits each, and
 * joining a 10 MB room.
 */
export async function conveningBench(demo: ReturnType<typeof validateMap>['map'] & object) {
  const server = await startServerProcess();
  const key = 'bench-secret';
  const room = roomIdForKey(key);
  const clients = 150;
  const docs = [createMapDoc(demo), ...Array.from({ length: clients - 1 }, () => new Y.Doc())];
  const joined = performance.now();
  const providers = docs.map((doc, i) => relayProvider(server.url, room, doc, writeToken(key), `127.0.${1 + Math.floor(i / 250)}.${2 + (i % 250)}`));
  try {
    await Promise.all(providers.map(synced));
    while (!docs.every((d) => readMapFile(d).nodes.length === demo.nodes.length)) await new Promise((r) => setTimeout(r, 20));
    const syncMs = performance.now() - joined;
    const programs = demo.nodes.filter((n) => n.type === 'program');
    const started = performance.now();
    const cpuBefore = server.cpuSeconds();
    docs.forEach((doc, i) => {
      for (let k = 0; k < 50; k++) updateNode(doc, programs[(i * 7 + k) % programs.length].id, { capacity: i * 1000 + k });
    });
    // Converged: every client holds the same state vector as client 0.
    const same = () => docs.every((d) => Y.encodeStateVector(d).toString() === Y.encodeStateVector(docs[0]).toString());
    while (!same()) await new Promise((r) => setTimeout(r, 100));
    const ms = performance.now() - started;
    line(`convening: ${clients} websocket clients × 50 edits, all converged`, `${ms.toFixed(0)} ms (joining: the demo reaches ${clients - 1} clients in ${syncMs.toFixed(0)} ms)`);
    line(`convening: server CPU for those ${clients * 50} edits (each relayed to ${clients - 1} clients)`, `${(server.cpuSeconds() - cpuBefore).toFixed(1)} s (the rest is the clients' process)`);
    line(`convening: server process RSS with ${clients} clients (now / peak)`, `${server.rssMiB().toFixed(0)} MiB / ${server.peakRssMiB().toFixed(0)} MiB`);
  } finally {
    providers.forEach((p) => p.destroy());
  }

  // A 10 MB room on disk (over the 8 MiB frame, so written as the server would have compacted it).
  const bigKey = 'bench-big-room';
  const bigRoom = roomIdForKey(bigKey);
  const bigDoc = createMapDoc(syntheticMap(10_200));
  const state = Y.encodeStateAsUpdate(bigDoc);
  writeFileSync(join(server.dataDir, `${bigRoom}.yjs`), state);
  for (const label of ['first join (room loaded from disk)', 'second join (room open)']) {
    const doc = new Y.Doc();
    const started = performance.now();
    const cpuBefore = server.cpuSeconds();
    const provider = relayProvider(server.url, bigRoom, doc, null, '127.0.3.1');
    await synced(provider);
    while (mapRoots(doc).nodes.size !== mapRoots(bigDoc).nodes.size) await new Promise((r) => setTimeout(r, 20));
    line(`convening: joining a ${(state.byteLength / 1e6).toFixed(1)} MB room, ${label}`, `${(performance.now() - started).toFixed(0)} ms (server CPU ${(server.cpuSeconds() - cpuBefore).toFixed(1)} s)`);
    provider.destroy();
  }
  line('convening: server process RSS after the 10 MB room (now / peak)', `${server.rssMiB().toFixed(0)} MiB / ${server.peakRssMiB().toFixed(0)} MiB`);
  await server.stop();
}
