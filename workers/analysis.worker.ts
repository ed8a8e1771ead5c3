// Thin comlink entry: the analysis runs here, off the page's main thread, with betweenness spread
// over a pool of workers on machines with cores to spare. Maps and reports cross as JSON text (maps
// in parts, text-parts.ts): far cheaper for the page than structured-cloning thousands of small objects.
import * as Comlink from 'comlink';
import { analyzeWithPool } from '../src/analysis/index.ts';
import type { AnalysisOptions } from '../src/analysis/types.ts';
import { PARALLEL_MIN_NODES } from '../src/analysis/structure-cache.ts';
import { createWorkerPool } from '../src/workers-client/betweenness-pool.ts';
import type { PathwaysMap } from '../src/model/types.ts';
import { TextInbox, type TextRef } from '../src/workers-client/text-parts.ts';

const inbox = new TextInbox();
const pools = new Map<number, ReturnType<typeof createWorkerPool>>();

/** Started on the first big map only: small maps finish before workers would have loaded. */
function poolFor(map: PathwaysMap, threads: number) {
  if (map.nodes.length < PARALLEL_MIN_NODES) return null;
  if (!pools.has(threads)) pools.set(threads, createWorkerPool(threads + 1));
  return pools.get(threads) ?? null;
}

const api = {
  textPart: inbox.textPart,
  async analyzeJson(mapText: TextRef, options: AnalysisOptions): Promise<string> {
    const map = JSON.parse(inbox.take(mapText)) as PathwaysMap;
    const pool = poolFor(map, options.threads ?? (navigator.hardwareConcurrency ?? 1) - 1);
    return JSON.stringify(await analyzeWithPool(map, options, pool));
  },
};
export type AnalysisWorkerApi = typeof api;
Comlink.expose(api);
