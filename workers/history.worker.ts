// Thin comlink entry: comparing two maps (two analyses and two simulations) runs here, off the page.
// Maps and the result cross as JSON text (cheap to clone; maps in parts, text-parts.ts). A version never changes, so its analysis is
// kept (by version id) for the next comparison; the live map ('now') is analysed each time.
import * as Comlink from 'comlink';
import { analyze } from '../src/analysis/index.ts';
import type { AnalysisReport } from '../src/analysis/types.ts';
import { diffMaps, type DiffOptions } from '../src/history/diff.ts';
import type { PathwaysMap } from '../src/model/types.ts';
import { TextInbox, type TextRef } from '../src/workers-client/text-parts.ts';

const inbox = new TextInbox();
const KEPT = 8;
const reports = new Map<string, AnalysisReport>();

function reportOf(map: PathwaysMap, key: string | undefined, seed: number): AnalysisReport {
  const kept = key ? reports.get(`${key}\u0000${seed}`) : undefined;
  if (kept) return kept;
  const report = analyze(map, { seed });
  if (key) {
    reports.set(`${key}\u0000${seed}`, report);
    if (reports.size > KEPT) reports.delete(reports.keys().next().value!);
  }
  return report;
}

const api = {
  /** `keys`: version ids of the two maps, when they are versions (their analyses are kept). */
  textPart: inbox.textPart,
  compare(beforeText: TextRef, afterText: TextRef, options: Omit<DiffOptions, 'reports'>, keys: { before?: string; after?: string } = {}) {
    const [before, after] = [JSON.parse(inbox.take(beforeText)) as PathwaysMap, JSON.parse(inbox.take(afterText)) as PathwaysMap];
    const seed = options.seed ?? 1;
    const kept = { before: reportOf(before, keys.before, seed), after: reportOf(after, keys.after, seed) };
    return JSON.stringify(diffMaps(before, after, { ...options, reports: kept }));
  },
};
export type HistoryWorkerApi = typeof api;
Comlink.expose(api);
