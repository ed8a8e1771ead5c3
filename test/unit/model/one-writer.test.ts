// One writer: only src/model writes the document. History computes and the UI binds; the writes they
// need are named mutations, checked here and by a scan of the sources.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMapDoc, createUndoManager, mapRoots, readMapFile } from '../../../src/model/index.ts';
import { ModelError, removeNodes, removeQuarantined } from '../../../src/model/mutations.ts';
import { putVersion } from '../../../src/model/version-writes.ts';
import type { MapVersion } from '../../../src/model/types.ts';
import { smallMap } from '../../fixtures/small-map.ts';

const SRC = join(import.meta.dirname, '../../../src');
/** Files outside src/model allowed to open a transaction on a document (none: the model is the only writer). */
const ALLOWED: string[] = [];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
  });
}

describe('one writer of the document', () => {
  it('no file outside src/model opens a transaction on a document', () => {
    const writers = sources(SRC)
      .map((path) => relative(SRC, path).split('\\').join('/'))
      .filter((path) => !path.startsWith('model/') && !ALLOWED.includes(path))
      .filter((path) => /\.transact\s*\(/.test(readFileSync(join(SRC, path), 'utf8')));
    expect(writers).toEqual([]);
  });

  it('removes the rest of a selection with the nodes in one undo step', () => {
    const doc = createMapDoc(smallMap());
    const undo = createUndoManager(doc);
    removeNodes(doc, ['O2'], { programs: 'delete', edges: ['E1'] });
    expect(readMapFile(doc).edges.map((e) => e.id)).not.toContain('E1');
    expect(readMapFile(doc).nodes.map((n) => n.id)).not.toContain('P2');
    undo.undo();
    expect(readMapFile(doc)).toEqual(readMapFile(createMapDoc(smallMap())));
  });

  it('checks a move target before removing anything', () => {
    const doc = createMapDoc(smallMap());
    expect(() => removeNodes(doc, ['O1'], { programs: { reassignTo: 'nope' }, edges: ['E1'] })).toThrow(ModelError);
    expect(readMapFile(doc).edges.map((e) => e.id)).toContain('E1');
  });

  it('removes a quarantined entry, and refuses an unknown collection', () => {
    const doc = createMapDoc(smallMap());
    doc.transact(() => mapRoots(doc).nodes.set('BAD', 'not a node' as never));
    removeQuarantined(doc, 'nodes', 'BAD');
    expect(mapRoots(doc).nodes.has('BAD')).toBe(false);
    expect(() => removeQuarantined(doc, 'versions' as never, 'x')).toThrow(ModelError);
  });

  it('stores a well-formed version once and refuses a malformed one', () => {
    const doc = createMapDoc(smallMap());
    const entry = { id: 'V1', label: 'First', at: '2026-01-01T00:00:00.000Z', content: { meta: {}, nodes: [], edges: [], views: [], positions: {} } } as unknown as MapVersion;
    putVersion(doc, entry);
    expect(mapRoots(doc).versions.get('V1')).toEqual(entry);
    expect(() => putVersion(doc, entry)).toThrow(ModelError);
    expect(() => putVersion(doc, { ...entry, id: 'V2', label: '' })).toThrow(ModelError);
    expect(mapRoots(doc).versions.has('V2')).toBe(false);
  });
});
