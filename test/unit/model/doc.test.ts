import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMapDoc, mapRoots, readMapFile, SnapshotProjector, type SnapshotChange } from '../../../src/model/index.ts';
import { addEdge, addNode, removeNodes, updateNode } from '../../../src/model/mutations.ts';
import { smallMap } from '../../fixtures/small-map.ts';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('Y.Doc binding', () => {
  it('round-trips a map through the doc, unknown fields included', () => {
    const map = smallMap();
    expect(readMapFile(createMapDoc(map))).toEqual(map);
  });

  it('keeps concurrent edits to two fields of one node', () => {
    const a = createMapDoc(smallMap());
    const b = new Y.Doc();
    sync(a, b);
    updateNode(a, 'P1', { label: 'Home visiting (renamed)' });
    updateNode(b, 'P1', { capacity: 250 });
    sync(a, b);
    for (const doc of [a, b]) {
      const node = readMapFile(doc).nodes.find((n) => n.id === 'P1')!;
      expect(node.label).toBe('Home visiting (renamed)');
      expect(node.capacity).toBe(250);
    }
  });
});

describe('SnapshotProjector', () => {
  it('quarantines an invalid entry from a peer and keeps the rest', () => {
    const doc = createMapDoc(smallMap());
    const projector = new SnapshotProjector(doc);
    const peer = new Y.Map<unknown>();
    peer.set('type', 'program');
    peer.set('label', '<script>alert(1)</script>');
    peer.set('capacity', 'many');
    mapRoots(doc).nodes.set('EVIL', peer);
    const snap = projector.snapshot;
    expect(snap.map.nodes.map((n) => n.id)).toEqual(['O1', 'O2', 'P1', 'P2', 'P3']);
    expect(snap.quarantined).toHaveLength(1);
    expect(snap.quarantined[0].id).toBe('EVIL');
    expect(snap.quarantined[0].problems.map((p) => p.path).sort()).toEqual(['capacity', 'label']);
  });

  it('hides and lists edges whose endpoint is gone', () => {
    const doc = createMapDoc(smallMap());
    const projector = new SnapshotProjector(doc);
    // As a peer would: the node goes, its edge stays behind.
    mapRoots(doc).nodes.delete('P2');
    const { map, hiddenEdges } = projector.snapshot;
    expect(map.edges.map((e) => e.id)).toEqual(['E3', 'E4']);
    expect(hiddenEdges.map((h) => [h.id, h.reason])).toEqual([
      ['E1', 'no node "P2"'],
      ['E2', 'no node "P2"'],
    ]);
  });

  it('reprojects incrementally: unchanged nodes keep their identity', () => {
    const doc = createMapDoc(smallMap());
    const projector = new SnapshotProjector(doc);
    const before = projector.snapshot;
    let change: SnapshotChange | undefined;
    projector.subscribe((_, c) => (change = c));
    updateNode(doc, 'P2', { label: 'Homework club' });
    const after = projector.snapshot;
    expect(after.revision).toBeGreaterThan(before.revision);
    expect([...change!.nodes]).toEqual(['P2']);
    expect(change!.full).toBe(false);
    const byId = (s: typeof after, id: string) => s.map.nodes.find((n) => n.id === id);
    expect(byId(after, 'P1')).toBe(byId(before, 'P1'));
    expect(byId(after, 'P2')).not.toBe(byId(before, 'P2'));
    expect(byId(after, 'P2')!.label).toBe('Homework club');
    expect(Object.isFrozen(byId(after, 'P2'))).toBe(true);
  });

  it('drops only the invalid settings field from meta', () => {
    const doc = createMapDoc(smallMap());
    mapRoots(doc).meta.set('areas', 'not a list');
    const snap = new SnapshotProjector(doc).snapshot;
    expect(snap.map.meta.title).toBe('Small town');
    expect(snap.map.meta.areas).toBeUndefined();
    expect(snap.quarantined.map((q) => [q.collection, q.id])).toEqual([['meta', 'areas']]);
  });
});

describe('mutations', () => {
  it('refuses invalid input and writes nothing', () => {
    const doc = createMapDoc(smallMap());
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => updateNode(doc, 'P1', { capacity: -5 })).toThrow(/capacity: must be at least 0/);
    expect(() => addEdge(doc, { type: 'referral', source: 'P1', target: 'O2' })).toThrow(/a referral goes from a program to a program/);
    expect(() => addNode(doc, { type: 'program', label: '' })).toThrow(/label: must not be empty/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('removes an organization with each policy for its programs', () => {
    const cases = [
      ['delete', ['O2', 'P2']],
      ['keep', ['O2', 'P1', 'P2', 'P3']],
    ] as const;
    for (const [programs, left] of cases) {
      const doc = createMapDoc(smallMap());
      removeNodes(doc, ['O1'], { programs });
      const map = readMapFile(doc);
      expect(map.nodes.map((n) => n.id)).toEqual(left);
      expect(map.edges.some((e) => e.source === 'O1' || e.target === 'O1')).toBe(false);
    }
    const doc = createMapDoc(smallMap());
    removeNodes(doc, ['O1'], { programs: { reassignTo: 'O2' } });
    const map = readMapFile(doc);
    expect(map.nodes.filter((n) => n.type === 'program').map((n) => n.organization)).toEqual(['O2', 'O2', 'O2']);
    expect(map.positions.O1).toBeUndefined();
  });
});
