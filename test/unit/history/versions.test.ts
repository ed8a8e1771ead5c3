import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMapDoc, createUndoManager, readMapFile, validateMap } from '../../../src/model/index.ts';
import { addEdge, addNode, removeNodes, updateNode } from '../../../src/model/mutations.ts';
import { mapRoots } from '../../../src/model/doc.ts';
import { takeVersion, listVersions, findVersion, versionMap, storedVersions } from '../../../src/history/versions.ts';
import { restoreVersion } from '../../../src/history/restore.ts';
import { setEditor } from '../../../src/model/attribution.ts';
import { smallMap } from '../../fixtures/small-map.ts';

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};
/** The map's content in an order-free form: restore and undo may reorder entries, never change them. */
const canonical = (doc: Y.Doc) => {
  const { meta, nodes, edges, views, positions } = readMapFile(doc);
  const byId = (list: { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  return { meta, nodes: byId(nodes), edges: byId(edges), views, positions };
};
const mapAt = (doc: Y.Doc, id: string) => {
  const { versions, version } = findVersion(doc, id);
  return versionMap(versions, version).map!;
};

describe('named versions', () => {
  it('rebuilds each version as it was; later ones store only their changes', () => {
    const doc = createMapDoc(smallMap());
    setEditor(doc, () => 'Ana');
    const first = takeVersion(doc, 'Baseline, convening 1');
    updateNode(doc, 'P2', { label: 'After school club', capacity: 30 });
    const added = addNode(doc, { type: 'program', label: 'Tutoring', lifeStages: ['k12'] });
    const second = takeVersion(doc, 'Convening 2');
    removeNodes(doc, ['P3']);
    const listed = listVersions(doc);
    expect(listed.map((v) => [v.label, v.by, v.stored])).toEqual([
      ['Baseline, convening 1', 'Ana', 'content'],
      ['Convening 2', 'Ana', 'changes'],
    ]);
    const before = mapAt(doc, first);
    expect(before.nodes.find((n) => n.id === 'P2')!.label).toBe('After school');
    expect(before.nodes.some((n) => n.id === added)).toBe(false);
    const after = mapAt(doc, second);
    expect(after.nodes.find((n) => n.id === 'P2')).toMatchObject({ label: 'After school club', capacity: 30 });
    expect(after.nodes.some((n) => n.id === added)).toBe(true);
    expect(after.nodes.some((n) => n.id === 'P3')).toBe(true);
    expect(readMapFile(doc).nodes.some((n) => n.id === 'P3')).toBe(false);
    // The second version holds only what changed, not a copy.
    const stored = storedVersions(doc)[1];
    expect(stored.changes!.nodes!.set!.map((n) => n.id).sort()).toEqual([added, 'P2'].sort());
  });

  it('keeps versions taken at once by two peers', () => {
    const a = createMapDoc(smallMap());
    const b = new Y.Doc();
    sync(a, b);
    takeVersion(a, 'Ana’s version', { by: 'Ana' });
    updateNode(b, 'P1', { label: 'Home visits' });
    takeVersion(b, 'Ben’s version', { by: 'Ben' });
    sync(a, b);
    for (const doc of [a, b]) {
      expect(listVersions(doc).map((v) => v.label).sort()).toEqual(['Ana’s version', 'Ben’s version']);
      for (const v of listVersions(doc)) expect(mapAt(doc, v.id).nodes).toHaveLength(5);
    }
    expect(mapAt(a, listVersions(a).find((v) => v.by === 'Ben')!.id).nodes.find((n) => n.id === 'P1')!.label).toBe('Home visits');
  });

  it('travels in the map file: export, validate, import gives the same versions', () => {
    const doc = createMapDoc(smallMap());
    const id = takeVersion(doc, 'March 2026', { by: 'Ana' });
    updateNode(doc, 'P3', { status: 'active' });
    takeVersion(doc, 'June 2026', { by: 'Ben' });
    const file = JSON.parse(JSON.stringify(readMapFile(doc)));
    expect(file.versions).toHaveLength(2);
    const { map, problems } = validateMap(file);
    expect(problems).toEqual([]);
    const imported = createMapDoc(map!);
    expect(listVersions(imported)).toEqual(listVersions(doc));
    expect(mapAt(imported, id)).toEqual(mapAt(doc, id));
    expect(mapAt(imported, listVersions(doc)[1].id).nodes.find((n) => n.id === 'P3')!.status).toBe('active');
  });

  it('maps without versions stay valid; broken versions are named by their path', () => {
    expect(validateMap(smallMap()).problems).toEqual([]);
    const bad = { ...smallMap(), versions: [{ id: 'v1', label: 'One', at: '2026-03-01T00:00:00Z', base: 'v0', changes: {} }, { id: 'v2', label: '', at: 'x' }] };
    const paths = validateMap(bad).problems.map((p) => p.path);
    expect(paths).toContain('versions[1].label');
    const loop = { ...smallMap(), versions: [
      { id: 'v1', label: 'One', at: '2026-03-01T00:00:00Z', base: 'v2', changes: {} },
      { id: 'v2', label: 'Two', at: '2026-03-02T00:00:00Z', base: 'v1', changes: {} },
      { id: 'v3', label: 'Three', at: '2026-03-03T00:00:00Z', base: 'v9', changes: {} },
    ] };
    const messages = validateMap(loop).problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toContain('versions[0].base: the versions\' bases form a loop');
    expect(messages).toContain('versions[2].base: no version "v9"');
  });

  it('a version a peer wrote badly is reported when rebuilt, never thrown', () => {
    const doc = createMapDoc(smallMap());
    mapRoots(doc).versions.set('x', { id: 'x', label: 'Hostile', at: '2026-01-01T00:00:00Z', content: { meta: { title: 1 }, nodes: 'no', edges: [] } });
    const rebuilt = versionMap(storedVersions(doc), storedVersions(doc)[0]);
    expect(rebuilt.map).toBeNull();
    expect(rebuilt.problems!.length).toBeGreaterThan(0);
    expect(() => takeVersion(doc, 'Fine')).not.toThrow();
    expect(listVersions(doc).find((v) => v.label === 'Fine')!.stored).toBe('content');
  });

  it('refuses an empty or marked-up label', () => {
    const doc = createMapDoc(smallMap());
    expect(() => takeVersion(doc, '  ')).toThrow(/label: must not be empty/);
    expect(() => takeVersion(doc, '<b>x</b>')).toThrow(/markup/);
    expect(listVersions(doc)).toEqual([]);
  });

  it('restore is one undoable change: undo gives the exact prior map', () => {
    const doc = createMapDoc(smallMap());
    const undo = createUndoManager(doc);
    const id = takeVersion(doc, 'Baseline');
    updateNode(doc, 'P2', { label: 'Changed', capacity: 12 });
    addEdge(doc, { type: 'referral', source: 'P1', target: 'P3', status: 'active' });
    removeNodes(doc, ['O2']);
    undo.stopCapturing();
    const prior = canonical(doc);
    restoreVersion(doc, id);
    const restored = canonical(doc);
    const baseline = smallMap();
    expect(restored.nodes).toEqual([...baseline.nodes].sort((a, b) => a.id.localeCompare(b.id)));
    expect(restored.edges).toEqual([...baseline.edges].sort((a, b) => a.id.localeCompare(b.id)));
    expect(restored.meta).toEqual(baseline.meta);
    expect(restored.positions).toEqual(baseline.positions);
    undo.undo();
    expect(canonical(doc)).toEqual(prior);
    undo.redo();
    expect(canonical(doc)).toEqual(restored);
  });
});

describe('version order', () => {
  it('lists versions in the order they were taken, even within one millisecond', () => {
    const doc = createMapDoc(smallMap());
    const labels = Array.from({ length: 12 }, (_, i) => `v${i}`);
    for (const label of labels) takeVersion(doc, label, { by: 'Ana' });
    expect(listVersions(doc).map((v) => v.label)).toEqual(labels);
  });
});
