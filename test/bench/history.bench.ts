// Issue 17 figures: taking a version of a 5,000-program map, comparing two 5,000-program versions,
// and how big the document grows with 20 versions of the demo (against the demo's JSON).
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { analyze } from '../../src/analysis/index.ts';
import { clearStructureCache } from '../../src/analysis/structure-cache.ts';
import { diffMaps, elementChanges } from '../../src/history/diff.ts';
import { findVersion, takeVersion, versionMap } from '../../src/history/versions.ts';
import { createMapDoc, readMapFile, SnapshotProjector } from '../../src/model/index.ts';
import { updateNode, addNode } from '../../src/model/mutations.ts';
import { syntheticMap } from '../../src/model/synthetic.ts';
import type { PathwaysMap } from '../../src/model/types.ts';
import { measure } from './measure.ts';

/** A convening's worth of edits: a few programs renamed or re-staffed, one new program. */
function editSome(doc: Y.Doc, map: PathwaysMap, round: number): void {
  const programs = map.nodes.filter((n) => n.type === 'program');
  for (let i = 0; i < 5; i++) {
    const program = programs[(round * 7 + i * 13) % programs.length];
    updateNode(doc, program.id, { capacity: 10 + round * 5 + i, label: `${program.label.replace(/ \(r\d+\)$/, '')} (r${round})` });
  }
  addNode(doc, { type: 'program', label: `New program ${round}`, lifeStages: ['early-childhood'] });
}

export default async function () {
  const big = syntheticMap(5000);
  const doc = createMapDoc(big);
  takeVersion(doc, 'Baseline');
  editSome(doc, big, 1);
  // The studio passes its snapshot; projecting the doc is measured in model.bench.
  const projector = new SnapshotProjector(doc);
  await measure('take a version of a 5,000-program map (changes only)', () => takeVersion(doc, 'Again', { current: projector.snapshot.map }), 3);
  projector.destroy();

  const later = structuredClone(big);
  for (const node of later.nodes.slice(0, 200)) if (node.type === 'program') node.status = 'paused';
  later.edges = later.edges.slice(100);
  await measure('compare two 5,000-program versions: elements only', () => elementChanges(big, later), 3);
  // Versions never change, so each one's analysis is computed once (the studio's worker has now's).
  const reports = { before: analyze(big), after: analyze(later) };
  await measure('compare two 5,000-program versions (analyses cached)', () => diffMaps(big, later, { reports }), 3);
  clearStructureCache();
  await measure('compare two 5,000-program versions, cold (two analyses)', () => {
    clearStructureCache();
    return diffMaps(big, later);
  }, 1);

  const demo = JSON.parse(readFileSync(new URL('../../public/examples/harbor-county.json', import.meta.url), 'utf8')) as PathwaysMap;
  const demoDoc = createMapDoc(demo);
  const plainDoc = createMapDoc(demo);
  for (let round = 0; round < 20; round++) {
    editSome(demoDoc, demo, round);
    editSome(plainDoc, demo, round);
    takeVersion(demoDoc, `Convening ${round + 1}`);
  }
  const json = JSON.stringify(demo).length;
  const withVersions = Y.encodeStateAsUpdate(demoDoc).byteLength;
  const without = Y.encodeStateAsUpdate(plainDoc).byteLength;
  const file = JSON.stringify(readMapFile(demoDoc)).length;
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  console.log(`${`20 versions of the demo (${demo.nodes.length} nodes): Y.Doc`.padEnd(64)} ${kib(withVersions)} (without versions ${kib(without)}; demo JSON ${kib(json)})`);
  console.log(`${'20 versions of the demo: map file with versions'.padEnd(64)} ${kib(file)} (${(file / json).toFixed(2)}× the JSON; 20 copies would be ${(21).toFixed(0)}×)`);
  const last = readMapFile(demoDoc).versions!.at(-1)!;
  await measure('rebuild the 20th version of the demo (cold)', () => {
    const copy = createMapDoc(readMapFile(demoDoc));
    const { versions, version } = findVersion(copy, last.id);
    if (!versionMap(versions, version).map) throw new Error('version did not rebuild');
  }, 3);
}
