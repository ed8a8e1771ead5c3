// Names for what the simulation reports: stages, populations, where people were lost (a referral
// reads "From → To", a program by its label), why, and where they entered. Shared by studio and CLI.
import { lifeStagesOf } from '../model/rules.ts';
import type { PathwaysMap } from '../model/types.ts';
import type { EntrySummary, LossReason } from './types.ts';

/** Why people were lost, in words (SPEC reasons). */
export const LOSS_REASON_TEXT: Record<LossReason, string> = {
  handoff: 'hand-off failed',
  barrier: 'language or area barrier',
  closed: 'referred to a paused or closed program',
  'dead-end': 'dead end: no onward referral',
  capacity: 'gave up waiting: over capacity',
  entry: 'not served at entry',
};

/** The life stages the simulation can enter at: the map's own, else the defaults. */
export function entryStages(map: PathwaysMap): string[] {
  return lifeStagesOf(map.meta).map((s) => s.id);
}

export function describeLabels(map: PathwaysMap) {
  const nodes = new Map(map.nodes.map((n) => [n.id, n.label]));
  const edges = new Map(map.edges.map((e) => [e.id, e]));
  const stages = new Map(lifeStagesOf(map.meta).map((s) => [s.id, s.label]));
  const populations = new Map((map.meta.populations ?? []).map((p) => [p.id, p.label]));
  const stage = (id: string) => stages.get(id) ?? id;
  return {
    stage,
    population: (id: string) => populations.get(id) ?? id,
    element(id: string): string {
      const edge = edges.get(id);
      if (edge) return `referral ${nodes.get(edge.source) ?? edge.source} → ${nodes.get(edge.target) ?? edge.target}`;
      return nodes.get(id) ?? id;
    },
    /** "All 9 entry points" or "The 3 entry points serving Prenatal & birth". */
    entry(entry: EntrySummary): string {
      const count = Object.keys(entry.programs).length;
      const points = `${count} entry point${count === 1 ? '' : 's'}`;
      if (entry.stage !== undefined) return count ? `The ${points} serving ${stage(entry.stage)}` : `No entry point serves ${stage(entry.stage)}`;
      return count ? `All ${points}` : 'No entry points';
    },
  };
}
