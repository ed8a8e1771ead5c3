import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createMapDoc, createUndoManager, readMapFile } from '../../../src/model/index.ts';
import { loadMap } from '../../../src/model/map-load.ts';
import { mapRoots } from '../../../src/model/doc.ts';
import { addEdge, addNode, removeNodes, updateEdge, updateNode } from '../../../src/model/mutations.ts';
import { CHANGES_PER_ELEMENT, editors, elementsChangedBy, historyOf, SAME_CHANGE_WITHIN_MS, setEditor } from '../../../src/model/attribution.ts';
import { takeVersion } from '../../../src/history/versions.ts';
import { restoreVersion } from '../../../src/history/restore.ts';
import { smallMap } from '../../fixtures/small-map.ts';

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('who changed what', () => {
  // The tests that set the clock (records within a minute are one) put it back after.
  afterEach(() => vi.useRealTimers());

  it('records a person’s changes to the same fields within a minute once, so typing does not grow the document', () => {
    const doc = createMapDoc(smallMap());
    setEditor(doc, () => 'Ana');
    const start = Date.UTC(2026, 10, 30, 9, 0);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(start);
    const before = Y.encodeStateAsUpdate(doc).byteLength;
    for (let i = 0; i < 200; i++) {
      vi.setSystemTime(start + i * 100);
      updateNode(doc, 'P1', { label: `Home visits ${i}` });
    }
    expect(historyOf(doc, 'node:P1')).toMatchObject([{ by: 'Ana', action: 'changed', fields: ['label'], at: new Date(start).toISOString() }]);
    // Another field, or the same one a minute later, is a new entry.
    updateNode(doc, 'P1', { capacity: 40 });
    vi.setSystemTime(start + SAME_CHANGE_WITHIN_MS + 1);
    updateNode(doc, 'P1', { label: 'Home visits' });
    expect(historyOf(doc, 'node:P1').map((e) => e.fields)).toEqual([['label'], ['capacity'], ['label']]);
    // 200 edits of one field: the labels' own tombstones, not 200 records of who changed them.
    expect(Y.encodeStateAsUpdate(doc).byteLength - before).toBeLessThan(200 * 40);
  });

  it('keeps each loaded map’s record apart: after a load, and after its undo, an element’s history is its own map’s', () => {
    const doc = createMapDoc(smallMap());
    const undo = createUndoManager(doc);
    setEditor(doc, () => 'Ana');
    updateNode(doc, 'P1', { label: 'Before the load' });
    expect(historyOf(doc, 'node:P1')).toHaveLength(1);
    loadMap(doc, smallMap(), { undoable: true });
    undo.stopCapturing();
    // The loaded map's P1 has no history yet; recording and pruning work on its own record.
    expect(historyOf(doc, 'node:P1')).toEqual([]);
    vi.useFakeTimers({ toFake: ['Date'] });
    for (let i = 0; i < CHANGES_PER_ELEMENT + 3; i++) {
      vi.setSystemTime(Date.UTC(2026, 10, 30, 9, 0) + i * SAME_CHANGE_WITHIN_MS);
      updateNode(doc, 'P1', { capacity: i + 1 });
    }
    expect(historyOf(doc, 'node:P1')).toHaveLength(CHANGES_PER_ELEMENT);
    expect(mapRoots(doc).changes.size).toBe(CHANGES_PER_ELEMENT);
    undo.stopCapturing();
    while (readMapFile(doc).nodes.find((n) => n.id === 'P1')!.label !== 'Before the load' && undo.canUndo()) undo.undo();
    expect(historyOf(doc, 'node:P1')).toMatchObject([{ by: 'Ana', action: 'changed', fields: ['label'] }]);
  });

  it('names the right person for edits from two peers, on both', () => {
    const ana = createMapDoc(smallMap());
    const ben = new Y.Doc();
    sync(ana, ben);
    setEditor(ana, () => 'Ana');
    setEditor(ben, () => 'Ben');
    updateNode(ana, 'P1', { label: 'Home visits' });
    updateNode(ben, 'P1', { capacity: 120 });
    const added = addNode(ben, { type: 'program', label: 'Tutoring' });
    addEdge(ana, { id: 'E9', type: 'referral', source: 'P2', target: 'P3' });
    sync(ana, ben);
    for (const doc of [ana, ben]) {
      const p1 = historyOf(doc, 'node:P1');
      expect(p1.map((e) => [e.by, e.action, e.fields])).toEqual(expect.arrayContaining([
        ['Ana', 'changed', ['label']],
        ['Ben', 'changed', ['capacity']],
      ]));
      expect(p1).toHaveLength(2);
      expect(historyOf(doc, `node:${added}`)).toMatchObject([{ by: 'Ben', action: 'added' }]);
      expect(historyOf(doc, 'edge:E9')).toMatchObject([{ by: 'Ana', action: 'added' }]);
      expect(elementsChangedBy(doc, 'Ben').sort()).toEqual([`node:${added}`, 'node:P1'].sort());
      expect(Object.fromEntries(editors(doc))).toEqual({ Ana: 2, Ben: 2 });
    }
  });

  it('records removals (with the ties that went with a node) and restores', () => {
    const doc = createMapDoc(smallMap());
    setEditor(doc, () => 'Cleo');
    const version = takeVersion(doc, 'Before');
    removeNodes(doc, ['P2']);
    expect(historyOf(doc, 'node:P2')).toMatchObject([{ by: 'Cleo', action: 'removed' }]);
    expect(historyOf(doc, 'edge:E1')).toMatchObject([{ by: 'Cleo', action: 'removed' }]);
    setEditor(doc, () => 'Dev');
    restoreVersion(doc, version);
    expect(historyOf(doc, 'node:P2')[0]).toMatchObject({ by: 'Dev', action: 'restored', version: 'Before' });
    expect(historyOf(doc, 'node:P1')).toEqual([]);
  });

  it('keeps only the newest entries per element', () => {
    const doc = createMapDoc(smallMap());
    setEditor(doc, () => 'Ana');
    vi.useFakeTimers({ toFake: ['Date'] });
    for (let i = 0; i < CHANGES_PER_ELEMENT + 5; i++) {
      vi.setSystemTime(Date.UTC(2026, 10, 30, 9, 0) + i * SAME_CHANGE_WITHIN_MS);
      updateEdge(doc, 'E1', { volume: i + 1 });
    }
    const entries = historyOf(doc, 'edge:E1');
    expect(entries).toHaveLength(CHANGES_PER_ELEMENT);
    expect([...mapRoots(doc).changes.keys()]).toHaveLength(CHANGES_PER_ELEMENT);
  });

  it('skips entries a peer wrote malformed', () => {
    const doc = createMapDoc(smallMap());
    mapRoots(doc).changes.set('node:P1\u0000x', { by: 42, at: 'now', action: 'ate' });
    mapRoots(doc).changes.set('node:P1\u0000y', { by: 'Eve', at: '2026-01-01T00:00:00.000Z', action: 'changed', fields: ['label', 7] });
    expect(historyOf(doc, 'node:P1')).toEqual([{ by: 'Eve', at: '2026-01-01T00:00:00.000Z', action: 'changed', fields: ['label'] }]);
  });
});
