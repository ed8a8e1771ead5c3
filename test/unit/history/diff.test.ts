import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { diffMaps } from '../../../src/history/diff.ts';
import type { PathwaysMap } from '../../../src/model/types.ts';
import { smallMap } from '../../fixtures/small-map.ts';
import { memoryIo } from '../../support/memory-io.ts';

/**
 * The small town a year later: Home visiting now serves every area, the K–12 → workforce referral broke,
 * Job training opened fully, the funding tie ended, and a new nonprofit partners with the Family Center.
 */
function laterMap(): PathwaysMap {
  const map = smallMap();
  const p1 = map.nodes.find((n) => n.id === 'P1')!;
  delete p1.areas;
  Object.assign(map.nodes.find((n) => n.id === 'P3')!, { status: 'active', capacity: 20 });
  map.nodes.push({ id: 'O3', type: 'organization', label: 'Food Bank', sector: 'nonprofit' });
  map.edges.find((e) => e.id === 'E2')!.status = 'broken';
  map.edges = map.edges.filter((e) => e.id !== 'E4');
  map.edges.push({ id: 'E5', type: 'partnership', source: 'O3', target: 'O1', level: 'cooperative' });
  return map;
}

describe('diff of two maps (worked by hand)', () => {
  const diff = diffMaps(smallMap(), laterMap());

  it('lists added, removed and changed elements with the changed fields', () => {
    expect(diff.added).toEqual({ nodes: ['O3'], edges: ['E5'] });
    expect(diff.removed).toEqual({ nodes: [], edges: ['E4'] });
    expect(diff.changed).toEqual({ nodes: { P1: ['areas'], P3: ['capacity', 'status'] }, edges: { E2: ['status'] } });
  });

  it('moves the measures as counted by hand', () => {
    // Before: 5 nodes, 7 distinct ties (4 edges + 3 program→organization) of 10 possible.
    // After: 6 nodes; E4 (O2–P1) gone, O3–O1 new: still 7 ties, of 15 possible.
    expect(diff.measures.density).toEqual({ before: 0.7, after: 0.466666667 });
    // Organization ties: O1–O2 (nonprofit–public); then also O3–O1 (nonprofit–nonprofit).
    expect(diff.measures.crossSectorShare).toEqual({ before: 1, after: 0.5 });
    expect(diff.measures['ties.coordinated']).toEqual({ before: 1, after: 1 });
    expect(diff.measures['ties.cooperative']).toEqual({ before: 0, after: 1 });
    // Everything sat on a cycle; now the Food Bank hangs off the Family Center alone.
    expect(diff.measures.articulationPoints).toEqual({ before: 0, after: 1 });
    expect(diff.measures.bridges).toEqual({ before: 0, after: 1 });
    expect(diff.singlePointsOfFailure).toEqual({ added: ['O1'], removed: [] });
    expect(diff.brokers.after[0]).toBe('O1');
  });

  it('names the gaps and broken pathways that closed and opened', () => {
    // Home visiting reached only the north: early childhood in the south (for everyone and for
    // Spanish speakers) and the hand-off to K–12 there were gaps. Serving every area closes all three.
    expect(diff.gaps.closed).toEqual(
      expect.arrayContaining([
        { kind: 'coverage', stage: 'early-childhood', area: 'south' },
        { kind: 'coverage', stage: 'early-childhood', area: 'south', population: 'es' },
        { kind: 'transition', from: 'early-childhood', to: 'k12', area: 'south' },
      ]),
    );
    expect(diff.gaps.closed).toHaveLength(3);
    // The broken referral leaves K–12 → workforce without a hand-off in both areas.
    expect(diff.gaps.opened).toEqual([
      { kind: 'transition', from: 'k12', to: 'workforce', area: 'north' },
      { kind: 'transition', from: 'k12', to: 'workforce', area: 'south' },
    ]);
    expect(diff.brokenPathways.closed).toEqual([]);
    expect(diff.brokenPathways.opened).toEqual(
      expect.arrayContaining([
        { kind: 'broken-referral', edge: 'E2' },
        { kind: 'dead-end', node: 'P2' },
        { kind: 'unreachable', node: 'P3' },
      ]),
    );
    expect(diff.brokenPathways.opened).toHaveLength(3);
  });

  it('simulates both with the same seed: nobody reaches the workforce stage any more', () => {
    expect(diff.simulation).toEqual({ cohort: 1000, seed: 1 });
    expect(Object.keys(diff.reach.after)).toEqual(['early-childhood', 'k12', 'workforce']);
    expect(diff.reach.before.workforce).toBeGreaterThan(0);
    expect(diff.reach.after.workforce).toBe(0);
    expect(diffMaps(smallMap(), laterMap()).reach).toEqual(diff.reach);
  });

  it('an unchanged map has no changes and no moved measures', () => {
    const same = diffMaps(smallMap(), smallMap());
    expect(same.added).toEqual({ nodes: [], edges: [] });
    expect(same.changed).toEqual({ nodes: {}, edges: {} });
    for (const { before, after } of Object.values(same.measures)) expect(after).toBe(before);
    expect(same.gaps).toEqual({ opened: [], closed: [] });
    expect(same.reach.after).toEqual(same.reach.before);
  });
});

describe('cli diff', () => {
  const files = { 'march.json': JSON.stringify(smallMap()), 'june.json': JSON.stringify(laterMap()) };

  it('--json has exactly the SPEC shape', async () => {
    const { io, stdout } = memoryIo(files);
    expect(await main(['diff', 'march.json', 'june.json', '--json'], io)).toBe(0);
    const json = JSON.parse(stdout());
    for (const key of ['added', 'removed', 'changed', 'measures', 'gaps', 'brokenPathways', 'reach']) expect(json).toHaveProperty(key);
    expect(Object.keys(json.added).sort()).toEqual(['edges', 'nodes']);
    expect(Object.keys(json.removed).sort()).toEqual(['edges', 'nodes']);
    expect(Object.keys(json.changed).sort()).toEqual(['edges', 'nodes']);
    expect(json.added.nodes).toEqual(['O3']);
    expect(json.changed.nodes.P3).toEqual(['capacity', 'status']);
    for (const [name, value] of Object.entries(json.measures)) {
      expect(Object.keys(value as object).sort(), name).toEqual(['after', 'before']);
      expect(typeof (value as { before: unknown }).before, name).toBe('number');
    }
    expect(json.measures).toHaveProperty('density');
    expect(json.measures).toHaveProperty('crossSectorShare');
    expect(Object.keys(json.gaps).sort()).toEqual(['closed', 'opened']);
    expect(Object.keys(json.brokenPathways).sort()).toEqual(['closed', 'opened']);
    // Gaps and items as in `analyze --json`.
    for (const gap of [...json.gaps.opened, ...json.gaps.closed]) expect(['coverage', 'transition']).toContain(gap.kind);
    for (const item of json.brokenPathways.opened) expect(typeof item.kind).toBe('string');
    expect(Object.keys(json.reach).sort()).toEqual(['after', 'before']);
    expect(Object.keys(json.reach.before).sort()).toEqual(['early-childhood', 'k12', 'workforce']);
  });

  it('prints the comparison as sentences', async () => {
    const { io, stdout } = memoryIo(files);
    expect(await main(['diff', 'march.json', 'june.json'], io)).toBe(0);
    expect(stdout()).toMatch(/Added: 1 node \(Food Bank\), 1 tie$/m);
    expect(stdout()).toMatch(/Gaps closed \(3\)/);
    expect(stdout()).toMatch(/No open program serves early childhood in South\./);
  });

  it('bad input: exit 1 naming the file and the place', async () => {
    const broken = smallMap() as any;
    broken.edges[0].target = 'P99';
    const { io, stderr } = memoryIo({ ...files, 'bad.json': JSON.stringify(broken), 'text.json': '{ nope' });
    expect(await main(['diff', 'march.json', 'bad.json'], io)).toBe(1);
    expect(stderr()).toMatch(/^bad\.json: edges\[0\]\.target: no node "P99"/m);
    expect(await main(['diff', 'text.json', 'june.json'], io)).toBe(1);
    expect(stderr()).toMatch(/text\.json: not JSON \(line 1, column \d+/);
    expect(await main(['diff', 'march.json'], io)).toBe(1);
    expect(stderr()).toMatch(/Usage: diff OLD NEW/);
  });
});
