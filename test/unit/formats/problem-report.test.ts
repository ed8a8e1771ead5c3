// Warnings grouped by kind for the import dialog, and the CSV it downloads.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/formats/index.ts';
import { groupByKind, problemsCsv, splitPlace } from '../../../src/formats/problem-report.ts';
import { text } from './helpers.ts';

const gexf = `<gexf><graph><nodes><node id="0" label="=A"/><node id="1" label="B"/></nodes>
  <edges><edge id="0" source="0" target="1"/><edge id="1" source="0" target="9"/><edge id="2" source="1" target="8"/></edges></graph></gexf>`;

describe('warning report', () => {
  const result = importFiles([text('net work.gexf', gexf)]);

  it('groups by kind with counts, biggest first', () => {
    expect(groupByKind(result.warnings).map((g) => [g.kind, g.label, g.items.length])).toEqual([
      ['dangling-reference', 'References to something missing (skipped)', 2],
      ['id-namespaced', 'Ids renamed to stay unique', 1],
    ]);
  });

  it('writes file, place, kind and message per warning; a CSV reader gets them back', () => {
    const csv = problemsCsv(result.warnings, ['net work.gexf']);
    const rows = Papa.parse<string[]>(csv.trim()).data;
    expect(rows).toEqual([
      ['file', 'place', 'kind', 'message'],
      ['net work.gexf', 'edge 2 ("1")', 'dangling-reference', 'skipped: target "9" is not a node'],
      ['net work.gexf', 'edge 3 ("2")', 'dangling-reference', 'skipped: target "8" is not a node'],
      ['net work.gexf', '', 'id-namespaced', '1 edge id is also used by a node or an earlier edge; renamed "0" → "e:0"'],
    ]);
  });

  it('finds the file by the longest name a place starts with; cells a spreadsheet would run are quoted', () => {
    expect(splitPlace('a.csv.zip/b.csv row 2', ['a.csv', 'a.csv.zip/b.csv'])).toEqual({ file: 'a.csv.zip/b.csv', place: 'row 2' });
    expect(splitPlace('somewhere', ['a.csv'])).toEqual({ file: '', place: 'somewhere' });
    expect(problemsCsv([{ path: 'x', message: '=cmd()', kind: 'k' }], [])).toContain("'=cmd()");
  });
});
