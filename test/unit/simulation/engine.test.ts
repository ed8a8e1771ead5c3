// The cohort model on small maps whose answers are worked out by hand (SPEC "What simulation means
// here"); Monte-Carlo checked against the exact answer within sampling error.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/simulation/index.ts';
import { validateMap } from '../../../src/model/validate.ts';
import type { PathwaysMap } from '../../../src/model/types.ts';
import { DEMO_PATH } from '../../support/demo/build-demo.ts';
import { mapOf, program, referral } from '../../fixtures/maps.ts';

const entry = (id: string, stage: string, fields = {}) => program(id, { entryPoint: true, lifeStages: [stage], ...fields });
const at = (id: string, stage: string, fields = {}) => program(id, { lifeStages: [stage], ...fields });
const exactOf = (map: PathwaysMap, cohort = 1000) => {
  const run = simulate(map, { cohort, exact: true });
  if (!run.exact) throw new Error(`no exact answer: ${run.exactUnavailable}`);
  return run.exact;
};

describe('exact answers worked by hand', () => {
  it('a chain: each default active hand-off keeps 80%', () => {
    const r1 = referral('A', 'B');
    const r2 = referral('B', 'C');
    const exact = exactOf(mapOf([entry('A', 'prenatal-birth'), at('B', 'early-childhood'), at('C', 'k12')], [r1, r2]));
    expect(exact.reach['prenatal-birth']).toBeCloseTo(1, 12);
    expect(exact.reach['early-childhood']).toBeCloseTo(0.8, 12);
    expect(exact.reach.k12).toBeCloseTo(0.64, 12);
    expect(exact.reach.workforce).toBe(0);
    // 200 lost at the first hand-off, 160 at the second, 640 end at C before the last stage.
    expect(exact.lostAt[r1.id]).toBeCloseTo(200, 9);
    expect(exact.lostAt[r2.id]).toBeCloseTo(160, 9);
    expect(exact.lostAt.C).toBeCloseTo(640, 9);
    expect(exact.flows[r2.id]).toBeCloseTo(640, 9);
  });

  it('a weighted branch: choice by referral volume; informal referrals keep 50%', () => {
    const exact = exactOf(
      mapOf([entry('A', 'prenatal-birth'), at('B', 'early-childhood'), at('C', 'k12')], [
        referral('A', 'B', { volume: 30, handoffRate: 1 }),
        referral('A', 'C', { volume: 10, status: 'informal' }),
      ]),
    );
    expect(exact.reach['early-childhood']).toBeCloseTo(0.75, 12);
    expect(exact.reach.k12).toBeCloseTo(0.25 * 0.5, 12);
  });

  it('a language mismatch applies the population’s barrier; others pass freely', () => {
    const map = mapOf([entry('A', 'prenatal-birth'), at('B', 'early-childhood', { languages: ['en'] })], [referral('A', 'B', { handoffRate: 1 })], {
      populations: [{ id: 'es', label: 'Spanish-speaking', share: 0.4, languages: ['es'], barrier: 0.5 }],
    });
    const exact = exactOf(map);
    expect(exact.byPopulation.es['early-childhood']).toBeCloseTo(0.5, 12);
    expect(exact.reach['early-childhood']).toBeCloseTo(0.4 * 0.5 + 0.6 * 1, 12);
  });

  it('a hand-off into a paused program always fails, and a dead end loses everyone there', () => {
    const r = referral('A', 'B', { handoffRate: 1 });
    const exact = exactOf(mapOf([entry('A', 'prenatal-birth'), at('B', 'early-childhood', { status: 'paused' })], [r]));
    expect(exact.reach['early-childhood']).toBe(0);
    expect(exact.lostAt[r.id]).toBeCloseTo(1000, 9);
    const alone = exactOf(mapOf([entry('A', 'prenatal-birth')]));
    expect(alone.lostAt.A).toBeCloseTo(1000, 9);
  });

  it('splits entry by entryWeight, and reaching the last stage is completion, not loss', () => {
    const exact = exactOf(mapOf([entry('A', 'prenatal-birth', { entryWeight: 3 }), entry('Z', 'aging')]));
    expect(exact.reach['prenatal-birth']).toBeCloseTo(0.75, 12);
    expect(exact.reach.aging).toBeCloseTo(0.25, 12);
    expect(exact.lostAt.Z).toBeUndefined();
  });
});

describe('Monte-Carlo', () => {
  it('in a cycle, no one goes back to a program already visited (and exact declines)', () => {
    const there = referral('A', 'B', { handoffRate: 1 });
    const back = referral('B', 'A', { handoffRate: 1 });
    const run = simulate(mapOf([entry('A', 'prenatal-birth'), at('B', 'aging')], [there, back]), { cohort: 500, exact: true });
    expect(run.exact).toBeUndefined();
    expect(run.exactUnavailable).toMatch(/cycle/);
    expect(run.flows[there.id]).toBe(500);
    expect(run.flows[back.id]).toBeUndefined();
    expect(run.completed).toBe(500);
    expect(run.lostAt).toEqual({});
  });

  it('gives the same result for the same seed, and another for another seed', () => {
    const map = mapOf([entry('A', 'prenatal-birth'), at('B', 'early-childhood')], [referral('A', 'B')]);
    expect(simulate(map, { cohort: 2000, seed: 7 })).toEqual(simulate(map, { cohort: 2000, seed: 7 }));
    expect(simulate(map, { cohort: 2000, seed: 7 }).reach).not.toEqual(simulate(map, { cohort: 2000, seed: 8 }).reach);
  });

  it('past capacity people wait and half give up; exact declines where capacity binds', () => {
    const onward = referral('A', 'Z', { handoffRate: 1 });
    const run = simulate(mapOf([entry('A', 'prenatal-birth', { capacity: 100 }), at('Z', 'aging')], [onward]), { cohort: 1000, exact: true });
    expect(run.overCapacity).toEqual(['A']);
    // 900 wait past capacity; each gives up with probability 0.5: 450, one standard error 15.
    expect(Math.abs(run.lostAt.A - 450)).toBeLessThanOrEqual(4 * 15);
    expect(run.flows[onward.id]).toBe(1000 - run.lostAt.A);
    expect(run.exactUnavailable).toMatch(/capacity binds at 1 program \(A\)/);
  });

  it('agrees with the exact answer within sampling error on a branching map with barriers', () => {
    const map = mapOf(
      [entry('A', 'prenatal-birth'), entry('A2', 'prenatal-birth'), at('B', 'early-childhood', { languages: ['en'] }), at('C', 'early-childhood'), at('D', 'k12', { areas: ['north'] }), at('E', 'workforce')],
      [referral('A', 'B', { volume: 2 }), referral('A', 'C'), referral('A2', 'C', { status: 'informal' }), referral('B', 'D'), referral('C', 'D', { volume: 5 }), referral('C', 'E'), referral('D', 'E', { handoffRate: 0.9 })],
      { populations: [{ id: 'es', label: 'es', share: 0.3, languages: ['es'], barrier: 0.6 }, { id: 'south', label: 'south', share: 0.2, areas: ['south'], barrier: 0.4 }] },
    );
    const cohort = 40_000;
    const run = simulate(map, { cohort, seed: 3, exact: true });
    expect(run.exact).toBeDefined();
    for (const [stage, p] of Object.entries(run.exact!.reach)) {
      const se = Math.sqrt((p * (1 - p)) / cohort);
      expect(Math.abs(run.reach[stage] - p)).toBeLessThanOrEqual(4 * se + 1e-9);
    }
    const es = run.exact!.byPopulation.es;
    for (const [stage, p] of Object.entries(es)) {
      const se = Math.sqrt((p * (1 - p)) / (cohort * 0.3));
      expect(Math.abs(run.byPopulation.es[stage] - p)).toBeLessThanOrEqual(4 * se + 1e-9);
    }
  });

  it('runs the demo map, with an equity gap the language barrier makes (and that closes without it)', () => {
    const demo = validateMap(JSON.parse(readFileSync(DEMO_PATH, 'utf8'))).map!;
    const cohort = 20_000;
    const run = simulate(demo, { cohort, seed: 1 });
    expect(Object.values(run.lostAt).reduce((a, b) => a + b, 0) + run.completed).toBe(cohort);
    const population = demo.meta.populations!.find((p) => p.id === 'vietnamese-speaking')!;
    const gap = (result: typeof run) => {
      const everyone = result.reach.k12;
      const theirs = result.byPopulation[population.id].k12;
      return { gap: everyone - theirs, se: Math.sqrt((theirs * (1 - theirs)) / (cohort * population.share!)) };
    };
    // Vietnamese-speaking families reach K–12 clearly less often than everyone…
    const withBarrier = gap(run);
    expect(withBarrier.gap).toBeGreaterThan(3 * withBarrier.se);
    // …because of their barrier: without it the gap is within sampling error.
    const noBarrier = { ...demo, meta: { ...demo.meta, populations: demo.meta.populations!.map((p) => ({ ...p, barrier: 0 })) } };
    const without = gap(simulate(noBarrier, { cohort, seed: 1 }));
    expect(Math.abs(without.gap)).toBeLessThan(3 * without.se);
  });
});
