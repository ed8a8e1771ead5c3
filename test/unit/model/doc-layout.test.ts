// The document layout (v2): every replica lists entries by their order key, documents made by an
// older studio are migrated on open, and whole-map writes go through the mutations module.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMapDoc, createUndoManager, mapRoots, readMapFile } from '../../../src/model/index.ts';
import { DOC_SCHEMA_VERSION, migrateDoc, ORDER_KEY, SCHEMA_KEY } from '../../../src/model/doc.ts';
import { addNode, ModelError, putView, removeNodes, updateNodesEach } from '../../../src/model/mutations.ts';
import { applyMapWrites, reorderViews } from '../../../src/model/map-writes.ts';
import { loadMap } from '../../../src/model/map-load.ts';
import { smallMap } from '../../fixtures/small-map.ts';

const ids = (doc: Y.Doc) => readMapFile(doc).nodes.map((n) => n.id);

/** A document as the v1 studio wrote it: no order keys, layout version 1. */
function v1Doc(nodeIds: string[]): Y.Doc {
  const doc = new Y.Doc();
  const roots = mapRoots(doc);
  doc.transact(() => {
    roots.meta.set(SCHEMA_KEY, 1);
    roots.meta.set('title', 'Old map');
    for (const id of nodeIds) {
      const fields = new Y.Map<unknown>();
      fields.set('type', 'organization');
      fields.set('label', `Org ${id}`);
      roots.nodes.set(id, fields);
    }
  });
  return doc;
}

describe('document layout v2', () => {
  it('keeps a loaded file in its order, puts new entries after it, and never exports the order key', () => {
    const doc = createMapDoc(smallMap());
    const added = addNode(doc, { type: 'organization', label: 'Late arrival' });
    expect(ids(doc)).toEqual([...smallMap().nodes.map((n) => n.id), added]);
    expect(JSON.stringify(readMapFile(doc))).not.toContain(ORDER_KEY);
    expect(mapRoots(doc).meta.get(SCHEMA_KEY)).toBe(DOC_SCHEMA_VERSION);
  });

  it('lists entries alike on replicas that received them in different orders', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const first = addNode(a, { type: 'organization', label: 'First' });
    const second = addNode(b, { type: 'organization', label: 'Second' });
    // a receives b's entry after its own; b the other way round.
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a).sort()).toEqual([first, second].sort());
  });

  it('puts an entry back in its place when a deletion is undone', () => {
    const doc = createMapDoc(smallMap());
    const undo = createUndoManager(doc);
    const before = ids(doc);
    removeNodes(doc, ['O2']);
    undo.stopCapturing();
    expect(ids(doc)).not.toContain('O2');
    undo.undo();
    expect(ids(doc)).toEqual(before);
  });

  it('migrates a v1 document by id, once, and leaves a newer one alone', () => {
    const doc = v1Doc(['c', 'a', 'b']);
    expect(migrateDoc(doc)).toBe('migrated');
    expect(mapRoots(doc).meta.get(SCHEMA_KEY)).toBe(DOC_SCHEMA_VERSION);
    expect(ids(doc)).toEqual(['a', 'b', 'c']);
    expect(mapRoots(doc).nodes.get('a')!.get(ORDER_KEY)).toBe(0);
    expect(migrateDoc(doc)).toBe('current');
    expect(migrateDoc(new Y.Doc())).toBe('empty');
    const newer = v1Doc(['x']);
    mapRoots(newer).meta.set(SCHEMA_KEY, DOC_SCHEMA_VERSION + 1);
    expect(migrateDoc(newer)).toBe('newer');
    expect(mapRoots(newer).nodes.get('x')!.has(ORDER_KEY)).toBe(false);
  });

  it('two peers migrating the same old room at once agree', () => {
    const a = v1Doc(['n3', 'n1', 'n2']);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    migrateDoc(a);
    migrateDoc(b);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(ids(a)).toEqual(['n1', 'n2', 'n3']);
    expect(ids(b)).toEqual(ids(a));
    expect(readMapFile(a)).toEqual(readMapFile(b));
  });

  it('an old entry without an order key (a v1 peer) comes last, by id, on every replica', () => {
    const doc = createMapDoc(smallMap());
    const legacy = new Y.Map<unknown>();
    legacy.set('type', 'organization');
    legacy.set('label', 'From an old studio');
    mapRoots(doc).nodes.set('A-legacy', legacy);
    expect(ids(doc).at(-1)).toBe('A-legacy');
  });
});

describe('whole-map writes through the mutations module', () => {
  it('loadMap as the user is one undoable change; as a load it is not', () => {
    const doc = createMapDoc(smallMap());
    const undo = createUndoManager(doc);
    const other = { ...smallMap(), meta: { title: 'Other' }, nodes: [], edges: [], views: [], positions: {} };
    loadMap(doc, other, { undoable: true });
    expect(readMapFile(doc).nodes).toEqual([]);
    undo.undo();
    expect(readMapFile(doc)).toEqual(smallMap());
    loadMap(doc, other, { undoable: false });
    expect(undo.canUndo()).toBe(false);
  });

  it('reorders slides in one change, and refuses a view that does not exist', () => {
    const doc = createMapDoc(smallMap());
    const one = putView(doc, { label: 'One' });
    const two = putView(doc, { label: 'Two' });
    reorderViews(doc, [two, one]);
    expect(readMapFile(doc).views.map((v) => v.label)).toEqual(['Two', 'One', 'Everything']);
    reorderViews(doc, [one]);
    expect(readMapFile(doc).views.map((v) => v.label)).toEqual(['One', 'Two', 'Everything']);
    expect(() => reorderViews(doc, ['nope'])).toThrow(ModelError);
  });

  it('applies merge writes field by field, keeping a field the merge does not mention', () => {
    const doc = createMapDoc(smallMap());
    applyMapWrites(doc, {
      nodes: [{ id: 'P2', type: 'program', label: 'After school (merged)' }, { id: 'N1', type: 'organization', label: 'New org' }],
      edges: [],
      positions: { N1: { x: 5, y: 6 } },
      meta: {},
    });
    const map = readMapFile(doc);
    const p2 = map.nodes.find((n) => n.id === 'P2')!;
    expect(p2.label).toBe('After school (merged)');
    expect(p2.organization).toBe('O2');
    expect(map.nodes.at(-1)!.id).toBe('N1');
    expect(map.positions.N1).toEqual({ x: 5, y: 6 });
  });

  it('updates each node with its own patch, all or nothing', () => {
    const doc = createMapDoc(smallMap());
    updateNodesEach(doc, [['P1', { capacity: 7 }], ['P2', { capacity: 9 }]]);
    expect(readMapFile(doc).nodes.filter((n) => n.type === 'program').map((n) => n.capacity)).toEqual([7, 9, undefined]);
    expect(() => updateNodesEach(doc, [['P1', { capacity: 1 }], ['P2', { capacity: 'lots' }]])).toThrow(ModelError);
    expect(readMapFile(doc).nodes.find((n) => n.id === 'P1')!.capacity).toBe(7);
  });
});
