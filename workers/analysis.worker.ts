// Thin comlink entry: the analysis runs here, off the page's main thread. Maps and reports cross as
// JSON text: cloning one string is far cheaper for the page than structured-cloning thousands of
// small objects (measured in `npm run bench -- browser`).
import * as Comlink from 'comlink';
import { analyze } from '../src/analysis/index.ts';
import type { AnalysisOptions } from '../src/analysis/types.ts';

const api = {
  analyzeJson: (mapJson: string, options: AnalysisOptions): string => JSON.stringify(analyze(JSON.parse(mapJson), options)),
};
export type AnalysisWorkerApi = typeof api;
Comlink.expose(api);
