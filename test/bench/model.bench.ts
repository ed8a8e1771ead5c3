// Issue 2 figures: projecting a 5,000-node Y.Doc, applying one remote edit incrementally. Issue 14: the same
// map loaded over another a slice at a time (map-load.ts), with a projector reading ahead and an update
// listener encoding each slice (as IndexedDB and peers do): the slices' lengths and the flip's.
import * as Y from 'yjs';
import { createMapDoc, mapRoots, SnapshotProjector } from '../../src/model/index.ts';
import { loadMapInSlices } from '../../src/model/map-load.ts';
import { syntheticMap } from '../../src/model/synthetic.ts';
import { measure, percentile } from './measure.ts';

export default async function () {
  const map = syntheticMap(5000);
  const nodeCount = map.nodes.length;
  await measure(`load ${nodeCount} nodes / ${map.edges.length} edges into a Y.Doc`, () => createMapDoc(map), 3);
  const doc = createMapDoc(map);
  await measure(`project a ${nodeCount}-node Y.Doc into a snapshot (full)`, () => new SnapshotProjector(doc).destroy(), 3);

  const projector = new SnapshotProjector(doc);
  const remote = new Y.Doc();
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const id = `P${i * 7}`;
    mapRoots(remote).nodes.get(id)!.set('label', `Renamed ${i}`);
    const update = Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc));
    const start = performance.now();
    Y.applyUpdate(doc, update, 'remote');
    const label = projector.snapshot.map.nodes.find((n) => n.id === id)!.label;
    times.push(performance.now() - start);
    if (label !== `Renamed ${i}`) throw new Error('remote edit not projected');
  }
  console.log(
    `${'apply one remote edit to a 5,000-node map + new snapshot'.padEnd(64)} p50 ${percentile(times, 50).toFixed(2)} ms   p95 ${percentile(times, 95).toFixed(2)} ms (goal < 16 ms)`,
  );
  for (let round = 0; round < 3; round++) {
    const target = createMapDoc(syntheticMap(50, 2));
    const view = new SnapshotProjector(target);
    let bytes = 0;
    target.on('update', (update: Uint8Array) => (bytes += update.byteLength));
    const slices: number[] = [];
    let sliceStart = performance.now();
    const pause = () => {
      slices.push(performance.now() - sliceStart);
      return new Promise<void>((resolve) => setTimeout(() => ((sliceStart = performance.now()), resolve()), 0));
    };
    const started = performance.now();
    await loadMapInSlices(target, map, { undoable: true, pause });
    const flip = performance.now() - sliceStart;
    if (view.snapshot.map.nodes.length !== nodeCount) throw new Error('sliced load not shown');
    console.log(
      `${`load ${nodeCount} nodes in slices over a map (round ${round + 1})`.padEnd(64)} ${slices.length} slices, p50 ${percentile(slices, 50).toFixed(1)} ms, longest ${Math.max(...slices).toFixed(1)} ms; last slice + flip ${flip.toFixed(1)} ms; ${(performance.now() - started).toFixed(0)} ms in all, ${(bytes / 1024).toFixed(0)} KiB of updates`,
    );
  }
  const docBytes = Y.encodeStateAsUpdate(doc).byteLength;
  const jsonBytes = JSON.stringify(map).length;
  console.log(`${'encoded Y.Doc state vs map JSON'.padEnd(64)} ${(docBytes / 1024).toFixed(0)} KiB vs ${(jsonBytes / 1024).toFixed(0)} KiB (${(docBytes / jsonBytes).toFixed(2)}×)`);
}
