// Where people enter (all entry points, or one life stage's), kept by scenarios (lost at entry, never
// sent elsewhere), and why people are lost (SPEC `lostBy`), in Monte-Carlo and the exact answer.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { validateMap } from '../../../src/model/validate.ts';
import { simulate } from '../../../src/simulation/index.ts';
import { compareScenario } from '../../../src/simulation/scenarios.ts';
import { DEMO_PATH } from '../../support/demo/build-demo.ts';
import { memoryIo } from '../../support/memory-io.ts';
import { mapOf, org, program, referral } from '../../fixtures/maps.ts';

const demoText = readFileSync(DEMO_PATH, 'utf8');
const demo = validateMap(JSON.parse(demoText)).map!;

describe('where people enter', () => {
  const map = mapOf([
    program('A', { entryPoint: true, lifeStages: ['prenatal-birth'], entryWeight: 3 }),
    program('B', { entryPoint: true, lifeStages: ['prenatal-birth', 'early-childhood'] }),
    program('Z', { entryPoint: true, lifeStages: ['aging'] }),
    program('shut', { entryPoint: true, lifeStages: ['prenatal-birth'], status: 'closed' }),
  ]);

  it('at all open entry points by weight, or only those serving the chosen stage', () => {
    const all = simulate(map, { cohort: 100, exact: true });
    expect(all.entry).toEqual({ programs: { A: 0.6, B: 0.2, Z: 0.2 } });
    expect(all.exact!.reach.aging).toBeCloseTo(0.2, 12);
    const prenatal = simulate(map, { cohort: 100, exact: true, entry: 'prenatal-birth' });
    expect(prenatal.entry).toEqual({ stage: 'prenatal-birth', programs: { A: 0.75, B: 0.25 } });
    expect(prenatal.exact!.reach['prenatal-birth']).toBeCloseTo(1, 12);
    expect(prenatal.exact!.reach.aging).toBe(0);
    expect(prenatal.reach['prenatal-birth']).toBe(1);
  });

  it('a scenario keeps the baseline split: entrants of a removed organization are lost at entry', () => {
    const two = mapOf(
      [org('o1'), org('o2'), program('A', { organization: 'o1', entryPoint: true, lifeStages: ['prenatal-birth'] }), program('B', { organization: 'o2', entryPoint: true, lifeStages: ['prenatal-birth'] })],
    );
    const { difference, scenario } = compareScenario(two, { changes: [{ kind: 'remove-organization', organization: 'o1' }] }, { cohort: 1000 });
    expect(difference.reach['prenatal-birth']).toBe(-500);
    expect(scenario.exact!.lostAtBy.A).toEqual({ entry: 500 });
    expect(scenario.exact!.lostBy.entry).toBe(500);
    expect(scenario.lostBy.entry).toBeGreaterThan(400);
  });

  it('removing any demo organization never raises any stage’s reach beyond two standard errors', () => {
    const organizations = demo.nodes.filter((n) => n.type === 'organization');
    expect(organizations.length).toBeGreaterThan(10);
    for (const organization of organizations) {
      const { difference, margin } = compareScenario(demo, { changes: [{ kind: 'remove-organization', organization: organization.id }] }, { cohort: 4000, seed: 2 });
      for (const stage of Object.keys(difference.reach)) expect(difference.reach[stage], `${organization.label}, ${stage}`).toBeLessThanOrEqual(margin[stage]);
    }
  });
});

describe('why people are lost', () => {
  // A → B (hand-off 0.8; B is English-only, the population speaks Spanish with barrier 0.5);
  // A → C (closed); B is a dead end before the last stage.
  const toB = referral('A', 'B', { volume: 3 });
  const toClosed = referral('A', 'C');
  const map = mapOf(
    [program('A', { entryPoint: true, lifeStages: ['prenatal-birth'] }), program('B', { lifeStages: ['early-childhood'], languages: ['en'] }), program('C', { lifeStages: ['k12'], status: 'closed' })],
    [toB, toClosed],
    { populations: [{ id: 'es', label: 'Spanish', share: 0.5, languages: ['es'], barrier: 0.5 }] },
  );

  it('exact: hand-off, the share the barrier adds, closed, dead end — adding up to everyone', () => {
    const { exact } = simulate(map, { cohort: 1000, exact: true });
    // 750 take the referral to B: 20% fail anyway (150); for the Spanish half the barrier halves
    // the 80% that would arrive (375 × 0.8 × 0.5 = 150). 250 are sent to the closed program.
    expect(exact!.lostAtBy[toB.id].handoff).toBeCloseTo(150, 9);
    expect(exact!.lostAtBy[toB.id].barrier).toBeCloseTo(150, 9);
    expect(exact!.lostAtBy[toClosed.id]).toEqual({ closed: 250 });
    expect(exact!.lostAtBy.B['dead-end']).toBeCloseTo(450, 9);
    expect(Object.values(exact!.lostBy).reduce((a, b) => a + b, 0)).toBeCloseTo(1000, 9);
  });

  it('Monte-Carlo agrees with the exact reasons within sampling error', () => {
    const cohort = 20_000;
    const run = simulate(map, { cohort, seed: 5, exact: true });
    for (const [reason, people] of Object.entries(run.exact!.lostBy)) {
      const p = people / cohort;
      expect(Math.abs((run.lostBy[reason as keyof typeof run.lostBy] ?? 0) - people), reason).toBeLessThanOrEqual(4 * Math.sqrt(p * (1 - p) * cohort));
    }
    expect(Object.values(run.lostBy).reduce((a, b) => a + b, 0)).toBe(cohort);
  });

  it('capacity: those who give up waiting are lost for that reason', () => {
    const run = simulate(mapOf([program('A', { entryPoint: true, lifeStages: ['aging'], capacity: 10 })]), { cohort: 200 });
    expect(Object.keys(run.lostBy)).toEqual(['capacity']);
    expect(run.lostAtBy.A.capacity).toBe(run.lostAt.A);
  });
});

describe('cli simulate --entry', () => {
  it('prints where people entered in --json and in words; refuses a stage the map does not have', async () => {
    const json = memoryIo({ 'demo.json': demoText });
    expect(await main(['simulate', 'demo.json', '--entry', 'prenatal-birth', '--cohort', '500', '--json'], json.io)).toBe(0);
    const result = JSON.parse(json.stdout());
    expect(result.entry.stage).toBe('prenatal-birth');
    const entered = Object.keys(result.entry.programs);
    expect(entered.length).toBeGreaterThan(0);
    for (const id of entered) expect(demo.nodes.find((n) => n.id === id)).toMatchObject({ entryPoint: true, lifeStages: expect.arrayContaining(['prenatal-birth']) });
    expect(Object.values(result.entry.programs as Record<string, number>).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(Object.values(result.lostBy as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(Object.values(result.lostAt as Record<string, number>).reduce((a, b) => a + b, 0));
    const text = memoryIo({ 'demo.json': demoText });
    await main(['simulate', 'demo.json', '--entry', 'prenatal-birth', '--cohort', '500'], text.io);
    expect(text.stdout()).toContain(`Entering at: The ${entered.length} entry points serving Prenatal & birth`);
    expect(text.stdout()).toMatch(/Lost, by reason: .*hand-off failed \d+/);
    const bad = memoryIo({ 'demo.json': demoText });
    expect(await main(['simulate', 'demo.json', '--entry', 'teens'], bad.io)).toBe(1);
    expect(bad.stderr()).toContain('--entry must be a life stage of demo.json: prenatal-birth, early-childhood');
  });
});
