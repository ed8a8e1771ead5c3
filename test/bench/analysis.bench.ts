// Issue 3 figures: full analysis of synthetic maps; recompute after one edit; parts broken down.
import { analyze, analyzeWithPool } from '../../src/analysis/index.ts';
import { createThreadPool } from '../../src/cli/thread-pool.ts';
import { availableParallelism } from 'node:os';
import { mapContext } from '../../src/analysis/context.ts';
import { coverageGaps, transitionGaps } from '../../src/analysis/gaps.ts';
import { brokenPathways } from '../../src/analysis/pathways.ts';
import { redundancies } from '../../src/analysis/redundancy.ts';
import { structure } from '../../src/analysis/structure.ts';
import { clearStructureCache } from '../../src/analysis/structure-cache.ts';
import { betweenness } from '../../src/analysis/centrality.ts';
import { buildNetwork, toGraphology } from '../../src/analysis/network.ts';
import { betweenness as graphologyBetweenness } from 'graphology-metrics/centrality/index.js';
import { syntheticMap } from '../../src/model/synthetic.ts';
import { measure } from './measure.ts';

export default async function () {
  for (const size of [500, 2000, 5000]) {
    const map = syntheticMap(size);
    const cold = () => {
      clearStructureCache();
      return analyze(map);
    };
    await measure(`full analysis (cold), ${size} programs / ${map.edges.length} ties (goal 5,000: < 2 s)`, cold, size === 5000 ? 3 : 5);
  }
  const map = syntheticMap(5000);
  const pool = createThreadPool();
  if (pool) {
    await measure(`full analysis (cold), 5,000 programs, ${pool.size} threads (${availableParallelism()} cores here)`, () => {
      clearStructureCache();
      return analyzeWithPool(map, {}, pool);
    }, 3);
    await pool.close();
  }
  const ctx = mapContext(map);
  await measure('  coverage + transition gaps (5,000)', () => [coverageGaps(ctx), transitionGaps(ctx)]);
  await measure('  broken pathways (5,000)', () => brokenPathways(ctx));
  await measure('  redundancy on services (5,000), cold', () => redundancies(mapContext({ ...map, meta: { ...map.meta, redundancyThreshold: 0.5 + Math.random() * 1e-9 } })));
  await measure('  structure: all metrics (5,000)', () => structure(map), 3);
  const network = buildNetwork(map);
  await measure('  betweenness, ours (5,000)', () => betweenness(network), 3);
  await measure('  betweenness, graphology-metrics (5,000), for comparison', () => graphologyBetweenness(toGraphology(network), { getEdgeWeight: null }), 1);

  let relabel = 0;
  await measure('recompute after a field edit, 5,000 programs (structure and redundancy reused)', () => {
    const nodes = map.nodes.map((n) => (n.id === 'P10' ? { ...n, label: `Program 10 (${relabel++})` } : n));
    return analyze({ ...map, nodes });
  }, 3);

  const thousand = syntheticMap(1000);
  let flip = false;
  await measure('recompute after a field edit, 1,000 programs (goal < 100 ms)', () => {
    flip = !flip;
    const nodes = thousand.nodes.map((n) => (n.id === 'P10' ? { ...n, status: flip ? ('closed' as const) : ('active' as const) } : n));
    return analyze({ ...thousand, nodes });
  });
  let extra = 0;
  await measure('recompute after adding a tie, 1,000 programs (structure recomputed)', () => {
    const edge = { id: `bench-${extra++}`, type: 'referral' as const, source: 'P1', target: `P${extra + 2}`, status: 'active' as const };
    return analyze({ ...thousand, edges: [...thousand.edges, edge] });
  });
}
