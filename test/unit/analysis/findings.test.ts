// Gaps, broken pathways and redundancies on small crafted maps, expected values worked out by hand.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/index.ts';
import { mapOf, org, program, referral } from '../../fixtures/maps.ts';

const stages = [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }];
const areas = [{ id: 'n', label: 'North' }, { id: 's', label: 'South' }];

describe('coverage gaps', () => {
  it('finds each (stage, area) no open program serves; no areas listed means every area', () => {
    const map = mapOf(
      [program('p1', { lifeStages: ['a'], areas: ['n'] }), program('p2', { lifeStages: ['b'] }), program('p3', { lifeStages: ['c'], areas: ['s'], status: 'closed' })],
      [],
      { lifeStages: stages, areas },
    );
    expect(analyze(map).gaps.filter((g) => g.kind === 'coverage')).toEqual([
      { kind: 'coverage', stage: 'a', area: 's' },
      { kind: 'coverage', stage: 'c', area: 'n' },
      { kind: 'coverage', stage: 'c', area: 's' },
    ]);
  });

  it('adds population gaps: eligibility and the language rule', () => {
    const populations = [{ id: 'es', label: 'Spanish', languages: ['es'] }, { id: 'vets', label: 'Veterans' }];
    const map = mapOf(
      [
        program('english', { lifeStages: ['a'], languages: ['en'] }),
        program('spanish-mx', { lifeStages: ['b'], languages: ['es-MX'] }),
        program('vets-only', { lifeStages: ['c'], populations: ['vets'] }),
      ],
      [],
      { lifeStages: stages, populations },
    );
    expect(analyze(map).gaps.filter((g) => g.kind === 'coverage')).toEqual([
      // stage a: English only → Spanish speakers not served; veterans (no language stated) are.
      { kind: 'coverage', stage: 'a', population: 'es' },
      // stage c: only veterans are eligible.
      { kind: 'coverage', stage: 'c', population: 'es' },
    ]);
  });

  it('checks a population only in the areas it lives in', () => {
    const populations = [{ id: 'rural', label: 'Rural', areas: ['n'] }];
    const map = mapOf([program('p', { lifeStages: ['a'], areas: ['n'], populations: ['rural'] })], [], { lifeStages: [stages[0]], areas, populations });
    expect(analyze(map).gaps).toEqual([{ kind: 'coverage', stage: 'a', area: 's' }]);
  });

  it('programs with no stages serve no stage; unknown areas never match', () => {
    const map = mapOf([program('nostage'), program('elsewhere', { lifeStages: ['a'], areas: ['atlantis'] })], [], { lifeStages: [stages[0]], areas });
    expect(analyze(map).gaps.map((g) => g.kind === 'coverage' && g.area)).toEqual(['n', 's']);
  });
});

describe('transition gaps', () => {
  it('needs a usable referral from stage s to s+1, per area when both programs serve it', () => {
    const map = mapOf(
      [
        program('a-all', { lifeStages: ['a'] }),
        program('b-north', { lifeStages: ['b'], areas: ['n'] }),
        program('b-south', { lifeStages: ['b'], areas: ['s'] }),
        program('c-all', { lifeStages: ['c'] }),
      ],
      [
        referral('a-all', 'b-north'),
        referral('a-all', 'b-south', { status: 'proposed' }),
        referral('b-north', 'c-all', { status: 'informal' }),
        referral('b-south', 'c-all', { status: 'broken' }),
      ],
      { lifeStages: stages, areas },
    );
    expect(analyze(map).gaps.filter((g) => g.kind === 'transition')).toEqual([
      { kind: 'transition', from: 'a', to: 'b', area: 's' },
      { kind: 'transition', from: 'b', to: 'c', area: 's' },
    ]);
  });

  it('without areas, one gap per missing step', () => {
    const map = mapOf([program('x', { lifeStages: ['a'] }), program('y', { lifeStages: ['b'] })], [referral('x', 'y')], { lifeStages: stages });
    expect(analyze(map).gaps.filter((g) => g.kind === 'transition')).toEqual([{ kind: 'transition', from: 'b', to: 'c' }]);
  });
});

describe('broken pathways', () => {
  it('names each kind', () => {
    const map = mapOf(
      [
        program('entry', { lifeStages: ['a'], entryPoint: true }),
        program('mid', { lifeStages: ['b'] }),
        program('shut', { lifeStages: ['b'], status: 'closed' }),
        program('end', { lifeStages: ['c'] }),
        program('island', { lifeStages: ['b'] }),
      ],
      [
        referral('entry', 'mid', { id: 'ok' } as never),
        referral('entry', 'shut', { id: 'to-closed' } as never),
        referral('mid', 'end', { id: 'snapped', status: 'broken' } as never),
        referral('island', 'end', { id: 'from-island' } as never),
      ],
      { lifeStages: stages },
    );
    expect(analyze(map).brokenPathways).toEqual([
      { kind: 'broken-referral', edge: 'snapped' },
      { kind: 'referral-to-inactive', edge: 'to-closed', node: 'shut' },
      // mid's only way on is broken; end is at the last stage; closed programs are not dead ends.
      { kind: 'dead-end', node: 'mid' },
      // island refers to end, but nothing refers to island; end is reached only from island.
      { kind: 'unreachable', node: 'end' },
      { kind: 'unreachable', node: 'island' },
    ]);
  });

  it('follows cycles without looping forever', () => {
    const map = mapOf(
      [program('x', { lifeStages: ['a'], entryPoint: true }), program('y', { lifeStages: ['a'] }), program('z', { lifeStages: ['c'] })],
      [referral('x', 'y'), referral('y', 'x'), referral('y', 'z'), referral('z', 'z', { status: 'informal' })],
      { lifeStages: stages },
    );
    expect(analyze(map).brokenPathways).toEqual([]);
  });
});

describe('redundancy', () => {
  const base = { lifeStages: ['a'], areas: ['n'], services: ['tutoring', 'homework-help', 'snacks'] };
  it('pairs open programs of different organizations whose services are alike, ranked by similarity then duplicated capacity', () => {
    const map = mapOf(
      [
        org('o1'),
        org('o2'),
        org('o3'),
        program('p1', { ...base, organization: 'o1', capacity: 10 }),
        // 2 shared of 4 terms: exactly 0.5, the default threshold.
        program('p2', { ...base, services: ['Tutoring ', 'homework-help', 'mentoring'], organization: 'o2', capacity: 50 }),
        // Identical services to p1, another organization: 100% alike, duplicates min(10, 40) = 10.
        program('p5', { ...base, organization: 'o3', capacity: 40 }),
        // Same organization as p1: never redundant with it.
        program('p3', { ...base, organization: 'o1' }),
        // Identical but closed.
        program('p4', { ...base, organization: 'o2', status: 'closed' }),
      ],
      [],
      { lifeStages: stages, areas },
    );
    expect(analyze(map).redundancies).toEqual([
      { programs: ['p1', 'p5'], similarity: 1, combinedCapacity: 50, duplicatedCapacity: 10 },
      { programs: ['p3', 'p5'], similarity: 1 },
      { programs: ['p2', 'p5'], similarity: 0.5, combinedCapacity: 90, duplicatedCapacity: 40 },
      { programs: ['p1', 'p2'], similarity: 0.5, combinedCapacity: 60, duplicatedCapacity: 10 },
      { programs: ['p2', 'p3'], similarity: 0.5 },
    ]);
    expect(analyze(map, { redundancyThreshold: 0.8 }).redundancies.map((r) => r.programs)).toEqual([['p1', 'p5'], ['p3', 'p5']]);
  });

  it('never reports programs without services, however alike their domains', () => {
    const twin = { lifeStages: ['a'], domains: ['economic-security' as const] };
    const map = mapOf([org('o1'), org('o2'), program('screener', { ...twin, organization: 'o1' }), program('job-center', { ...twin, organization: 'o2' })], [], { lifeStages: stages });
    expect(analyze(map).redundancies).toEqual([]);
  });

  it('reuses its answer across edits it does not read, and recomputes after one it does', () => {
    const map = mapOf([org('o1'), org('o2'), program('x', { ...base, organization: 'o1' }), program('y', { ...base, organization: 'o2' })], [], { lifeStages: stages, areas });
    const first = analyze(map).redundancies;
    expect(first).toHaveLength(1);
    const relabelled = { ...map, nodes: map.nodes.map((n) => (n.id === 'x' ? { ...n, label: 'Renamed' } : n)) };
    expect(analyze(relabelled).redundancies).toBe(first);
    const retooled = { ...map, nodes: map.nodes.map((n) => (n.id === 'x' ? { ...n, services: ['legal-aid'] } : n)) };
    expect(analyze(retooled).redundancies).toEqual([]);
    expect(() => (first[0] as { similarity: number }).similarity = 0).toThrow(TypeError);
  });

  it('needs the same people: a shared stage, overlapping areas and populations', () => {
    const pair = (a: Partial<typeof base> & { populations?: string[] }, b: Partial<typeof base> & { populations?: string[] }) =>
      analyze(mapOf([org('o1'), org('o2'), program('x', { ...base, ...a, organization: 'o1' }), program('y', { ...base, ...b, organization: 'o2' })], [], { lifeStages: stages, areas })).redundancies.length;
    expect(pair({}, {})).toBe(1);
    expect(pair({ lifeStages: ['a'] }, { lifeStages: ['b'] })).toBe(0);
    expect(pair({ areas: ['n'] }, { areas: ['s'] })).toBe(0);
    expect(pair({ areas: [] }, { areas: ['s'] })).toBe(1);
    expect(pair({ populations: ['veterans'] }, { populations: ['youth'] })).toBe(0);
    expect(pair({ populations: ['veterans'] }, { populations: [] })).toBe(1);
  });
});

describe('the whole report', () => {
  it('is deterministic and has the SPEC’s shape on an empty map', () => {
    const report = analyze(mapOf([]));
    expect(report).toEqual(analyze(mapOf([])));
    expect(Object.keys(report)).toEqual(['gaps', 'brokenPathways', 'redundancies', 'structure']);
    expect(Object.keys(report.structure).sort()).toEqual(
      ['articulationPoints', 'betweenness', 'bridges', 'communities', 'crossSectorShare', 'degree', 'density', 'levels', 'modularity', 'pagerank'],
    );
    // Every default stage is a coverage gap when nothing serves it.
    expect(report.gaps.filter((g) => g.kind === 'coverage')).toHaveLength(6);
  });
});
