// Redundancy (SPEC): two open programs of different organizations that share a life stage, serve
// overlapping areas and populations, and whose `services` have Jaccard similarity at or above the
// threshold. Programs without `services` are never reported: domains are too coarse to tell a benefits
// screener from a job center.
import { DEFAULT_REDUNDANCY_THRESHOLD } from '../model/constants.ts';
import { reachSamePeople } from '../model/rules.ts';
import type { ProgramNode } from '../model/types.ts';
import type { MapContext } from './context.ts';
import type { Redundancy } from './types.ts';

/** Services compared as written, ignoring case and surrounding space ("Tax-Preparation" = "tax-preparation"). */
export function serviceTerms(program: ProgramNode): Set<string> {
  return new Set((program.services ?? []).map((s) => s.trim().toLowerCase()).filter(Boolean));
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * Pairs are found through an inverted index of service terms, so only programs sharing a term are
 * compared (thousands of programs stay fast). Ranked by similarity, then by the capacity the two
 * duplicate (the smaller program's: that much could be served once instead of twice).
 */
export function redundancies(ctx: MapContext, threshold = ctx.map.meta.redundancyThreshold ?? DEFAULT_REDUNDANCY_THRESHOLD): Redundancy[] {
  const programs = ctx.openPrograms.filter((p) => p.services?.length);
  // Most edits (a label, a referral, a tie) change none of what redundancy reads: reuse the last answer.
  const key = `${threshold}\n${programs.map((p) => JSON.stringify([p.id, p.organization, p.services, p.lifeStages, p.areas, p.populations, p.capacity])).join('\n')}`;
  if (last?.key === key) return last.found;
  // Frozen: the answer is shared between runs, so a caller that mutated it would corrupt the next.
  const found = Object.freeze(pairsAlike(programs, threshold).map((r) => Object.freeze(r))) as Redundancy[];
  last = { key, found };
  return found;
}

let last: { key: string; found: Redundancy[] } | null = null;

function pairsAlike(programs: ProgramNode[], threshold: number): Redundancy[] {
  const terms = programs.map(serviceTerms);
  const index = new Map<string, number[]>();
  terms.forEach((set, i) =>
    set.forEach((term) => {
      const list = index.get(term);
      if (list) list.push(i);
      else index.set(term, [i]);
    }),
  );
  const found: Redundancy[] = [];
  const shared = new Int32Array(programs.length);
  for (let i = 0; i < programs.length; i++) {
    const touched: number[] = [];
    for (const term of terms[i]) {
      for (const j of index.get(term)!) {
        if (j <= i) continue;
        if (shared[j]++ === 0) touched.push(j);
      }
    }
    for (const j of touched) {
      const common = shared[j];
      shared[j] = 0;
      const similarity = common / (terms[i].size + terms[j].size - common);
      if (similarity < threshold) continue;
      const [a, b] = [programs[i], programs[j]];
      if (a.organization !== undefined && a.organization === b.organization) continue;
      if (!reachSamePeople(a, b)) continue;
      const pair = [a.id, b.id].sort() as [string, string];
      const both = a.capacity !== undefined && b.capacity !== undefined;
      const capacity = both ? { combinedCapacity: a.capacity! + b.capacity!, duplicatedCapacity: Math.min(a.capacity!, b.capacity!) } : {};
      found.push({ programs: pair, similarity: round(similarity), ...capacity });
    }
  }
  return found.sort(
    (x, y) =>
      y.similarity - x.similarity ||
      (y.duplicatedCapacity ?? 0) - (x.duplicatedCapacity ?? 0) ||
      x.programs[0].localeCompare(y.programs[0]) ||
      x.programs[1].localeCompare(y.programs[1]),
  );
}
