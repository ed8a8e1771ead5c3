// The referral network as the cohort model sees it (SPEC "What simulation means here"), compiled once
// into flat arrays so that both Monte-Carlo and the exact computation walk it cheaply.
import { areaMismatch, handoffRateOf, isOpenProgram as isOpen, isUsableReferral, languageMismatch, lifeStageIds } from '../model/rules.ts';
import type { PathwaysMap, Population, ProgramNode, ReferralEdge } from '../model/types.ts';

/** A group of the cohort: a defined population, or everyone outside them (no barrier). */
export interface Group {
  id: string | null;
  share: number;
  languages: string[];
  areas: string[];
  barrier: number;
}

export interface Referral {
  id: string;
  target: number;
  volume: number;
  /** Hand-off success before any population barrier; 0 into a paused or closed program. */
  handoff: number;
  /** Into a paused or closed program: every hand-off fails (reason `closed`). */
  closed: boolean;
  /** Targets whose languages or areas a group misses: the group's barrier applies. */
  languages: string[];
  areas: string[];
}

export interface SimNetwork {
  programIds: string[];
  stages: string[];
  /** Bit mask of the life stages each program serves (bit i = stages[i]). */
  stageMask: number[];
  capacity: (number | undefined)[];
  /** Usable outbound referrals (active or informal), per program. */
  out: Referral[][];
  /** Where people enter, with the share each entry point takes. `program` is -1 where a scenario
   *  removed or closed a baseline entry point: people who would have entered there are lost at entry. */
  entries: { id: string; program: number; weight: number }[];
  /** The life stage whose entry points people enter at (all entry points when unset). */
  entryStage?: string;
  groups: Group[];
  lastStageBit: number;
}

function groupsOf(populations: Population[] | undefined): Group[] {
  const groups: Group[] = (populations ?? []).map((p) => ({
    id: p.id,
    share: Math.max(0, p.share ?? 0),
    languages: p.languages ?? [],
    areas: p.areas ?? [],
    barrier: Math.min(1, Math.max(0, p.barrier ?? 0)),
  }));
  const defined = groups.reduce((sum, g) => sum + g.share, 0);
  // Shares that add up to more than the whole cohort are scaled down to it.
  if (defined > 1) for (const g of groups) g.share /= defined;
  const rest = Math.max(0, 1 - Math.min(1, defined));
  if (rest > 1e-12) groups.push({ id: null, share: rest, languages: [], areas: [], barrier: 0 });
  return groups.filter((g) => g.share > 0);
}

/** Where people enter: all open entry points, or those serving one life stage. */
export interface EntryChoice {
  /** Enter only at entry points serving this life stage. */
  stage?: string;
  /** A fixed split (program id → weight), e.g. the baseline's, kept by a scenario. */
  split?: Record<string, number>;
}

/** The open entry points people walk into, by weight (the default split, `entryWeight` or 1 each). */
export function entrySplit(map: PathwaysMap, stage?: string): Record<string, number> {
  const weights = map.nodes.flatMap((n) =>
    n.type === 'program' && n.entryPoint && isOpen(n) && (stage === undefined || (n.lifeStages ?? []).includes(stage)) && (n.entryWeight ?? 1) > 0 ? [[n.id, n.entryWeight ?? 1] as const] : [],
  );
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  return Object.fromEntries(weights.map(([id, w]) => [id, w / total]));
}

export function compileNetwork(map: PathwaysMap, entry: EntryChoice = {}): SimNetwork {
  const programs = map.nodes.filter((n): n is ProgramNode => n.type === 'program');
  const index = new Map(programs.map((p, i) => [p.id, i]));
  const stages = lifeStageIds(map.meta).slice(0, 30);
  const stageBit = new Map(stages.map((s, i) => [s, 1 << i]));
  const out: Referral[][] = programs.map(() => []);
  for (const edge of map.edges) {
    if (edge.type !== 'referral') continue;
    const referral = edge as ReferralEdge;
    if (!isUsableReferral(referral)) continue;
    const from = index.get(edge.source);
    const to = index.get(edge.target);
    if (from === undefined || to === undefined || from === to) continue;
    const target = programs[to];
    out[from].push({
      id: edge.id,
      target: to,
      volume: referral.volume !== undefined && referral.volume > 0 ? referral.volume : 1,
      handoff: isOpen(target) ? handoffRateOf(referral) : 0,
      closed: !isOpen(target),
      languages: target.languages ?? [],
      areas: target.areas ?? [],
    });
  }
  // People walk into open entry points only: a closed program takes no one in. A scenario's fixed
  // split keeps the baseline's entrants where they were, lost at entry where that program is gone.
  const split = entry.split ?? entrySplit(map, entry.stage);
  const entries = Object.entries(split)
    .filter(([, weight]) => weight > 0)
    .map(([id, weight]) => {
      const i = index.get(id);
      return { id, program: i !== undefined && isOpen(programs[i]) ? i : -1, weight };
    });
  return {
    programIds: programs.map((p) => p.id),
    stages,
    stageMask: programs.map((p) => (p.lifeStages ?? []).reduce((mask, s) => mask | (stageBit.get(s) ?? 0), 0)),
    capacity: programs.map((p) => p.capacity),
    out,
    entries,
    ...(entry.stage !== undefined ? { entryStage: entry.stage } : {}),
    groups: groupsOf(map.meta.populations),
    lastStageBit: stages.length ? 1 << (stages.length - 1) : 0,
  };
}

/** Hand-off success of a referral for a group: the group's barrier applies on a language or area mismatch. */
export function handoffFor(referral: Referral, group: Group): number {
  if (referral.handoff === 0 || group.barrier === 0) return referral.handoff;
  return languageMismatch(referral, group) || areaMismatch(referral, group) ? referral.handoff * (1 - group.barrier) : referral.handoff;
}
