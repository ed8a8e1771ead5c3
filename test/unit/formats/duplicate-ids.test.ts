// SPEC import policy for ids repeated within one CSV or Kumu file: the first element with an id
// wins and a later one is skipped with a warning naming file and row; a connection whose id is taken
// is kept under a new id. Nothing is refused (unless --strict, which refuses on any warning).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemLine } from '../../../src/formats/common.ts';
import { exportMap, importFiles } from '../../../src/formats/index.ts';
import type { PathwaysMap } from '../../../src/model/types.ts';
import { DEMO_PATH } from '../../support/demo/build-demo.ts';
import { text } from './helpers.ts';

const KUMU = join(import.meta.dirname, '../../fixtures/real/kumu/snap-to-tutorial.json');

describe('an id repeated within one Kumu blueprint', () => {
  it('keeps the first element, skips the repeat with a warning naming file and entry, and imports the rest', () => {
    const source = readFileSync(KUMU, 'utf8');
    const original = importFiles([text('snap.json', source)]);
    expect(original.problems).toEqual([]);
    const blueprint = JSON.parse(source);
    const repeated = structuredClone(blueprint.elements[5]);
    repeated.attributes.label = 'A later copy';
    blueprint.elements.push(repeated);
    const result = importFiles([text('snap.json', JSON.stringify(blueprint))]);
    expect(result.problems).toEqual([]);
    expect(result.map!.nodes).toEqual(original.map!.nodes);
    expect(result.map!.edges).toEqual(original.map!.edges);
    const added = result.warnings.filter((w) => !original.warnings.some((o) => problemLine(o) === problemLine(w)));
    expect(added.map(problemLine)).toEqual([`snap.json elements[${blueprint.elements.length - 1}]._id: skipped: the id "${repeated._id}" is used by an earlier element (elements[5])`]);
    expect(added[0].kind).toBe('duplicate-id');
  });
});

describe('an id repeated within one CSV file', () => {
  const demo = (): PathwaysMap => JSON.parse(readFileSync(DEMO_PATH, 'utf8'));
  const exported = (map: PathwaysMap) => Object.fromEntries(exportMap(map, 'csv').map((f) => [`demo${f.suffix}`, f.text]));
  const lines = (csv: string) => csv.replace(/\n$/, '').split('\n');

  it('a repeated element row (an export whose one row was pasted twice) is skipped with its row named; the map is otherwise whole', () => {
    const map = demo();
    const files = exported(map);
    const elements = lines(files['demo-elements.csv']);
    // Element rows hold no line breaks in the demo, so a line is a row.
    expect(elements.length).toBe(map.nodes.length + 1);
    const copy = elements[3].replace(map.nodes[2].label, 'Renamed copy');
    expect(copy).not.toBe(elements[3]);
    files['demo-elements.csv'] = [...elements, copy].join('\n') + '\n';
    const result = importFiles(Object.entries(files).map(([name, body]) => text(name, body)));
    expect(result.problems).toEqual([]);
    expect(result.warnings.map(problemLine)).toEqual([`demo-elements.csv row ${elements.length + 1}, column "ID": skipped: the id "${map.nodes[2].id}" is used by an earlier row (demo-elements.csv row 4)`]);
    expect(result.warnings[0].kind).toBe('duplicate-id');
    expect(result.map).toEqual(map);
    expect(result.map!.nodes.find((n) => n.id === map.nodes[2].id)!.label).toBe(map.nodes[2].label);
  });

  it('a connection whose id is repeated is kept under a new id, with its row named', () => {
    const map = demo();
    const files = exported(map);
    const connections = lines(files['demo-connections.csv']);
    files['demo-connections.csv'] = [...connections, connections[1]].join('\n') + '\n';
    const result = importFiles(Object.entries(files).map(([name, body]) => text(name, body)));
    expect(result.problems).toEqual([]);
    const first = map.edges[0];
    expect(result.warnings.map(problemLine)).toEqual([`demo-connections.csv row ${connections.length + 1}, column "ID": the id "${first.id}" is used by an earlier row (demo-connections.csv row 2); the connection is kept as "conn-1"`]);
    expect(result.map!.edges.slice(0, -1)).toEqual(map.edges);
    expect(result.map!.edges.at(-1)).toEqual({ ...first, id: 'conn-1' });
  });

  it('a hand-made sheet with a repeated ID imports, and a connection id that is an element id is renamed, not refused', () => {
    const result = importFiles([text('p.csv', 'ID,Label,Capacity\nA,One,10\nA,Two,20\nB,Three,5\n'), text('c.csv', 'ID,From,To,Type\nA,One,Three,partnership\n')]);
    expect(result.problems).toEqual([]);
    expect(result.map!.nodes.map((n) => [n.id, n.label])).toEqual([['A', 'One'], ['B', 'Three']]);
    expect(result.map!.edges.map((e) => [e.id, e.source, e.target])).toEqual([['conn-1', 'A', 'B']]);
    expect(result.warnings.map(problemLine)).toEqual([
      'p.csv row 3, column "ID": skipped: the id "A" is used by an earlier row (p.csv row 2)',
      'c.csv row 2, column "ID": the id "A" is used by an earlier row (p.csv row 2); the connection is kept as "conn-1"',
    ]);
  });
});
