import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMapDoc, createUndoManager, mapRoots, readMapFile } from '../../../src/model/index.ts';
import { addNode, updateNode } from '../../../src/model/mutations.ts';
import { smallMap } from '../../fixtures/small-map.ts';

describe('undo', () => {
  it('undoes and redoes only the local user’s changes', () => {
    const doc = createMapDoc(smallMap());
    const undo = createUndoManager(doc);
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));

    const id = addNode(doc, { type: 'program', label: 'Mine' });
    undo.stopCapturing();
    mapRoots(remote).nodes.get('P2')!.set('label', 'Theirs');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    updateNode(doc, 'P3', { label: 'Also mine' });
    undo.stopCapturing();

    undo.undo();
    let map = readMapFile(doc);
    expect(map.nodes.find((n) => n.id === 'P3')!.label).toBe('Job training');
    expect(map.nodes.find((n) => n.id === 'P2')!.label).toBe('Theirs');
    undo.undo();
    map = readMapFile(doc);
    expect(map.nodes.some((n) => n.id === id)).toBe(false);
    expect(map.nodes.find((n) => n.id === 'P2')!.label).toBe('Theirs');
    undo.redo();
    expect(readMapFile(doc).nodes.some((n) => n.id === id)).toBe(true);
  });
});
