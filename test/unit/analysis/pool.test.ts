// Betweenness split over a pool of workers gives the single-thread answer, the same on every run
// whatever order the workers finish in, and never gives one worker two jobs at once.
import { describe, expect, it } from 'vitest';
import { analyze, analyzeWithPool } from '../../../src/analysis/index.ts';
import { betweenness, betweennessRange } from '../../../src/analysis/centrality.ts';
import { buildNetwork } from '../../../src/analysis/network.ts';
import { IdleQueuePool, type RangeJob } from '../../../src/analysis/pool.ts';
import { clearStructureCache, pooledBetweenness } from '../../../src/analysis/structure-cache.ts';
import { createThreadPool } from '../../../src/cli/thread-pool.ts';
import { seededRandom } from '../../../src/model/random.ts';
import { syntheticMap } from '../../../src/model/synthetic.ts';

/** In-process workers that finish after seeded random delays, and record any overlap. */
function delayedWorkers(count: number, seed: number, overlaps: { count: number }): RangeJob[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    let busy = false;
    return async (offsets, adjacency, from, to) => {
      if (busy) overlaps.count++;
      busy = true;
      await new Promise((resolve) => setTimeout(resolve, random() * 5));
      busy = false;
      return betweennessRange(offsets, adjacency, from, to);
    };
  });
}

describe('betweenness on a pool', () => {
  const network = buildNetwork(syntheticMap(150, 7));
  const single = betweenness(network);

  it('agrees with the single-thread computation', async () => {
    const overlaps = { count: 0 };
    const pooled = await pooledBetweenness(network, new IdleQueuePool(delayedWorkers(3, 1, overlaps)));
    expect(pooled.length).toBe(single.length);
    for (let i = 0; i < single.length; i++) expect(pooled[i]).toBeCloseTo(single[i], 12);
    expect(overlaps.count).toBe(0);
  });

  it('is bit-for-bit the same whatever order the workers finish in', async () => {
    const runs = await Promise.all([1, 2, 3].map((seed) => pooledBetweenness(network, new IdleQueuePool(delayedWorkers(3, seed, { count: 0 })))));
    expect([...runs[1]]).toEqual([...runs[0]]);
    expect([...runs[2]]).toEqual([...runs[0]]);
  });

  it('runs on real worker threads and gives the same report as one thread', async () => {
    const map = syntheticMap(700, 5);
    clearStructureCache();
    const expected = analyze(map);
    clearStructureCache();
    const pool = createThreadPool(2);
    expect(pool).not.toBeNull();
    try {
      const report = await analyzeWithPool(map, {}, pool);
      expect(report).toEqual(expected);
    } finally {
      await pool!.close();
    }
  });
});
