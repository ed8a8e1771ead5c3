// Thin worker_threads entry: one share of the betweenness sources, for the command line's pool.
import { parentPort } from 'node:worker_threads';
import { betweennessRange } from '../src/analysis/centrality.ts';

parentPort!.on('message', ({ id, offsets, adjacency, from, to }: { id: number; offsets: Int32Array; adjacency: Int32Array; from: number; to: number }) => {
  const sums = betweennessRange(offsets, adjacency, from, to);
  parentPort!.postMessage({ id, sums }, [sums.buffer as ArrayBuffer]);
});
