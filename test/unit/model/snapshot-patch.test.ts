// After an edit to fields the projector patches the last snapshot instead of building it again
// (snapshot-patch.ts). Through a seeded run of every kind of edit — fields, ties, positions, the title, adds,
// removals, type changes, a peer's invalid writes and their repair — the snapshot must always equal one
// projected afresh from the document.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMapDoc, mapRoots } from '../../../src/model/doc.ts';
import { addEdge, addNode, removeEdges, removeNodes, setPositions, updateEdge, updateMeta, updateNode } from '../../../src/model/mutations.ts';
import { seededRandom } from '../../../src/model/random.ts';
import { projectSnapshot, SnapshotProjector } from '../../../src/model/snapshot.ts';
import { syntheticMap } from '../../../src/model/synthetic.ts';

const shown = (snapshot: ReturnType<typeof projectSnapshot>) => ({ map: snapshot.map, quarantined: snapshot.quarantined, hiddenEdges: snapshot.hiddenEdges });

describe('a snapshot patched after an edit', () => {
  for (const seed of [1, 2, 3]) {
    it(`always equals the snapshot projected afresh (seed ${seed}, 150 edits)`, () => {
      const random = seededRandom(seed);
      const doc = createMapDoc(syntheticMap(120, seed));
      const projector = new SnapshotProjector(doc);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
      let kept = 0;
      for (let i = 0; i < 150; i++) {
        const { map } = projector.snapshot;
        const node = pick(map.nodes);
        const edge = pick(map.edges);
        const raw = (id: string) => mapRoots(doc).nodes.get(id) as Y.Map<unknown> | undefined;
        const edits = [
          () => updateNode(doc, node.id, { label: `Renamed ${i}` }),
          () => node.type === 'program' && updateNode(doc, node.id, { capacity: i, status: pick(['open', 'paused'] as const) }),
          () => updateEdge(doc, edge.id, { label: `tie ${i}` }),
          () => setPositions(doc, { [node.id]: { x: i, y: -i } }),
          () => updateMeta(doc, { title: `Title ${i}` }),
          () => addNode(doc, { type: 'organization', label: `Org ${i}` }),
          () => removeNodes(doc, [node.id]),
          () => removeEdges(doc, [edge.id]),
          () => addEdge(doc, { source: node.id, target: pick(map.nodes).id, type: 'partnership' }),
          // A peer's invalid writes (quarantined), then their repair.
          () => raw(node.id)?.set('label', 42),
          () => raw(node.id)?.set('label', 'Repaired'),
          () => raw(node.id)?.set('type', 'funder'),
          () => raw(node.id)?.set('type', node.type === 'program' ? 'organization' : 'program'),
          () => mapRoots(doc).positions.set(node.id, { x: 'far' } as never),
          () => (mapRoots(doc).edges.get(edge.id) as Y.Map<unknown> | undefined)?.set('target', pick(map.nodes).id),
        ];
        const edgesBefore = map.edges;
        const choice = Math.floor(random() * edits.length);
        try {
          edits[choice]();
        } catch {
          // A mutation may refuse an edit (an invalid tie): nothing was written.
        }
        if ([0, 1, 3].includes(choice) && projector.snapshot.map.edges === edgesBefore) kept++;
        expect(shown(projector.snapshot)).toEqual(shown(projectSnapshot(doc)));
      }
      // The patch was taken (a full build makes new lists every time).
      expect(kept).toBeGreaterThan(10);
    });
  }

  it('is a new snapshot, frozen, with a higher revision', () => {
    const doc = createMapDoc(syntheticMap(40));
    const projector = new SnapshotProjector(doc);
    const before = projector.snapshot;
    updateNode(doc, before.map.nodes[3].id, { label: 'New name' });
    const after = projector.snapshot;
    expect(after).not.toBe(before);
    expect(after.revision).toBeGreaterThan(before.revision);
    expect(Object.isFrozen(after.map) && Object.isFrozen(after.map.nodes) && Object.isFrozen(after.map.nodes[3])).toBe(true);
    expect(after.map.nodes[3].label).toBe('New name');
    expect(before.map.nodes[3].label).not.toBe('New name');
    // Untouched entries keep their objects: the canvas and the worker diff by identity.
    expect(after.map.nodes[4]).toBe(before.map.nodes[4]);
  });
});
