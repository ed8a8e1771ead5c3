// Redundancy: two open programs of different organizations whose feature tokens (stage:x,
// domain:y, area:z, population:w) have Jaccard similarity at or above the threshold.
import { DEFAULT_REDUNDANCY_THRESHOLD } from '../model/constants.ts';
import type { ProgramNode } from '../model/types.ts';
import type { MapContext } from './context.ts';
import type { Redundancy } from './types.ts';

export function featureTokens(program: ProgramNode): string[] {
  return [
    ...(program.lifeStages ?? []).map((v) => `stage:${v}`),
    ...(program.domains ?? []).map((v) => `domain:${v}`),
    ...(program.areas ?? []).map((v) => `area:${v}`),
    ...(program.populations ?? []).map((v) => `population:${v}`),
  ];
}

/**
 * Pairs are found through an inverted index of tokens, so only programs sharing a token are compared
 * (thousands of programs stay fast). Programs with no tokens are never redundant (0/0 is no evidence).
 */
export function redundancies(ctx: MapContext, threshold = ctx.map.meta.redundancyThreshold ?? DEFAULT_REDUNDANCY_THRESHOLD): Redundancy[] {
  const programs = ctx.openPrograms;
  const tokens = programs.map((p) => new Set(featureTokens(p)));
  const index = new Map<string, number[]>();
  tokens.forEach((set, i) =>
    set.forEach((token) => {
      const list = index.get(token);
      if (list) list.push(i);
      else index.set(token, [i]);
    }),
  );
  const found: Redundancy[] = [];
  const shared = new Int32Array(programs.length);
  for (let i = 0; i < programs.length; i++) {
    const touched: number[] = [];
    for (const token of tokens[i]) {
      for (const j of index.get(token)!) {
        if (j <= i) continue;
        if (shared[j]++ === 0) touched.push(j);
      }
    }
    for (const j of touched) {
      const common = shared[j];
      shared[j] = 0;
      const [a, b] = [programs[i], programs[j]];
      if (a.organization !== undefined && a.organization === b.organization) continue;
      const similarity = common / (tokens[i].size + tokens[j].size - common);
      if (similarity >= threshold) {
        const pair = [a.id, b.id].sort() as [string, string];
        const combined = a.capacity !== undefined && b.capacity !== undefined ? { combinedCapacity: a.capacity + b.capacity } : {};
        found.push({ programs: pair, similarity: Math.round(similarity * 1e6) / 1e6, ...combined });
      }
    }
  }
  return found.sort((x, y) => y.similarity - x.similarity || x.programs[0].localeCompare(y.programs[0]) || x.programs[1].localeCompare(y.programs[1]));
}
