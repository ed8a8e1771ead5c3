// Scenarios change exactly what they claim; the CLI prints the SPEC's shape and refuses bad input.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { applyScenario, compareScenario, validateScenario, whoIsCritical } from '../../../src/simulation/scenarios.ts';
import { DEMO_PATH } from '../../support/demo/build-demo.ts';
import { memoryIo } from '../../support/memory-io.ts';
import { mapOf, org, program, referral } from '../../fixtures/maps.ts';

const broken = referral('B', 'C', { status: 'broken', handoffRate: 1 });
const base = mapOf(
  [
    org('o1'),
    org('o2'),
    program('A', { organization: 'o1', entryPoint: true, lifeStages: ['prenatal-birth'] }),
    program('B', { organization: 'o1', lifeStages: ['early-childhood'] }),
    program('C', { organization: 'o2', lifeStages: ['k12'], capacity: 5000 }),
  ],
  [referral('A', 'B', { handoffRate: 1 }), broken],
);

describe('scenarios', () => {
  it('fixing a broken referral sends people on: exactly the people who reach B now reach K–12', () => {
    const { difference, exact, margin } = compareScenario(base, { changes: [{ kind: 'fix-referral', edge: broken.id }] }, { cohort: 1000 });
    expect(exact).toBe(true);
    expect(Object.values(margin).every((m) => m === 0)).toBe(true);
    // Everyone reaches B (hand-off 1); the fixed referral carries them on with hand-off 1.
    expect(difference.reach).toEqual({ 'prenatal-birth': 0, 'early-childhood': 0, k12: 1000, postsecondary: 0, workforce: 0, aging: 0 });
  });

  it('removing an organization removes its programs and their ties, nothing else', () => {
    const changed = applyScenario(base, { changes: [{ kind: 'remove-organization', organization: 'o1' }] });
    expect(changed.nodes.map((n) => n.id)).toEqual(['o2', 'C']);
    expect(changed.edges).toEqual([]);
    expect(base.nodes).toHaveLength(5);
  });

  it('adds a referral and capacity where asked', () => {
    const changed = applyScenario(base, { changes: [{ kind: 'add-referral', source: 'A', target: 'C', volume: 3 }, { kind: 'add-capacity', program: 'C', capacity: 250 }] });
    expect(changed.edges.at(-1)).toMatchObject({ type: 'referral', source: 'A', target: 'C', status: 'active', volume: 3 });
    expect(changed.nodes.find((n) => n.id === 'C')).toMatchObject({ capacity: 5250 });
  });

  it('names every problem of a scenario by its path', () => {
    const { scenario, problems } = validateScenario({ changes: [{ kind: 'fix-referral', edge: 'nope' }, { kind: 'add-capacity', program: 'o1', capacity: -1 }, { kind: 'teleport' }] }, base);
    expect(scenario).toBeNull();
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'changes[0].edge: no referral "nope"',
      'changes[1].program: no program "o1"',
      'changes[1].capacity: must be a number of at least 0',
      'changes[2].kind: must be one of: remove-organization, fix-referral, add-referral, add-capacity, add-funding',
    ]);
  });

  it('ranks the organization whose closing loses the most first', () => {
    const ranking = whoIsCritical(base, { cohort: 1000 });
    // Without o1 no one enters at all (1,000 people × 2 stages); without o2 nothing changes (the referral to C is broken).
    expect(ranking).toEqual([{ organization: 'o1', lost: 2000 }, { organization: 'o2', lost: 0 }]);
  });
});

describe('cli simulate', () => {
  const demo = readFileSync(DEMO_PATH, 'utf8');

  it('--json prints the SPEC shape, the same for the same seed', async () => {
    const first = memoryIo({ 'demo.json': demo });
    expect(await main(['simulate', 'demo.json', '--cohort', '3000', '--seed', '4', '--json'], first.io)).toBe(0);
    const result = JSON.parse(first.stdout());
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['cohort', 'seed', 'reach', 'byPopulation', 'lostAt', 'overCapacity']));
    expect(result.cohort).toBe(3000);
    expect(Object.keys(result.byPopulation).sort()).toEqual(['spanish-speaking', 'vietnamese-speaking']);
    const again = memoryIo({ 'demo.json': demo });
    await main(['simulate', 'demo.json', '--cohort', '3000', '--seed', '4', '--json'], again.io);
    expect(again.stdout()).toBe(first.stdout());
  });

  it('compares a scenario file and refuses a bad one with its problems, exit 1', async () => {
    const good = memoryIo({ 'demo.json': demo, 'fix.json': JSON.stringify({ label: 'Fix ref-5', changes: [{ kind: 'fix-referral', edge: 'ref-5' }] }) });
    expect(await main(['simulate', 'demo.json', '--scenario', 'fix.json', '--json'], good.io)).toBe(0);
    expect(JSON.parse(good.stdout()).scenario.label).toBe('Fix ref-5');
    const bad = memoryIo({ 'demo.json': demo, 'bad.json': JSON.stringify({ changes: [{ kind: 'fix-referral', edge: 'ref-999' }] }) });
    expect(await main(['simulate', 'demo.json', '--scenario', 'bad.json'], bad.io)).toBe(1);
    expect(bad.stderr()).toContain('changes[0].edge: no referral "ref-999"');
    const badCohort = memoryIo({ 'demo.json': demo });
    expect(await main(['simulate', 'demo.json', '--cohort', 'many'], badCohort.io)).toBe(1);
    expect(badCohort.stderr()).toContain('--cohort must be a whole number');
  });
});
