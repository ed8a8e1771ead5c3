// Export then import gives the same map, every field kept, for every format.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportMap, importFiles, type ExportFormat } from '../../../src/formats/index.ts';
import type { PathwaysMap } from '../../../src/model/types.ts';
import { validateMap } from '../../../src/model/validate.ts';
import { DEMO_PATH } from '../../support/demo/build-demo.ts';
import { text, trickyMap } from './helpers.ts';

function roundTrip(format: ExportFormat) {
  const map = trickyMap();
  expect(validateMap(map).problems).toEqual([]);
  const files = exportMap(map, format).map((f) => text(`out${f.suffix}`, f.text));
  const result = importFiles(files, { format: format === 'json' ? 'json' : format });
  expect(result.problems).toEqual([]);
  return { map, back: result.map! };
}

describe('round trips', () => {
  for (const format of ['json', 'graphml', 'gexf', 'cyjs'] as const) {
    it(`${format}: the whole map comes back, meta, views and unknown top-level fields included`, () => {
      const { map, back } = roundTrip(format);
      expect(back).toEqual(map);
    });
  }

  for (const format of ['json', 'graphml', 'gexf', 'cyjs'] as const) {
    it(`${format}: fields named like ours or like the tools' own (name, x, y, label-like, prefixed) and empty strings come back`, () => {
      const map = trickyMap();
      Object.assign(map.nodes[0], { name: 'Legal name', x: 'left', y: 7, note: '', [`${format}:id`]: 'kept', 'graphml:x': 1, 'gexf:label': 'g', 'cy:source': 's', 'viz:color': '#ff0000', spells: 'none' });
      Object.assign(map.nodes[1], { name: '', x: 3 });
      Object.assign(map.edges[0], { name: 'tie', x: 1, weight: 2, empty: '' });
      map.edges[1].id = map.nodes[2].id + '-tie';
      expect(validateMap(map).problems).toEqual([]);
      const files = exportMap(map, format).map((f) => text(`out${f.suffix}`, f.text));
      const result = importFiles(files, { format });
      expect(result.problems).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.map).toEqual(map);
    });
  }

  it('csv: the whole map comes back from its three files (meta and views from -map.csv)', () => {
    const { map, back } = roundTrip('csv');
    expect(back).toEqual(map);
  });

  it('csv: the demo map comes back whole; an empty list ("none selected") is `[]`, not an unset field', () => {
    const demo = JSON.parse(readFileSync(DEMO_PATH, 'utf8')) as PathwaysMap;
    const emptyLists = demo.nodes.filter((n) => Object.values(n).some((v) => Array.isArray(v) && v.length === 0)).length;
    expect(emptyLists).toBeGreaterThan(10);
    const files = exportMap(demo, 'csv').map((f) => text(`demo${f.suffix}`, f.text));
    expect(files.find((f) => f.name === 'demo-elements.csv')!.bytes.length).toBeGreaterThan(0);
    const result = importFiles(files);
    expect(result.problems).toEqual([]);
    expect(result.map).toEqual(demo);
    // An empty cell still means "not set".
    const sheet = importFiles([text('p.csv', 'Label,Type,Areas\nA,program,\nB,program,[]\n')]).map!;
    expect(sheet.nodes.map((n) => (n as { areas?: string[] }).areas)).toEqual([undefined, []]);
  });

  it('csv without the -map.csv file: nodes, edges and positions still come back field for field', () => {
    const map = trickyMap();
    const files = exportMap(map, 'csv').filter((f) => !f.suffix.includes('-map')).map((f) => text(`town${f.suffix}`, f.text));
    const back = importFiles(files).map!;
    expect(back.meta.title).toBe('town');
    expect(back.nodes).toEqual(map.nodes);
    expect(back.edges).toEqual(map.edges);
    expect(back.positions).toEqual(map.positions);
  });
});

describe('csv round trip of fields a spreadsheet column of ours would claim', () => {
  it('node fields name, x, y, from, empty strings, negative numbers and numeric-looking text come back as they were', () => {
    const map = trickyMap();
    Object.assign(map.nodes[0], { name: 'Official name', x: 'left wing', y: 7, blank: '' });
    Object.assign(map.nodes[1], { name: '', zip: '02134', code: '12', Label: 'shadow' });
    Object.assign(map.edges[0], { from: 'the clinic', blank: '' });
    Object.assign(map.nodes[2], { delta: -3.5 });
    Object.assign(map.nodes[3], { delta: 2 });
    expect(validateMap(map).problems).toEqual([]);
    const files = exportMap(map, 'csv').map((f) => text(`town${f.suffix}`, f.text));
    const result = importFiles(files);
    expect(result.problems).toEqual([]);
    expect(result.map).toEqual(map);
  });
});

describe('csv export is spreadsheet-safe', () => {
  it('puts a quote before cells a spreadsheet would run as a formula, and only those', () => {
    const { elements, connections } = Object.fromEntries(exportMap(trickyMap(), 'csv').map((f) => [f.suffix.slice(1, -4), f.text]));
    expect(elements).toContain(`"'=SUM(A1) ""Family"", Center"`);
    expect(elements).toContain("'+plus|@at|naïve café ✓");
    expect(elements).toContain("''=already quoted");
    expect(elements).toContain(",'\ttab first,");
    expect(connections).toContain("'-10% cut");
    expect(elements).toContain('School District');
    expect(elements).not.toContain("'School");
  });

  it('declares typed GraphML keys and GEXF attributes that other tools read', () => {
    const graphml = exportMap(trickyMap(), 'graphml')[0].text;
    expect(graphml).toMatch(/<key id="n\d+" for="node" attr.name="capacity" attr.type="double"\/>/);
    expect(graphml).toMatch(/<key id="n\d+" for="node" attr.name="backbone" attr.type="boolean"\/>/);
    expect(graphml).toMatch(/<key id="n\d+-json" for="node" attr.name="tags" attr.type="string"\/>/);
    const gexf = exportMap(trickyMap(), 'gexf')[0].text;
    expect(gexf).toMatch(/<attribute id="n\d+" title="capacity" type="double"\/>/);
    expect(gexf).toContain('<viz:position x="-12.5" y="3e-7" z="0"/>');
  });
});

// networkx is the reference reader named in the issue; run it where Python has it.
const hasNetworkx = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasNetworkx)('networkx reads our GraphML and GEXF with every attribute', () => {
  it.each(['graphml', 'gexf'] as const)('%s', (format) => {
    const dir = mkdtempSync(join(tmpdir(), 'pathways-nx-'));
    const file = join(dir, `map.${format}`);
    writeFileSync(file, exportMap(trickyMap(), format)[0].text);
    const script = `import networkx as nx, json, sys
g = nx.read_${format}(sys.argv[1])
print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "P1": g.nodes["P1"], "O1": g.nodes["O1"]}))`;
    const run = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(run.stderr).toBe('');
    const read = JSON.parse(run.stdout);
    expect(read.nodes).toBe(5);
    expect(read.edges).toBe(4);
    expect(read.P1).toMatchObject({ type: 'program', capacity: 100, entryPoint: true, languages: '["en","es"]', label: 'Home visiting' });
    expect(read.O1).toMatchObject({ backbone: true, label: '=SUM(A1) "Family", Center' });
  });
});
