import { describe, expect, it } from 'vitest';
import { diffMaps } from '../../../src/history/diff.ts';
import { createMapDoc } from '../../../src/model/index.ts';
import { mapRoots } from '../../../src/model/doc.ts';
import { listVersions } from '../../../src/history/versions.ts';
import { comparisonView } from '../../../src/ui/history/marks.ts';
import { outcomeSeries } from '../../../src/ui/history/outcomes.ts';
import { smallMap } from '../../fixtures/small-map.ts';

describe('a comparison drawn on one map', () => {
  it('puts removed elements back where they were and marks every change', () => {
    const before = smallMap();
    const after = smallMap();
    after.nodes = after.nodes.filter((n) => n.id !== 'P1');
    after.edges = after.edges.filter((e) => e.source !== 'P1' && e.target !== 'P1');
    after.nodes.push({ id: 'P9', type: 'program', label: 'New' });
    Object.assign(after.nodes.find((n) => n.id === 'P2')!, { capacity: 5 });
    const { map, marks } = comparisonView(before, after, diffMaps(before, after));
    expect(map.nodes.map((n) => n.id).sort()).toEqual(['O1', 'O2', 'P1', 'P2', 'P3', 'P9']);
    expect(map.edges.map((e) => e.id).sort()).toEqual(['E1', 'E2', 'E3', 'E4']);
    expect(map.positions.P1).toEqual(before.positions.P1);
    expect(Object.fromEntries(marks)).toEqual({ P9: 'added', P2: 'changed', P1: 'removed', E1: 'removed', E4: 'removed' });
  });
});

describe('shared outcomes over time', () => {
  it('one series per outcome, null where a map does not state it', () => {
    const first = smallMap();
    first.meta.outcomes = [{ id: 'k', measure: 'Kindergarten readiness', target: 0.7, actual: 0.46 }];
    const second = smallMap();
    second.meta.outcomes = [{ id: 'k', measure: 'Kindergarten readiness', target: 0.7, actual: 0.51 }, { id: 'r', measure: 'Reading', actual: 0.5 }];
    expect(outcomeSeries([first, second, smallMap()])).toEqual([
      { key: 'k', measure: 'Kindergarten readiness', target: 0.7, actual: [0.46, 0.51, null] },
      { key: 'r', measure: 'Reading', actual: [null, 0.5, null] },
    ]);
  });
});

describe('versions a peer wrote', () => {
  it('are listed only when what the list shows is sound', () => {
    const doc = createMapDoc(smallMap());
    const ok = { id: 'a', label: 'Fine', at: '2026-03-01T00:00:00.000Z', content: { meta: { title: 'x' }, nodes: [], edges: [] } };
    mapRoots(doc).versions.set('a', ok);
    mapRoots(doc).versions.set('b', { ...ok, id: 'b', label: 'x'.repeat(5000) });
    mapRoots(doc).versions.set('c', { ...ok, id: 'c', label: '<img src=x onerror=alert(1)>' });
    mapRoots(doc).versions.set('d', { ...ok, id: 'not-d' });
    mapRoots(doc).versions.set('e', { id: 'e', label: 'No content', at: '2026-03-01T00:00:00.000Z', base: 'a' });
    expect(listVersions(doc).map((v) => v.id)).toEqual(['a']);
  });
});
