// Loading a whole map a slice at a time (layout v3): the map shown changes once, when the pointer flips;
// until then every replica shows the old map; Undo flips back; a newer load supersedes an older one.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CANCELLED_KEY, CONTENT_KEY, contentPointer, contentStore, createMapDoc, currentContentId, DOC_SCHEMA_VERSION, mapRoots, migrateDoc, SCHEMA_KEY, STARTED_KEY } from '../../../src/model/doc.ts';
import { ABANDONED_AFTER_MS, loadMap, loadMapInSlices, StagedLoad } from '../../../src/model/map-load.ts';
import { addNode, updateNode } from '../../../src/model/mutations.ts';
import { projectSnapshot, readMapFile, SnapshotProjector } from '../../../src/model/snapshot.ts';
import { syntheticMap } from '../../../src/model/synthetic.ts';
import { createUndoManager } from '../../../src/model/undo.ts';
import { smallMap } from '../../fixtures/small-map.ts';

/** Two replicas wired together: every update of one reaches the other at once. */
function pair(map = smallMap()) {
  const ana = createMapDoc(map);
  const ben = new Y.Doc();
  Y.applyUpdate(ben, Y.encodeStateAsUpdate(ana));
  ana.on('update', (update: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(ben, update, 'wire'));
  ben.on('update', (update: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(ana, update, 'wire'));
  return { ana, ben };
}

/** A slice that ends after `n` entries. */
const every = (n: number) => {
  let written = 0;
  return () => ++written % n === 0;
};

describe('a map loaded in slices', () => {
  it('changes what every replica shows once, at the flip, and then shows all of the new map', () => {
    const { ana, ben } = pair();
    const big = syntheticMap(200);
    const anaView = new SnapshotProjector(ana);
    const benView = new SnapshotProjector(ben);
    const shown: number[] = [];
    benView.subscribe((snapshot) => shown.push(snapshot.map.nodes.length));
    const load = new StagedLoad(ana, big, { undoable: false });
    let slices = 0;
    while (!load.step(every(50))) {
      slices++;
      expect(benView.snapshot.map.nodes.length).toBe(smallMap().nodes.length);
      expect(anaView.snapshot.map.meta.title).toBe(smallMap().meta.title);
    }
    expect(slices).toBeGreaterThan((big.nodes.length + big.edges.length) / 50 - 2);
    expect(shown).toEqual([]);
    load.show();
    expect(shown).toEqual([big.nodes.length]);
    expect(readMapFile(ben)).toEqual(big);
    expect(anaView.snapshot.map).toEqual(projectSnapshot(ana).map);
    expect(benView.snapshot.map).toEqual(big);
    expect(mapRoots(ben).meta.get(SCHEMA_KEY)).toBe(DOC_SCHEMA_VERSION);
  });

  it('reads the content ahead as it arrives, including a peer’s edit to an entry already written', () => {
    const { ana, ben } = pair();
    const big = syntheticMap(60);
    const benView = new SnapshotProjector(ben);
    const load = new StagedLoad(ana, big, { undoable: false });
    load.step(every(40));
    // Someone edits a program of the content being written (not yet the map): the edit must show after the flip.
    const staged = contentStore(ben).get(load.id) as Y.Map<Y.Map<Y.Map<unknown>>>;
    const program = big.nodes.find((n) => n.type === 'program' && staged.get('nodes')!.has(n.id))!;
    staged.get('nodes')!.get(program.id)!.set('label', 'Edited while loading');
    while (!load.step(every(40)));
    load.show();
    expect(benView.snapshot.map.nodes.find((n) => n.id === program.id)!.label).toBe('Edited while loading');
    expect(benView.snapshot.map).toEqual(projectSnapshot(ben).map);
    expect(projectSnapshot(ana).map).toEqual(projectSnapshot(ben).map);
  });

  it('a replica that read part of the content ahead, then gets the rest and the flip in one update, shows all of it', () => {
    const { ana, ben } = pair();
    const late = new Y.Doc();
    Y.applyUpdate(late, Y.encodeStateAsUpdate(ana));
    const lateView = new SnapshotProjector(late);
    const big = syntheticMap(80);
    const load = new StagedLoad(ana, big, { undoable: false });
    load.step(every(30));
    // `late` follows the first slices, then drops off; the rest and the flip arrive as one catch-up.
    Y.applyUpdate(late, Y.encodeStateAsUpdate(ana, Y.encodeStateVector(late)));
    while (!load.step(every(30)));
    load.show();
    Y.applyUpdate(late, Y.encodeStateAsUpdate(ana, Y.encodeStateVector(late)));
    expect(lateView.snapshot.map).toEqual(big);
    expect(projectSnapshot(ben).map).toEqual(big);
  });

  it('a user’s load is one undo step that flips back to the old map, and redo flips forward', () => {
    const doc = createMapDoc(smallMap());
    const undo = createUndoManager(doc);
    const before = readMapFile(doc);
    const big = syntheticMap(100);
    const load = new StagedLoad(doc, big, { undoable: true });
    while (!load.step(every(30)));
    expect(undo.undoStack).toHaveLength(0);
    load.show();
    undo.stopCapturing();
    const added = addNode(doc, { type: 'organization', label: 'After the load' });
    undo.stopCapturing();
    undo.undo();
    expect(readMapFile(doc)).toEqual(big);
    undo.undo();
    expect(readMapFile(doc)).toEqual(before);
    undo.redo();
    expect(readMapFile(doc)).toEqual(big);
    undo.redo();
    expect(readMapFile(doc).nodes.some((n) => n.id === added)).toBe(true);
    // Back on the old map, its edits are undone there too (a new edit ends the redo of the load).
    undo.undo();
    undo.undo();
    updateNode(doc, 'P2', { label: 'Back on the old map' });
    undo.stopCapturing();
    expect(readMapFile(doc).nodes.find((n) => n.id === 'P2')!.label).toBe('Back on the old map');
    undo.undo();
    expect(readMapFile(doc)).toEqual(before);
  });

  it('a second load supersedes the first: it resolves false, and what it wrote is removed', async () => {
    const doc = createMapDoc(smallMap());
    const view = new SnapshotProjector(doc);
    const first = syntheticMap(150, 1);
    const second = syntheticMap(80, 2);
    const pause = () => Promise.resolve();
    const ids = new Set(contentStore(doc).keys());
    const firstLoad = loadMapInSlices(doc, first, { undoable: false, sliceMs: 0, pause });
    await pause();
    const firstId = [...contentStore(doc).keys()].find((id) => !ids.has(id))!;
    const secondLoad = loadMapInSlices(doc, second, { undoable: false, sliceMs: 0, pause });
    expect(await firstLoad).toBe(false);
    expect(await secondLoad).toBe(true);
    expect(view.snapshot.map).toEqual(second);
    // Stopped, its content was marked, and the second load removed it before writing its own.
    expect(contentStore(doc).has(firstId)).toBe(false);
    const stopped = new StagedLoad(doc, first, { undoable: false });
    stopped.step(every(20));
    stopped.cancel();
    expect((contentStore(doc).get(stopped.id) as Y.Map<unknown>).get(CANCELLED_KEY)).toBe(true);
    loadMap(doc, smallMap(), { undoable: false });
    expect(contentStore(doc).has(stopped.id)).toBe(false);
    expect(view.snapshot.map).toEqual(smallMap());
  });

  it('given the doc’s projector, builds the new map’s snapshot in slices after the flip, not inside it', async () => {
    const doc = createMapDoc(smallMap());
    const projector = new SnapshotProjector(doc);
    const county = syntheticMap(1500, 3);
    const heard: number[] = [];
    projector.subscribe((snapshot) => heard.push(snapshot.map.nodes.length));
    let atFlip: number | null = null;
    doc.on('afterTransaction', () => {
      if (atFlip === null && currentContentId(doc) !== null && readMapFile(doc).nodes.length === county.nodes.length) atFlip = projector.snapshot.map.nodes.length;
    });
    expect(await loadMapInSlices(doc, county, { undoable: true, sliceMs: 5, projector })).toBe(true);
    // At the flip the snapshot was still the old map's; resolved, it is the new one's, told once.
    expect(atFlip).toBe(smallMap().nodes.length);
    expect(projector.snapshot.map).toEqual(county);
    expect(projector.holding).toBe(false);
    expect(heard.filter((count) => count === county.nodes.length)).toHaveLength(1);
    // Held by someone else (a peer's sync arriving), the projector stays held: that holder's resume builds it.
    projector.defer();
    expect(await loadMapInSlices(doc, smallMap(), { undoable: true, sliceMs: 5, projector })).toBe(true);
    expect(projector.holding).toBe(true);
    expect(projector.snapshot.map).toEqual(county);
    await projector.resumeInSlices();
    expect(projector.snapshot.map).toEqual(smallMap());
  });

  it('keeps the map shown and the one it replaced; removes older ones, so a room that loads file after file stays small', () => {
    const doc = createMapDoc(smallMap());
    const peer = new Y.Doc();
    doc.on('update', (update: Uint8Array) => Y.applyUpdate(peer, update));
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const big = syntheticMap(300, 5);
    const sizes: number[] = [];
    const shown: string[] = [];
    for (let i = 0; i < 5; i++) {
      const load = new StagedLoad(doc, i % 2 ? smallMap() : big, { undoable: true }, Date.now() + i * 2 * 60_000);
      while (!load.step(every(500)));
      load.show();
      shown.push(load.id);
      sizes.push(Y.encodeStateAsUpdate(peer).length);
    }
    // Shown now, and the one it replaced.
    expect(new Set(contentStore(peer).keys())).toEqual(new Set(shown.slice(-2)));
    expect(readMapFile(peer)).toEqual(big);
    // The state stops growing: two maps kept however many are loaded (each removed map leaves only tombstones).
    expect(sizes[4]).toBeLessThan(sizes[2] * 1.2);
    expect(sizes[4]).toBeLessThan(sizes[0] + Y.encodeStateAsUpdate(createMapDoc(big)).length * 1.2);
  });

  it('stops removing a content that becomes the map again (a peer’s Undo) while a load removes it', () => {
    const doc = createMapDoc(smallMap());
    const undo = createUndoManager(doc);
    const started = Date.now();
    const first = new StagedLoad(doc, syntheticMap(30, 1), { undoable: true }, started);
    while (!first.step(() => false));
    first.show();
    // Minutes later a second load starts: it removes the original map (neither shown nor the newest)…
    const second = new StagedLoad(doc, syntheticMap(30, 2), { undoable: false }, started + 5 * 60_000);
    second.step(every(3));
    // …when Undo flips back to it. What is left of it stays, and nothing more is removed.
    undo.undo();
    const left = readMapFile(doc);
    while (!second.step(every(3)));
    expect(readMapFile(doc)).toEqual(left);
    expect(left.nodes.length).toBeGreaterThan(0);
  });

  it('Undo reaches back over the last load, never to a map removed', () => {
    const doc = createMapDoc(smallMap());
    const undo = createUndoManager(doc);
    const maps = [syntheticMap(20, 1), syntheticMap(20, 2)];
    const now = Date.now();
    maps.forEach((map, i) => {
      const load = new StagedLoad(doc, map, { undoable: true }, now + i * 2 * 60_000);
      while (!load.step(() => false));
      load.show();
      undo.stopCapturing();
      updateNode(doc, 'O1', { label: `Edited on map ${i}` });
      undo.stopCapturing();
    });
    undo.undo();
    expect(readMapFile(doc).nodes.find((n) => n.id === 'O1')!.label).not.toBe('Edited on map 1');
    undo.undo();
    expect(readMapFile(doc).nodes.find((n) => n.id === 'O1')!.label).toBe('Edited on map 0');
    // The map before (smallMap) was removed by the second load, and the steps that led to it dropped.
    expect(undo.canUndo()).toBe(true);
    undo.undo();
    expect(readMapFile(doc).nodes.find((n) => n.id === 'O1')!.label).not.toBe('Edited on map 0');
    expect(undo.canUndo()).toBe(false);
    expect(readMapFile(doc).nodes).toHaveLength(maps[0].nodes.length);
    undo.redo();
    undo.redo();
    undo.redo();
    expect(readMapFile(doc).nodes.find((n) => n.id === 'O1')!.label).toBe('Edited on map 1');
  });

  it('leaves a load under way elsewhere alone, and removes one abandoned long ago', () => {
    const doc = createMapDoc(smallMap());
    const started = Date.now();
    const crashed = new StagedLoad(doc, syntheticMap(50), { undoable: false }, started);
    crashed.step(every(10));
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    loadMapOn(other, syntheticMap(5), started + 60_000);
    expect(contentStore(other).has(crashed.id)).toBe(true);
    loadMapOn(other, smallMap(), started + ABANDONED_AFTER_MS + 1);
    expect(contentStore(other).has(crashed.id)).toBe(false);
    expect(readMapFile(other)).toEqual(smallMap());
    expect((contentStore(other).get(currentContentId(other)!) as Y.Map<unknown>).get(STARTED_KEY)).toBe(started + ABANDONED_AFTER_MS + 1);
  });
});

function loadMapOn(doc: Y.Doc, map: ReturnType<typeof smallMap>, now: number): void {
  const load = new StagedLoad(doc, map, { undoable: false }, now);
  while (!load.step(() => false));
  load.show();
}

describe('layout v3 against hostile or old documents', () => {
  it('reads a pointer that names nothing, or a malformed content, as the top-level map; never throws', () => {
    const doc = new Y.Doc();
    mapRoots(doc).meta.set('title', 'Top level');
    const view = new SnapshotProjector(doc);
    for (const bad of [42, 'content-missing', null]) {
      contentPointer(doc).set(CONTENT_KEY, bad);
      expect(view.snapshot.map.meta.title).toBe('Top level');
    }
    const malformed = new Y.Map<unknown>();
    malformed.set('nodes', 'not a map');
    contentStore(doc).set('content-bad', malformed);
    contentPointer(doc).set(CONTENT_KEY, 'content-bad');
    expect(view.snapshot.map.meta.title).toBe('Top level');
    contentStore(doc).set('content-text', 'just text');
    // A load cleans up what is not a content at all, and a content whose start nobody wrote.
    expect(() => loadMap(doc, smallMap(), { undoable: false })).not.toThrow();
    expect(view.snapshot.map).toEqual(smallMap());
    expect(contentStore(doc).has('content-text')).toBe(false);
    expect(contentStore(doc).has('content-bad')).toBe(false);
  });

  it('shows the complete content started last when the pointer names none, on every replica alike', () => {
    const ana = createMapDoc(smallMap());
    const later = syntheticMap(10, 4);
    const load = new StagedLoad(ana, later, { undoable: false }, Date.now() + 1000);
    while (!load.step(() => false));
    load.show();
    const unfinished = new StagedLoad(ana, syntheticMap(10, 5), { undoable: false }, Date.now() + 2000);
    unfinished.step(every(3));
    // Concurrent undos of two peers' loads can leave the pointer's key deleted.
    ana.transact(() => contentPointer(ana).delete(CONTENT_KEY));
    const ben = new Y.Doc();
    Y.applyUpdate(ben, Y.encodeStateAsUpdate(ana));
    expect(readMapFile(ana)).toEqual(later);
    expect(readMapFile(ben)).toEqual(later);
    expect(currentContentId(ben)).toBe(load.id);
  });

  it('opens a v2 document (the map in the top-level roots) without rewriting it; Undo of a load returns to it', () => {
    const v2 = new Y.Doc();
    const roots = mapRoots(v2);
    const fields = new Y.Map<unknown>();
    v2.transact(() => {
      roots.meta.set(SCHEMA_KEY, 2);
      roots.meta.set('title', 'Made by v2');
      fields.set('type', 'organization');
      fields.set('label', 'Old org');
      fields.set('$order', 0);
      roots.nodes.set('O-old', fields);
    });
    const before = readMapFile(v2);
    expect(migrateDoc(v2)).toBe('migrated');
    expect(readMapFile(v2)).toEqual({ ...before });
    expect(contentStore(v2).size).toBe(0);
    const undo = createUndoManager(v2);
    loadMap(v2, smallMap(), { undoable: true });
    expect(readMapFile(v2)).toEqual(smallMap());
    undo.undo();
    expect(readMapFile(v2).nodes.map((n) => n.label)).toEqual(['Old org']);
  });
});
