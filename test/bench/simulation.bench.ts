// Issue 5 figures: 100,000 people through the 5,000-program synthetic map, the exact answer on an
// acyclic version of it, and "who is critical" (one scenario per organization) on the demo map.
import { readFileSync } from 'node:fs';
import { simulate } from '../../src/simulation/index.ts';
import { whoIsCritical } from '../../src/simulation/scenarios.ts';
import { syntheticMap } from '../../src/model/synthetic.ts';
import { validateMap } from '../../src/model/validate.ts';
import type { PathwaysMap } from '../../src/model/types.ts';
import { DEMO_PATH } from '../support/demo/build-demo.ts';
import { measure } from './measure.ts';

/** Entry points at the first stage, and only referrals that go forward by id: no cycle, so exact applies. */
function acyclic(map: PathwaysMap): PathwaysMap {
  const order = new Map(map.nodes.map((n, i) => [n.id, i]));
  const nodes = map.nodes.map((n) => (n.type === 'program' ? { ...n, entryPoint: n.lifeStages?.[0] === 'prenatal-birth', capacity: undefined } : n));
  return { ...map, nodes, edges: map.edges.filter((e) => e.type !== 'referral' || order.get(e.source)! < order.get(e.target)!) };
}

export default async function () {
  const big = acyclic(syntheticMap(5000));
  await measure('Monte-Carlo, 100,000 people, 5,000 programs (goal < 1 s)', () => simulate(big, { cohort: 100_000 }), 3);
  await measure('exact answer, 5,000 programs (acyclic referrals)', () => {
    const run = simulate(big, { cohort: 0, exact: true });
    if (!run.exact) throw new Error(run.exactUnavailable);
  }, 3);
  const demo = validateMap(JSON.parse(readFileSync(DEMO_PATH, 'utf8'))).map!;
  await measure(`who is critical, demo map (${demo.nodes.filter((n) => n.type === 'organization').length} organizations × 10,000 people)`, () => whoIsCritical(demo, { cohort: 10_000 }), 3);
}
