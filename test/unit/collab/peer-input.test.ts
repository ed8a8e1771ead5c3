// Anything a peer sends enters the model as a Yjs update; the snapshot projector is the boundary.
// A hostile or buggy peer writes straight into the shared types (bypassing mutations.ts): the
// projection must quarantine or hide what is invalid, keep the rest, and never throw.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMapDoc, mapRoots, toFieldMap } from '../../../src/model/doc.ts';
import { removeNodes } from '../../../src/model/mutations.ts';
import { projectSnapshot, SnapshotProjector } from '../../../src/model/snapshot.ts';
import { validateMap } from '../../../src/model/validate.ts';
import { smallMap } from '../../fixtures/small-map.ts';

/** A peer's doc that started from ours; `write` edits it raw; the returned doc has received the update. */
function receiveFromPeer(write: (peer: Y.Doc) => void): { doc: Y.Doc; projector: SnapshotProjector } {
  const doc = createMapDoc(smallMap());
  const projector = new SnapshotProjector(doc);
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(peer);
  write(peer);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, before), 'remote');
  return { doc, projector };
}

const validNodes = smallMap().nodes.length;

describe('malformed peer updates', () => {
  it('quarantines a 10,000-character label, markup and wrong types, keeping every valid node', () => {
    const { doc, projector } = receiveFromPeer((peer) => {
      const nodes = mapRoots(peer).nodes;
      nodes.set('X1', toFieldMap({ id: 'X1', type: 'organization', label: 'x'.repeat(10_000) }));
      nodes.set('X2', toFieldMap({ id: 'X2', type: 'organization', label: '<img src=x onerror=alert(1)>' }));
      nodes.set('X3', toFieldMap({ id: 'X3', type: 'program', label: 'Typed wrong', capacity: 'lots', lifeStages: 'k12' }));
      nodes.set('X4', toFieldMap({ id: 'X4', type: 'spaceship', label: 'Unknown type' }));
      nodes.set('X5', 42 as unknown as Y.Map<unknown>);
    });
    for (const snapshot of [projector.snapshot, projectSnapshot(doc)]) {
      const ids = snapshot.map.nodes.map((n) => n.id);
      expect(ids).toHaveLength(validNodes);
      for (const bad of ['X1', 'X2', 'X3', 'X4', 'X5']) expect(ids).not.toContain(bad);
      expect(snapshot.quarantined.filter((q) => q.collection === 'nodes').map((q) => q.id).sort()).toEqual(['X1', 'X2', 'X3', 'X4', 'X5']);
      expect(validateMap(JSON.parse(JSON.stringify(snapshot.map))).problems).toEqual([]);
    }
  });

  it('quarantines a field turned invalid on an existing node, and restores it when fixed', () => {
    const id = smallMap().nodes[0].id;
    const { doc, projector } = receiveFromPeer((peer) => (mapRoots(peer).nodes.get(id) as Y.Map<unknown>).set('label', 'a<b>c'));
    expect(projector.snapshot.map.nodes.some((n) => n.id === id)).toBe(false);
    expect(projector.snapshot.quarantined.some((q) => q.id === id)).toBe(true);
    (mapRoots(doc).nodes.get(id) as Y.Map<unknown>).set('label', 'Fixed');
    expect(projector.snapshot.map.nodes.find((n) => n.id === id)?.label).toBe('Fixed');
  });

  it('hides an edge a peer drew to a node deleted here at the same time, and lists it', () => {
    const map = smallMap();
    const referral = map.edges.find((e) => e.type === 'referral')!;
    const doc = createMapDoc(map);
    const projector = new SnapshotProjector(doc);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    // Concurrently: here the target is deleted (with its edges); there a new edge to it is drawn.
    removeNodes(doc, [referral.target]);
    mapRoots(peer).edges.set('E-late', toFieldMap({ id: 'E-late', type: 'referral', source: referral.source, target: referral.target, status: 'active' }));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)), 'remote');
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(peer)), 'remote');
    for (const snapshot of [projector.snapshot, projectSnapshot(peer)]) {
      expect(snapshot.map.edges.some((e) => e.id === 'E-late')).toBe(false);
      expect(snapshot.hiddenEdges.map((h) => h.id)).toContain('E-late');
      expect(validateMap(JSON.parse(JSON.stringify(snapshot.map))).problems).toEqual([]);
    }
  });
});
