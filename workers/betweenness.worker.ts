// Thin comlink entry: one share of the betweenness sources, for the analysis worker's pool.
import * as Comlink from 'comlink';
import { betweennessRange } from '../src/analysis/centrality.ts';

const api = {
  range(offsets: Int32Array, adjacency: Int32Array, from: number, to: number): Float64Array {
    const sums = betweennessRange(offsets, adjacency, from, to);
    return Comlink.transfer(sums, [sums.buffer]);
  },
};
export type BetweennessWorkerApi = typeof api;
Comlink.expose(api);
