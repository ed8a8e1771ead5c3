// Our GEXF export writes colour, size, thickness, shape and position in GEXF 1.3's viz namespace, the
// way Gephi writes them (and shows only them): checked against Gephi's own sample files, read by a
// regular expression (not our importer), and by networkx where Python has it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportMap, importFiles } from '../../../src/formats/index.ts';
import { validateMap } from '../../../src/model/validate.ts';
import { text, trickyMap } from './helpers.ts';

const GEPHI = join(import.meta.dirname, '../../fixtures/real/gephi');

/** Each node's viz elements as Gephi wrote them: id → {size, x, y, r, g, b}, numbers. */
function vizOfNodes(xml: string): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const [, id, body] of xml.matchAll(/<node id="([^"]*)"[^>]*>([\s\S]*?)<\/node>/g)) {
    const found: Record<string, number> = {};
    const size = /<viz:size value="([^"]*)"/.exec(body);
    const position = /<viz:position x="([^"]*)" y="([^"]*)"/.exec(body);
    const color = /<viz:color r="([^"]*)" g="([^"]*)" b="([^"]*)"/.exec(body);
    if (size) found.size = Number(size[1]);
    if (position) Object.assign(found, { x: Number(position[1]), y: Number(position[2]) });
    if (color) Object.assign(found, { r: Number(color[1]), g: Number(color[2]), b: Number(color[3]) });
    out.set(id, found);
  }
  return out;
}

describe('GEXF export in the viz namespace Gephi shows', () => {
  for (const name of ['les-miserables.gexf', 'us-airports.gexf']) {
    it(`${name}: every node's colour, size and position come out as Gephi wrote them, in GEXF 1.3`, () => {
      const source = readFileSync(join(GEPHI, name), 'utf8');
      const imported = importFiles([text(name, source)]);
      expect(imported.problems).toEqual([]);
      const exported = exportMap(imported.map!, 'gexf')[0].text;
      expect(exported).toContain('xmlns="http://gexf.net/1.3"');
      expect(exported).toContain('xmlns:viz="http://gexf.net/1.3/viz"');
      expect(exported).toMatch(/<gexf [^>]*version="1\.3"/);
      // Nothing of viz is left as a plain attribute Gephi would list but not draw.
      expect(exported).not.toMatch(/<attribute [^>]*title="viz:/);
      const want = vizOfNodes(source);
      const got = vizOfNodes(exported);
      expect(got.size).toBe(want.size);
      expect(want.size).toBeGreaterThan(70);
      for (const [id, viz] of want) {
        expect(Object.keys(viz).sort()).toEqual(['b', 'g', 'r', 'size', 'x', 'y']);
        expect(got.get(id), id).toEqual(viz);
      }
      // And it is still the same map when read back.
      const back = importFiles([text('back.gexf', exported)]);
      expect(back.warnings).toEqual([]);
      expect(back.map).toEqual(imported.map);
    });
  }

  it('les-miserables.gexf: edge weights go back on the edge, where Gephi reads them', () => {
    const source = readFileSync(join(GEPHI, 'les-miserables.gexf'), 'utf8');
    const exported = exportMap(importFiles([text('lm.gexf', source)]).map!, 'gexf')[0].text;
    const weights = (xml: string) => [...xml.matchAll(/<edge [^>]*weight="([^"]*)"/g)].map((m) => Number(m[1]));
    expect(weights(exported)).toEqual(weights(source));
    expect(exported).not.toMatch(/<attribute [^>]*title="weight"/);
  });

  it('writes edge colour, thickness and shapes as viz elements, translucent colours with alpha', () => {
    const map = trickyMap();
    Object.assign(map.nodes[0], { 'viz:color': 'rgba(10, 20, 30, 0.5)', 'viz:size': 4.5, 'viz:shape': 'square' });
    Object.assign(map.edges[0], { 'viz:color': '#0a141e', 'viz:thickness': 2, 'viz:shape': 'dashed', weight: 3 });
    const exported = exportMap(map, 'gexf')[0].text;
    const node = new RegExp(`<node id="${map.nodes[0].id}"[\\s\\S]*?</node>`).exec(exported)![0];
    expect(node).toContain('<viz:color r="10" g="20" b="30" a="0.5"/>');
    expect(node).toContain('<viz:size value="4.5"/>');
    expect(node).toContain('<viz:shape value="square"/>');
    const edge = new RegExp(`<edge id="${map.edges[0].id}"[\\s\\S]*?</edge>`).exec(exported)![0];
    expect(edge).toMatch(/<edge [^>]*weight="3"/);
    expect(edge).toContain('<viz:color r="10" g="20" b="30"/>');
    expect(edge).toContain('<viz:thickness value="2"/>');
    expect(edge).toContain('<viz:shape value="dashed"/>');
    const back = importFiles([text('back.gexf', exported)]);
    expect(back.warnings).toEqual([]);
    expect(back.map).toEqual(map);
  });

  it('keeps values the viz schema cannot hold as attributes, so they still come back', () => {
    const map = trickyMap();
    Object.assign(map.nodes[0], { 'viz:color': 'red', 'viz:size': '12px', 'viz:shape': 'star' });
    Object.assign(map.nodes[1], { 'viz:color': '#FF0000', 'viz:size': 3 });
    Object.assign(map.edges[0], { weight: 'heavy' });
    expect(validateMap(map).problems).toEqual([]);
    const exported = exportMap(map, 'gexf')[0].text;
    expect(exported).toMatch(/<attribute [^>]*title="viz:color" type="string"\/>/);
    expect(exported).toMatch(/<attribute [^>]*title="viz:shape" type="string"\/>/);
    expect(exported).toContain('<viz:size value="3"/>');
    expect(exported).not.toMatch(/<viz:color /);
    const back = importFiles([text('back.gexf', exported)]);
    expect(back.warnings).toEqual([]);
    expect(back.map).toEqual(map);
  });
});

const hasNetworkx = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasNetworkx)('networkx reads our viz elements', () => {
  it('colour, size and position of a Gephi sample after our export', () => {
    const source = readFileSync(join(GEPHI, 'les-miserables.gexf'), 'utf8');
    const exported = exportMap(importFiles([text('lm.gexf', source)]).map!, 'gexf')[0].text;
    const dir = mkdtempSync(join(tmpdir(), 'pathways-nx-viz-'));
    const file = join(dir, 'map.gexf');
    writeFileSync(file, exported);
    const script = `import networkx as nx, json, sys
g = nx.read_gexf(sys.argv[1])
print(json.dumps({n: g.nodes[n].get("viz") for n in ["0", "11"]}))`;
    const run = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(run.stderr).toBe('');
    const viz = JSON.parse(run.stdout);
    expect(viz['0']).toMatchObject({ size: 28.685715, position: { x: -102.81979, y: -185.35468 }, color: { r: 91, g: 91, b: 245 } });
    expect(viz['11']).toMatchObject({ size: 100, position: { x: 76.07767, y: 121.14779 } });
  });
});
