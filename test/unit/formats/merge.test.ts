// Merging an import into the open map: match by id then by label, a preview before any change,
// and one transaction that a single undo takes back.
import { describe, expect, it } from 'vitest';
import { applyMerge, planMerge } from '../../../src/formats/merge.ts';
import { createMapDoc } from '../../../src/model/doc.ts';
import { readMapFile } from '../../../src/model/snapshot.ts';
import { createUndoManager } from '../../../src/model/undo.ts';
import type { PathwaysMap } from '../../../src/model/types.ts';
import { smallMap } from '../../fixtures/small-map.ts';

function incoming(): PathwaysMap {
  return {
    format: 'pathways-map', version: 1, meta: { title: 'Import', areas: [{ id: 'east', label: 'East' }] }, views: [],
    nodes: [
      { id: 'O1', type: 'organization', label: 'Family Center', sector: 'nonprofit', backbone: true, customField: 'kept' }, // same id, same fields → skipped
      { id: 'school-district', type: 'organization', label: '  school   district ', url: 'http://school.example' }, // matches O2 by label → updated
      { id: 'new-prog', type: 'program', label: 'Reading Buddies', organization: 'school-district', areas: ['east'] }, // added, org remapped to O2
    ],
    edges: [
      { id: 'x1', type: 'referral', source: 'new-prog', target: 'P2', status: 'active' }, // added
      { id: 'x2', type: 'partnership', source: 'O1', target: 'school-district', level: 'coordinated' }, // same as E3 after remap → skipped
    ],
    positions: { 'new-prog': { x: 5, y: 6 }, 'school-district': { x: 999, y: 999 } },
  };
}

describe('merge', () => {
  it('previews added, updated and skipped without touching the open map', () => {
    const current = smallMap();
    const before = JSON.stringify(current);
    const plan = planMerge(current, incoming());
    expect(JSON.stringify(current)).toBe(before);
    expect(plan.problems).toEqual([]);
    expect({ added: plan.added, updated: plan.updated, skipped: plan.skipped }).toEqual({
      added: { nodes: 1, edges: 1 },
      updated: { nodes: 1, edges: 0 },
      skipped: { nodes: 1, edges: 1 },
    });
    const merged = plan.merged!;
    expect(merged.nodes.find((n) => n.id === 'O2')).toMatchObject({ label: 'School District', url: 'http://school.example', sector: 'public' });
    expect(merged.nodes.find((n) => n.id === 'new-prog')).toMatchObject({ organization: 'O2' });
    expect(merged.edges.find((e) => e.id === 'x1')).toMatchObject({ source: 'new-prog', target: 'P2' });
    // Existing nodes keep their place; new ones bring theirs.
    expect(plan.writes.positions).toEqual({ 'new-prog': { x: 5, y: 6 } });
    expect(merged.meta.areas!.map((a) => a.id)).toEqual(['north', 'south', 'east']);
  });

  it('applies as one undo step', () => {
    const doc = createMapDoc(smallMap());
    const undo = createUndoManager(doc);
    const before = readMapFile(doc);
    const plan = planMerge(before, incoming());
    applyMerge(doc, plan);
    const after = readMapFile(doc);
    expect(after.nodes.length).toBe(before.nodes.length + 1);
    expect(after.nodes.find((n) => n.id === 'O2')!.url).toBe('http://school.example');
    undo.undo();
    expect(readMapFile(doc)).toEqual(before);
    expect(undo.undoStack.length).toBe(0);
  });

  it('refuses a merge whose result would be invalid, naming the problem', () => {
    const bad = incoming();
    bad.edges.push({ id: 'x3', type: 'referral', source: 'O1', target: 'P2' });
    const plan = planMerge(smallMap(), bad);
    expect(plan.merged).toBeNull();
    expect(plan.problems.map((p) => p.message)).toContain('"O1" is a organization; a referral goes from a program to a program');
    expect(() => applyMerge(createMapDoc(smallMap()), plan)).toThrow(/nothing was changed/);
  });

  it('brings the life stages, populations and outcomes the open map lacks, and one undo takes them back', () => {
    const current = smallMap();
    delete current.meta.lifeStages; // the defaults, as a map that names none of its own
    const theirs = incoming();
    theirs.meta.lifeStages = [{ id: 'k12', label: 'School years' }, { id: 'youth', label: 'Opportunity youth' }];
    theirs.meta.populations = [{ id: 'newcomers', label: 'Newcomer families', languages: ['es'] }];
    theirs.meta.outcomes = [{ measure: 'Kindergarten readiness', stage: 'early-childhood' }];
    theirs.nodes.push({ id: 'reengage', type: 'program', label: 'Re-engagement Center', lifeStages: ['youth'], populations: ['newcomers'] });
    const plan = planMerge(current, theirs);
    expect(plan.problems).toEqual([]);
    expect(plan.addedSettings).toEqual({ lifeStages: 1, areas: 1, populations: 1, outcomes: 1 }); // 'east' too
    // The defaults stay (with our labels: "K–12", not theirs), the new stage is added after them.
    expect(plan.merged!.meta.lifeStages!.map((s) => s.label)).toEqual(['Prenatal & birth', 'Early childhood', 'K–12', 'Postsecondary', 'Workforce', 'Aging', 'Opportunity youth']);
    expect(plan.merged!.meta.populations!.map((p) => p.id)).toEqual([...(current.meta.populations ?? []).map((p) => p.id), 'newcomers']);
    expect(plan.merged!.meta.outcomes!.map((o) => o.measure)).toContain('Kindergarten readiness');
    // Merging the same again adds no settings.
    expect(Object.keys(planMerge(plan.merged!, theirs).writes.meta)).toEqual([]);

    const doc = createMapDoc(current);
    const undo = createUndoManager(doc);
    const before = readMapFile(doc);
    applyMerge(doc, plan);
    expect(readMapFile(doc).meta.lifeStages!.at(-1)).toEqual({ id: 'youth', label: 'Opportunity youth' });
    expect(readMapFile(doc).nodes.find((n) => n.id === 'reengage')).toMatchObject({ lifeStages: ['youth'] });
    undo.undo();
    expect(readMapFile(doc)).toEqual(before);
  });
});
