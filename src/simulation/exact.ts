// The exact answer, without sampling. Where usable referrals form no cycle, no one can revisit a
// program, so the model is an absorbing Markov chain over states (program, life stages reached so
// far): probability mass flows through the programs in topological order. Where capacity would bind,
// waiting makes the outcome depend on arrival order, and only Monte-Carlo answers.
import { LossTally } from './losses.ts';
import { handoffFor, type SimNetwork } from './network.ts';
import type { ExactOutcome } from './types.ts';

/** Programs in an order where every usable referral goes forward, or null if there is a cycle. */
export function topologicalOrder(net: SimNetwork): number[] | null {
  const n = net.programIds.length;
  const indegree = new Int32Array(n);
  for (const refs of net.out) for (const r of refs) indegree[r.target]++;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) order.push(i);
  for (let head = 0; head < order.length; head++) {
    for (const r of net.out[order[head]]) if (--indegree[r.target] === 0) order.push(r.target);
  }
  return order.length === n ? order : null;
}

export function exactAnswer(net: SimNetwork, cohort: number): ExactOutcome {
  const order = topologicalOrder(net);
  if (!order) return { ok: false, reason: 'usable referrals form a cycle, so who has been where changes the odds: only Monte-Carlo answers' };
  const n = net.programIds.length;
  const stageCount = net.stages.length;
  const totalEntry = net.entries.reduce((sum, e) => sum + e.weight, 0);
  const reachByGroup = net.groups.map(() => new Float64Array(stageCount));
  const lost = new LossTally();
  const flows = new Map<string, number>();
  const expectedArrivals = new Float64Array(n);
  const add = (into: Map<string, number>, id: string, people: number) => into.set(id, (into.get(id) ?? 0) + people);

  net.groups.forEach((group, g) => {
    // mass[p]: stages-reached mask → share of this group arriving at p with it.
    const mass: Map<number, number>[] = Array.from({ length: n }, () => new Map());
    if (totalEntry > 0) {
      for (const e of net.entries) {
        if (e.program < 0) lost.add(e.id, 'entry', (e.weight / totalEntry) * group.share * cohort);
        else mass[e.program].set(0, (mass[e.program].get(0) ?? 0) + e.weight / totalEntry);
      }
    }
    const end = (mask: number, m: number) => {
      for (let s = 0; s < stageCount; s++) if (mask & (1 << s)) reachByGroup[g][s] += m;
    };
    for (const p of order) {
      const refs = net.out[p];
      const volume = refs.reduce((sum, r) => sum + r.volume, 0);
      for (const [before, m] of mass[p]) {
        const mask = before | net.stageMask[p];
        const people = m * group.share * cohort;
        expectedArrivals[p] += people;
        if (refs.length === 0) {
          if (!(mask & net.lastStageBit)) lost.add(net.programIds[p], 'dead-end', people);
          end(mask, m);
          continue;
        }
        for (const r of refs) {
          const taken = (m * r.volume) / volume;
          const arrive = taken * handoffFor(r, group);
          const scale = group.share * cohort;
          if (r.closed) lost.add(r.id, 'closed', taken * scale);
          else {
            lost.add(r.id, 'handoff', taken * (1 - r.handoff) * scale);
            lost.add(r.id, 'barrier', (taken * r.handoff - arrive) * scale);
          }
          end(mask, taken - arrive);
          if (arrive > 0) {
            add(flows, r.id, arrive * group.share * cohort);
            mass[r.target].set(mask, (mass[r.target].get(mask) ?? 0) + arrive);
          }
        }
      }
      mass[p].clear();
    }
  });

  const bound = net.programIds.filter((_, i) => net.capacity[i] !== undefined && expectedArrivals[i] > net.capacity[i]!);
  if (bound.length) return { ok: false, reason: `capacity binds at ${bound.length} program${bound.length > 1 ? 's' : ''} (${bound.slice(0, 3).join(', ')}${bound.length > 3 ? ', …' : ''}): people wait, and only Monte-Carlo answers` };
  const reach = Object.fromEntries(net.stages.map((s, i) => [s, net.groups.reduce((sum, group, g) => sum + group.share * reachByGroup[g][i], 0)]));
  const byPopulation = Object.fromEntries(
    net.groups.flatMap((group, g) => (group.id === null ? [] : [[group.id, Object.fromEntries(net.stages.map((s, i) => [s, reachByGroup[g][i]]))]])),
  );
  return { ok: true, answer: { reach, byPopulation, lostAt: lost.lostAt(), lostBy: lost.lostBy(), lostAtBy: lost.lostAtBy(), flows: Object.fromEntries(flows) } };
}
