// Thin comlink entry: the analysis runs here, off the page's main thread.
import * as Comlink from 'comlink';
import { analyze } from '../src/analysis/index.ts';

const api = { analyze };
export type AnalysisWorkerApi = typeof api;
Comlink.expose(api);
