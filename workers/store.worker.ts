// Thin comlink entry: a stored map's records compacted into bounded slices, off the page's main
// thread (~0.5 s for 2,000 programs, ~0.8 s for 5,000 in `npm run bench -- model`).
import * as Comlink from 'comlink';
import { compactUpdates, sliceUpdate } from '../src/persist/update-slices.ts';

const api = {
  compact(updates: Uint8Array[]): Uint8Array[] {
    const slices = compactUpdates(updates);
    return Comlink.transfer(slices, slices.map((slice) => slice.buffer as ArrayBuffer));
  },
  slice(updates: Uint8Array[], maxStructs?: number): Uint8Array[][] {
    const sliced = updates.map((update) => sliceUpdate(update, maxStructs));
    return Comlink.transfer(sliced, sliced.flat().map((slice) => slice.buffer as ArrayBuffer));
  },
};
export type StoreWorkerApi = typeof api;
Comlink.expose(api);
