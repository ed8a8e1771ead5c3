// The projector keeps the contents it does not show read (the one being loaded, the one a load
// replaced), so flipping to either costs only the snapshot: Undo of a county load, a load shown after
// a peer's, and a stored map opened slice by slice (whose flips may come in another client's order).
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ContentReader } from '../../../src/model/content-reader.ts';
import { createMapDoc } from '../../../src/model/doc.ts';
import { loadMap, StagedLoad } from '../../../src/model/map-load.ts';
import { readMapFile, SnapshotProjector } from '../../../src/model/snapshot.ts';
import { syntheticMap } from '../../../src/model/synthetic.ts';
import { createUndoManager } from '../../../src/model/undo.ts';
import { addNode, updateNode } from '../../../src/model/mutations.ts';
import { nextTask } from '../../../src/model/tasks.ts';
import { sliceUpdate } from '../../../src/persist/update-slices.ts';

afterEach(() => vi.restoreAllMocks());

describe('contents kept read', () => {
  it('shows the map a load replaced again on Undo without reading it whole', () => {
    const small = syntheticMap(40);
    const doc = createMapDoc(small);
    const projector = new SnapshotProjector(doc);
    const undo = createUndoManager(doc);
    loadMap(doc, syntheticMap(120, 2), { undoable: true });
    expect(projector.snapshot.map.nodes.length).toBe(syntheticMap(120, 2).nodes.length);
    const expected = readMapFile(createMapDoc(small));
    const readAll = vi.spyOn(ContentReader.prototype, 'readAll');
    undo.undo();
    expect(readAll).not.toHaveBeenCalled();
    expect(projector.snapshot.map).toEqual(expected);
    // Redo writes the undone content again: a new content, read as it comes back.
    undo.redo();
    expect(projector.snapshot.map.nodes.length).toBe(syntheticMap(120, 2).nodes.length);
  });

  it('keeps a map being loaded read while a peer’s load is shown, and shows it without reading it again', () => {
    const ana = createMapDoc(syntheticMap(20));
    const ben = new Y.Doc();
    Y.applyUpdate(ben, Y.encodeStateAsUpdate(ana));
    ana.on('update', (update: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(ben, update, 'wire'));
    ben.on('update', (update: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(ana, update, 'wire'));
    const projector = new SnapshotProjector(ana);
    const big = syntheticMap(200, 3);
    const load = new StagedLoad(ana, big, { undoable: false });
    while (!load.step(() => false));
    // Ben opens a map of his while Ana's is written but not yet shown.
    loadMap(ben, syntheticMap(30, 4), { undoable: false });
    expect(projector.snapshot.map.nodes.length).toBe(syntheticMap(30, 4).nodes.length);
    const readAll = vi.spyOn(ContentReader.prototype, 'readAll');
    load.show();
    expect(readAll).not.toHaveBeenCalled();
    expect(projector.snapshot.map.nodes.map((node) => node.id)).toEqual(big.nodes.map((node) => node.id));
  });

  it('builds no snapshot while deferred, and one on resume', () => {
    const source = createMapDoc(syntheticMap(60));
    const opened = new Y.Doc();
    const projector = new SnapshotProjector(opened, true);
    const heard = vi.fn();
    projector.subscribe(heard);
    const before = projector.snapshot;
    for (const slice of sliceUpdate(Y.encodeStateAsUpdate(source), 100)) Y.applyUpdate(opened, slice);
    expect(projector.snapshot).toBe(before);
    expect(heard).not.toHaveBeenCalled();
    projector.resume();
    expect(projector.snapshot.map).toEqual(readMapFile(source));
  });

  it('holds the map shown while a running projector is deferred, then shows what arrived as one load', () => {
    const source = createMapDoc(syntheticMap(50, 5));
    const joined = new Y.Doc();
    const projector = new SnapshotProjector(joined);
    const shown = projector.snapshot;
    const changes: boolean[] = [];
    projector.subscribe((_snapshot, change) => changes.push(!!change.load));
    projector.defer();
    for (const slice of sliceUpdate(Y.encodeStateAsUpdate(source), 100)) Y.applyUpdate(joined, slice);
    expect(projector.snapshot).toBe(shown);
    expect(changes).toEqual([]);
    projector.resume();
    expect(changes).toEqual([true]);
    expect(projector.snapshot.map).toEqual(readMapFile(joined));
    // Nothing changed while deferred: resuming tells nobody.
    projector.defer();
    projector.resume();
    expect(changes).toEqual([true]);
  });

  describe('a sliced resume', () => {
    /** A projector deferred while a stored map of `programs` is applied to it a slice at a time. */
    function openedMap(programs: number) {
      const source = createMapDoc(syntheticMap(programs, 3));
      const opened = new Y.Doc();
      const projector = new SnapshotProjector(opened, true);
      for (const slice of sliceUpdate(Y.encodeStateAsUpdate(source), 200)) Y.applyUpdate(opened, slice);
      const loads: boolean[] = [];
      projector.subscribe((_snapshot, change) => loads.push(!!change.load));
      return { opened, projector, loads, before: projector.snapshot };
    }

    it('builds across tasks (not in the one it was asked in) the snapshot `resume` builds, and tells once', async () => {
      const { opened, projector, loads, before } = openedMap(300);
      const resumed = projector.resumeInSlices(0);
      expect(projector.snapshot).toBe(before);
      await resumed;
      expect(projector.snapshot.map).toEqual(readMapFile(opened));
      expect(loads).toEqual([true]);
      // No longer deferred: an edit is shown at once.
      addNode(opened, { type: 'program', label: 'After the resume' });
      expect(projector.snapshot.map.nodes.some((n) => n.label === 'After the resume')).toBe(true);
    });

    it('starts over when the map changes while it builds, so the change is not lost', async () => {
      const { opened, projector, loads } = openedMap(300);
      const resumed = projector.resumeInSlices(0);
      await nextTask(); // the build's first pause has passed: it is part-way
      updateNode(opened, readMapFile(opened).nodes[0].id, { label: 'Renamed while building' });
      await resumed;
      expect(projector.snapshot.map).toEqual(readMapFile(opened));
      expect(projector.snapshot.map.nodes.some((n) => n.label === 'Renamed while building')).toBe(true);
      expect(loads).toEqual([true]);
    });

    it('held again while it builds, stays deferred; the next resume shows everything', async () => {
      const { opened, projector, loads, before } = openedMap(300);
      const resumed = projector.resumeInSlices(0);
      await nextTask(); // the build's first pause has passed: it is part-way
      projector.defer();
      await resumed;
      expect(projector.snapshot).toBe(before);
      expect(loads).toEqual([]);
      projector.resume();
      expect(projector.snapshot.map).toEqual(readMapFile(opened));
      expect(loads).toEqual([true]);
    });
  });
});
