// Monte-Carlo: people one by one through the referral network, with seeded draws. Capacity binds here:
// a program serves its first `capacity` arrivals of the year; later arrivals wait, and each gives up
// while waiting with probability WAIT_DROPOUT (lost at that program) or is served late.
import { seededRandom } from '../model/random.ts';
import { LossTally } from './losses.ts';
import { handoffFor, type SimNetwork } from './network.ts';
import type { SimulationResult } from './types.ts';

export const WAIT_DROPOUT = 0.5;

function pickIndex(cumulative: number[], draw: number): number {
  const target = draw * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Where people entered: the chosen stage and each entry point's share of the cohort. */
export function entrySummary(net: SimNetwork): SimulationResult['entry'] {
  const total = net.entries.reduce((sum, e) => sum + e.weight, 0);
  return { ...(net.entryStage !== undefined ? { stage: net.entryStage } : {}), programs: Object.fromEntries(net.entries.map((e) => [e.id, total > 0 ? e.weight / total : 0])) };
}

const cumulate = (weights: number[]) => weights.reduce<number[]>((acc, w) => (acc.push((acc.at(-1) ?? 0) + w), acc), []);

export function monteCarlo(net: SimNetwork, cohort: number, seed: number, onProgress?: (done: number) => void): SimulationResult {
  const random = seededRandom(seed);
  const n = net.programIds.length;
  const stageCount = net.stages.length;
  const reached = new Float64Array(stageCount);
  const reachedBy = net.groups.map(() => new Float64Array(stageCount));
  const groupSize = new Float64Array(net.groups.length);
  const lost = new LossTally();
  const flows = new Map<string, number>();
  const arrivals = new Int32Array(n);
  const visitedStamp = new Int32Array(n);
  const groupCumulative = cumulate(net.groups.map((g) => g.share));
  const entryCumulative = cumulate(net.entries.map((e) => e.weight));
  const handoffs = net.groups.map((group) => net.out.map((refs) => refs.map((r) => handoffFor(r, group))));
  const choice = new Float64Array(Math.max(1, ...net.out.map((refs) => refs.length)));
  let completed = 0;

  for (let person = 1; person <= cohort; person++) {
    if (onProgress && person % 10_000 === 0) onProgress(person);
    const g = net.groups.length ? pickIndex(groupCumulative, random()) : -1;
    if (g >= 0) groupSize[g]++;
    if (!net.entries.length) continue;
    const entry = net.entries[pickIndex(entryCumulative, random())];
    if (entry.program < 0) {
      lost.add(entry.id, 'entry', 1);
      continue;
    }
    let at = entry.program;
    let mask = 0;
    for (;;) {
      visitedStamp[at] = person;
      const capacity = net.capacity[at];
      if (capacity !== undefined && ++arrivals[at] > capacity && random() < WAIT_DROPOUT) {
        lost.add(net.programIds[at], 'capacity', 1);
        break;
      } else if (capacity === undefined) arrivals[at]++;
      mask |= net.stageMask[at];
      // Usable referrals to programs this person has not been to, by volume.
      const refs = net.out[at];
      let total = 0;
      for (let k = 0; k < refs.length; k++) total = choice[k] = total + (visitedStamp[refs[k].target] === person ? 0 : refs[k].volume);
      if (total === 0) {
        if (mask & net.lastStageBit) completed++;
        else lost.add(net.programIds[at], 'dead-end', 1);
        break;
      }
      const draw = random() * total;
      let k = 0;
      while (choice[k] <= draw) k++;
      const referral = refs[k];
      const success = g >= 0 ? handoffs[g][at][k] : referral.handoff;
      const handoffDraw = random();
      if (handoffDraw >= success) {
        // A draw the hand-off would have passed without the barrier is a loss the barrier adds.
        lost.add(referral.id, referral.closed ? 'closed' : handoffDraw < referral.handoff ? 'barrier' : 'handoff', 1);
        break;
      }
      flows.set(referral.id, (flows.get(referral.id) ?? 0) + 1);
      at = referral.target;
    }
    for (let s = 0; s < stageCount; s++) {
      if (mask & (1 << s)) {
        reached[s]++;
        if (g >= 0) reachedBy[g][s]++;
      }
    }
  }
  const share = (count: number, of: number) => (of > 0 ? count / of : 0);
  return {
    cohort,
    seed,
    mode: 'monte-carlo',
    entry: entrySummary(net),
    reach: Object.fromEntries(net.stages.map((s, i) => [s, share(reached[i], cohort)])),
    byPopulation: Object.fromEntries(
      net.groups.flatMap((group, g) => (group.id === null ? [] : [[group.id, Object.fromEntries(net.stages.map((s, i) => [s, share(reachedBy[g][i], groupSize[g])]))]])),
    ),
    lostAt: lost.lostAt(),
    lostBy: lost.lostBy(),
    lostAtBy: lost.lostAtBy(),
    overCapacity: net.programIds.filter((_, i) => net.capacity[i] !== undefined && arrivals[i] > net.capacity[i]!),
    flows: Object.fromEntries(flows),
    completed,
  };
}
