// A stored document cut into bounded updates: applied in order to a fresh document they rebuild it
// exactly, none waits for a later one, and compacting a store's records drops what was deleted.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMapDoc } from '../../../src/model/doc.ts';
import { loadMap } from '../../../src/model/map-load.ts';
import { addNode, removeNodes, setPositions, updateNode } from '../../../src/model/mutations.ts';
import { seededRandom } from '../../../src/model/random.ts';
import { readMapFile } from '../../../src/model/snapshot.ts';
import { syntheticMap } from '../../../src/model/synthetic.ts';
import { causalOrder, compactUpdates, sliceUpdate } from '../../../src/persist/update-slices.ts';
import { smallMap } from '../../fixtures/small-map.ts';

/** Three replicas editing maps, lists and text at random, exchanging their updates now and then. */
function editedTogether(seed: number): Y.Doc[] {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
  for (let step = 0; step < 300; step++) {
    const doc = pick(docs);
    const roll = random();
    const list = doc.getArray<unknown>('list');
    const text = doc.getText('text');
    const map = doc.getMap<unknown>('map');
    if (roll < 0.25) list.insert(Math.floor(random() * (list.length + 1)), [step, { at: step }]);
    else if (roll < 0.35 && list.length > 0) list.delete(Math.floor(random() * list.length), 1);
    else if (roll < 0.55) text.insert(Math.floor(random() * (text.length + 1)), `w${step} `);
    else if (roll < 0.62 && text.length > 2) text.delete(Math.floor(random() * (text.length - 1)), 2);
    else if (roll < 0.8) map.set(`k${Math.floor(random() * 8)}`, step);
    else if (roll < 0.9) {
      const nested = new Y.Map<unknown>();
      map.set(`nested${Math.floor(random() * 3)}`, nested);
      nested.set('made', step);
    } else {
      const [a, b] = [pick(docs), pick(docs)];
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    }
  }
  for (const a of docs) for (const b of docs) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  return docs;
}

const contents = (doc: Y.Doc) => ({ list: doc.getArray('list').toJSON(), text: doc.getText('text').toString(), map: doc.getMap('map').toJSON() });

describe('sliceUpdate', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`rebuilds a document three replicas edited (seed ${seed}) slice by slice, none left waiting`, () => {
      const [source] = editedTogether(seed);
      const slices = sliceUpdate(Y.encodeStateAsUpdate(source), 7);
      expect(slices.length).toBeGreaterThan(5);
      const rebuilt = new Y.Doc();
      for (const slice of slices) {
        expect(Y.decodeUpdate(slice).structs.length).toBeLessThanOrEqual(7);
        Y.applyUpdate(rebuilt, slice);
        // Causal order: every slice integrates at once; nothing waits in Yjs's pending store.
        expect(rebuilt.store.pendingStructs).toBeNull();
      }
      expect(rebuilt.store.pendingDs).toBeNull();
      expect(contents(rebuilt)).toEqual(contents(source));
      expect(Y.encodeStateVector(rebuilt)).toEqual(Y.encodeStateVector(source));
      // The same deletions too: the same snapshot (state vector and delete set).
      expect(Y.equalSnapshots(Y.snapshot(rebuilt), Y.snapshot(source))).toBe(true);
    });
  }

  it('orders a struct after the other client’s struct it was inserted next to', () => {
    const [source] = editedTogether(9);
    const ordered = causalOrder(Y.decodeUpdate(Y.encodeStateAsUpdate(source)).structs);
    const position = new Map(ordered.map((struct, index) => [`${struct.id.client}:${struct.id.clock}`, index]));
    const indexOf = (id: Y.ID) => {
      // A dependency may point into the middle of a merged struct: find the struct that holds it.
      const holder = ordered.find((s) => s.id.client === id.client && s.id.clock <= id.clock && id.clock < s.id.clock + s.length)!;
      return position.get(`${holder.id.client}:${holder.id.clock}`)!;
    };
    let crossClient = 0;
    ordered.forEach((struct, index) => {
      if (!(struct instanceof Y.Item)) return;
      for (const id of [struct.origin, struct.rightOrigin]) {
        if (!id) continue;
        if (id.client !== struct.id.client) crossClient++;
        expect(indexOf(id)).toBeLessThan(index);
      }
    });
    expect(crossClient).toBeGreaterThan(10);
  });

  it('keeps slices under a byte bound, however few structs carry the bytes', () => {
    const source = new Y.Doc();
    const notes = source.getMap<string>('notes');
    for (let i = 0; i < 40; i++) notes.set(`note ${i}`, `${i} `.repeat(600));
    const slices = sliceUpdate(Y.encodeStateAsUpdate(source), 1000, 8 * 1024);
    expect(slices.length).toBeGreaterThan(4);
    for (const slice of slices) expect(slice.length).toBeLessThanOrEqual(8 * 1024);
    const rebuilt = new Y.Doc();
    for (const slice of slices) Y.applyUpdate(rebuilt, slice);
    expect(rebuilt.getMap('notes').toJSON()).toEqual(notes.toJSON());
  });

  it('starts with small slices, for a page whose JIT is still cold, then grows them to the bound', () => {
    const source = new Y.Doc();
    const map = source.getMap<number>('map');
    // One struct per key (array items of one client would merge into one struct).
    for (let i = 0; i < 3000; i++) map.set(`key ${i}`, i);
    const sizes = sliceUpdate(Y.encodeStateAsUpdate(source), 1500).map((slice) => Y.decodeUpdate(slice).structs.length);
    expect(sizes.slice(0, 5)).toEqual([100, 200, 400, 800, 1500]);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(3000);
    const rebuilt = new Y.Doc();
    for (const slice of sliceUpdate(Y.encodeStateAsUpdate(source), 1500)) Y.applyUpdate(rebuilt, slice);
    expect(rebuilt.getMap('map').toJSON()).toEqual(map.toJSON());
  });

  it('still converges when slices arrive out of order', () => {
    const [source] = editedTogether(11);
    const slices = sliceUpdate(Y.encodeStateAsUpdate(source), 5).reverse();
    const rebuilt = new Y.Doc();
    for (const slice of slices) Y.applyUpdate(rebuilt, slice);
    expect(contents(rebuilt)).toEqual(contents(source));
  });
});

describe('compactUpdates', () => {
  it('keeps a store of a map’s writes as the map, smaller, in bounded slices', () => {
    const doc = createMapDoc(smallMap());
    const records: Uint8Array[] = [Y.encodeStateAsUpdate(doc)];
    doc.on('update', (update: Uint8Array) => records.push(update));
    loadMap(doc, syntheticMap(300), { undoable: false });
    const [first, second] = readMapFile(doc).nodes;
    for (let i = 0; i < 3000; i++) setPositions(doc, { [first.id]: { x: i, y: i } });
    updateNode(doc, second.id, { name: 'Renamed program' });
    const added = addNode(doc, { type: 'program', name: 'New program' });
    removeNodes(doc, [first.id]);

    const compacted = compactUpdates(records, 500);
    const rebuilt = new Y.Doc();
    for (const slice of compacted) {
      expect(Y.decodeUpdate(slice).structs.length).toBeLessThanOrEqual(500);
      Y.applyUpdate(rebuilt, slice);
    }
    expect(readMapFile(rebuilt)).toEqual(readMapFile(doc));
    expect(readMapFile(rebuilt).nodes.some((node) => node.id === added)).toBe(true);
    const size = (updates: Uint8Array[]) => updates.reduce((sum, update) => sum + update.length, 0);
    // The overwritten positions are gone: the slices weigh what the document's state does.
    const state = Y.encodeStateAsUpdate(doc).length;
    expect(size(records)).toBeGreaterThan(state * 1.2);
    expect(size(compacted)).toBeLessThan(state * 1.05);
  });

  it('keeps updates whose dependencies the store never held, so nothing stored is lost', () => {
    const doc = new Y.Doc();
    const early = Y.encodeStateAsUpdate(doc);
    doc.getArray('list').insert(0, ['a']);
    const missing = Y.encodeStateAsUpdate(doc);
    const before = Y.encodeStateVector(doc);
    doc.getArray('list').insert(1, ['b']);
    const later = Y.encodeStateAsUpdate(doc, before);

    const compacted = compactUpdates([early, later]);
    const rebuilt = new Y.Doc();
    for (const slice of compacted) Y.applyUpdate(rebuilt, slice);
    Y.applyUpdate(rebuilt, missing);
    expect(rebuilt.getArray('list').toJSON()).toEqual(['a', 'b']);
  });
});
