import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMapDoc, emptyMap, LOCAL_ORIGIN, mapRoots } from '../../../src/model/doc.ts';
import { addEdge, addNode, removeNodes, updateNode } from '../../../src/model/mutations.ts';
import { entryLabel, touchedEntries } from '../../../src/collab/kept-edits.ts';

describe('naming the edits kept on this device', () => {
  const record = (doc: Y.Doc) => {
    const seen: string[][] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => transaction.local && seen.push(touchedEntries(doc, transaction)));
    return seen;
  };

  it('names added, changed and deleted nodes and ties, and the map itself', () => {
    const doc = createMapDoc(emptyMap('Kept'));
    const seen = record(doc);
    const org = addNode(doc, { type: 'organization', label: 'Harbor YMCA' });
    const program = addNode(doc, { type: 'program', label: 'Swim lessons', organizationId: org });
    updateNode(doc, program, { capacity: 40 });
    const tie = addEdge(doc, { type: 'referral', source: program, target: program });
    doc.transact(() => mapRoots(doc).meta.set('title', 'Kept map'), LOCAL_ORIGIN);
    removeNodes(doc, [org], { programs: 'keep' });
    expect(seen[0]).toEqual([org]);
    expect(seen[2]).toEqual([program]);
    expect(seen[3]).toEqual([tie]);
    expect(seen[4]).toEqual(['map']);
    expect(seen[5]).toContain(org);
    expect(entryLabel(doc, program)).toBe('Swim lessons');
    expect(entryLabel(doc, org)).toBe(`${org} (deleted)`);
    expect(entryLabel(doc, 'map')).toMatch(/title/);
  });
});
