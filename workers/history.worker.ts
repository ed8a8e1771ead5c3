// Thin comlink entry: comparing two maps (two analyses and two simulations) runs here, off the page.
// Maps and the result cross as JSON text (cheap to clone).
import * as Comlink from 'comlink';
import { diffMaps, type DiffOptions } from '../src/history/diff.ts';

const api = {
  compare: (beforeJson: string, afterJson: string, options: Omit<DiffOptions, 'reports'>) => JSON.stringify(diffMaps(JSON.parse(beforeJson), JSON.parse(afterJson), options)),
};
export type HistoryWorkerApi = typeof api;
Comlink.expose(api);
