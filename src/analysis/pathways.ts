// Broken referral pathways, each with its kind (SPEC): broken referrals, referrals into a paused or
// closed program, dead ends, and open programs no entry point reaches.
import type { MapContext } from './context.ts';
import { isOpenProgram } from '../model/rules.ts';
import type { BrokenPathway } from './types.ts';

export function brokenPathways(ctx: MapContext): BrokenPathway[] {
  const found: BrokenPathway[] = [];
  for (const referral of ctx.referrals) {
    if (referral.status === 'broken') found.push({ kind: 'broken-referral', edge: referral.id });
  }
  for (const referral of ctx.usableReferrals) {
    const target = ctx.programsById.get(referral.target);
    if (target && !isOpenProgram(target)) found.push({ kind: 'referral-to-inactive', edge: referral.id, node: target.id });
  }
  const lastStage = ctx.stages.at(-1);
  const hasOutbound = new Set(ctx.usableReferrals.map((r) => r.source));
  for (const program of ctx.openPrograms) {
    const atLastStage = lastStage !== undefined && !!program.lifeStages?.includes(lastStage);
    if (!atLastStage && !hasOutbound.has(program.id)) found.push({ kind: 'dead-end', node: program.id });
  }
  const reached = reachableFromEntryPoints(ctx);
  for (const program of ctx.openPrograms) {
    if (!reached.has(program.id)) found.push({ kind: 'unreachable', node: program.id });
  }
  return found;
}

/** Programs reached from any entry point by following usable referrals (breadth first). */
export function reachableFromEntryPoints(ctx: MapContext): Set<string> {
  const next = new Map<string, string[]>();
  for (const r of ctx.usableReferrals) {
    const list = next.get(r.source);
    if (list) list.push(r.target);
    else next.set(r.source, [r.target]);
  }
  const queue = ctx.programs.filter((p) => p.entryPoint).map((p) => p.id);
  const reached = new Set(queue);
  while (queue.length) {
    for (const target of next.get(queue.pop()!) ?? []) {
      if (!reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  return reached;
}
