// Findings ranked by the people they affect (src/analysis/impact.ts states the rule), grouped for
// county-size maps; expected numbers worked out by hand from the rule.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupFindings } from '../../../src/analysis/finding-groups.ts';
import { findingTargets, problemTotal, rankedFindings } from '../../../src/analysis/findings.ts';
import { analyze } from '../../../src/analysis/index.ts';
import { describeImpact } from '../../../src/analysis/sentences.ts';
import type { PathwaysMap } from '../../../src/model/types.ts';
import { DEMO_PATH } from '../../support/demo/build-demo.ts';
import { mapOf, org, program, referral } from '../../fixtures/maps.ts';

// A (stage a, North, 300 served, entry) refers to B (stage b, every area, 200 served) and, broken, to
// C (stages a and b, North, capacity 80). Stage c has no program. People at a stage, shared between a
// program's stages and areas: a = 300 + 80/2 = 340; b = 200 + 40 = 240; b in North = 100 + 40 = 140,
// b in South = 100; c (nothing serves it) = the entrants (300) / 3 stages = 100.
const map = mapOf(
  [
    org('o1'),
    org('o2'),
    program('A', { lifeStages: ['a'], areas: ['n'], served: 300, entryPoint: true, languages: ['en'], organization: 'o1' }),
    program('B', { lifeStages: ['b'], served: 200, organization: 'o2' }),
    program('C', { lifeStages: ['a', 'b'], areas: ['n'], capacity: 80, organization: 'o2' }),
  ],
  [referral('A', 'B', { volume: 50 }), referral('A', 'C', { status: 'broken' })],
  {
    lifeStages: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }],
    areas: [{ id: 'n', label: 'North' }, { id: 's', label: 'South' }],
    populations: [{ id: 'es', label: 'Spanish speakers', share: 0.25, languages: ['es'] }],
  },
);
const report = analyze(map);
const ranked = (simulation: Parameters<typeof rankedFindings>[2] = null) =>
  rankedFindings(map, report, simulation).map((f) => [f.key, f.impact.people, f.impact.basis]);

describe('findings ranked by people affected', () => {
  it('estimates each kind by the rule, most people first', () => {
    expect(ranked()).toEqual([
      ['dead-end::B', 200, 'capacity'], // B's 200 people have nowhere to go after stage b
      ['coverage:a:s:', 170, 'shares'], // 340 at stage a × ½ (two areas)
      ['broken-referral:r2-A-C:', 150, 'capacity'], // no volume: A's 300 over its 2 referrals
      ['transition:b:c:n', 140, 'shares'],
      ['transition:b:c:s', 100, 'shares'],
      ['dead-end::C', 80, 'capacity'],
      ['unreachable::C', 80, 'capacity'],
      ['coverage:c:n:', 50, 'shares'], // 100 × ½
      ['coverage:c:s:', 50, 'shares'],
      ['coverage:a:s:es', 43, 'shares'], // 170 × 0.25 = 42.5
      ['coverage:c:n:es', 13, 'shares'], // 50 × 0.25 = 12.5
      ['coverage:c:s:es', 13, 'shares'],
      ['transition:a:b:s', 0, 'shares'], // no one is at stage a in the South
    ]);
  });

  it('takes losses from the latest simulation, scaled from its cohort to the yearly entrants', () => {
    // 10 of a 100-person cohort lost at B; the map's entry points serve 300 a year: 30 people.
    const withSimulation = ranked({ cohort: 100, lostAt: { B: 10 } });
    expect(withSimulation).toContainEqual(['dead-end::B', 30, 'simulation']);
    expect(withSimulation).toContainEqual(['dead-end::C', 0, 'simulation']);
    expect(withSimulation.findIndex(([key]) => key === 'dead-end::B')).toBeGreaterThan(withSimulation.findIndex(([key]) => key === 'coverage:a:s:es'));
  });

  it('says the number and where it comes from', () => {
    expect(describeImpact({ people: 1240, basis: 'simulation' })).toBe('≈ 1,240 people a year (from the latest simulation)');
    expect(describeImpact({ people: 1, basis: 'capacity' })).toBe('≈ 1 person a year (from program capacity)');
    expect(describeImpact({ people: 0, basis: 'shares' })).toBe('≈ 0 people a year (from population shares)');
  });

  it('has nothing to say about a new map without programs', () => {
    const empty = mapOf([org('o1')]);
    expect(analyze(empty).gaps).toHaveLength(11); // the SPEC's report is unchanged (6 stages, 5 steps)…
    expect(rankedFindings(empty, analyze(empty))).toEqual([]); // …but a new map shows no insights
    expect(problemTotal(empty, analyze(empty))).toBe(0);
    expect(problemTotal(map, report)).toBe(report.gaps.length + report.brokenPathways.length);
  });

  it('frames a finding’s elements: a referral and its ends, a program, the programs around a gap', () => {
    const byKey = new Map(rankedFindings(map, report).map((f) => [f.key, f]));
    expect(findingTargets(byKey.get('broken-referral:r2-A-C:')!, map)).toEqual(['r2-A-C', 'A', 'C']);
    expect(findingTargets(byKey.get('dead-end::B')!, map)).toEqual(['B']);
    expect(findingTargets(byKey.get('coverage:a:s:')!, map)).toEqual(['A', 'C']);
    expect(findingTargets(byKey.get('transition:b:c:s')!, map)).toEqual(['B']);
  });
});

describe('findings in groups', () => {
  const findings = rankedFindings(map, report);

  it('by kind: one group per kind, counts as in the report, the most people first', () => {
    const groups = groupFindings(findings, 'kind', map);
    expect(groups.map((g) => [g.label, g.findings.length, g.people])).toEqual([
      ['Coverage gaps', 6, 170 + 50 + 50 + 43 + 13 + 13],
      ['Dead ends', 2, 280],
      ['Transition gaps', 3, 240],
      ['Broken referrals', 1, 150],
      ['Unreachable programs', 1, 80],
    ]);
  });

  it('by life stage, area and organization, with a group for findings that have none', () => {
    expect(groupFindings(findings, 'stage', map).map((g) => [g.key, g.findings.length])).toEqual([['a', 6], ['b', 3], ['c', 4]]);
    expect(groupFindings(findings, 'area', map).map((g) => [g.label, g.findings.length])).toEqual([['North', 6], ['South', 6], ['Every area', 1]]);
    expect(groupFindings(findings, 'organization', map).map((g) => [g.label, g.findings.length])).toEqual([['No single organization', 9], ['o2', 3], ['o1', 1]]);
  });

  it('on the demo map, ranks the planted problems that affect the most people first', () => {
    const demo: PathwaysMap = JSON.parse(readFileSync(DEMO_PATH, 'utf8'));
    const top = rankedFindings(demo, analyze(demo));
    const kinds = groupFindings(top, 'kind', demo);
    const inReport = analyze(demo);
    expect(Object.fromEntries(kinds.map((g) => [g.key, g.findings.length]))).toEqual(
      Object.fromEntries(
        Object.entries(
          [...inReport.gaps.map((g) => g.kind), ...inReport.brokenPathways.map((p) => p.kind), ...inReport.redundancies.map(() => 'redundancy')].reduce<Record<string, number>>(
            (counts, kind) => ({ ...counts, [kind]: (counts[kind] ?? 0) + 1 }),
            {},
          ),
        ),
      ),
    );
    for (let i = 1; i < top.length; i++) expect(top[i - 1].impact.people).toBeGreaterThanOrEqual(top[i].impact.people);
    expect(top.slice(0, 3).map((f) => f.text)).toContain('No open program serves early childhood in South Side.');
  });
});
