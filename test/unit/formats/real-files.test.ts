// Real files published by Gephi, igraph, networkx, yEd (via igraph and networkx) and Cytoscape
// (test/fixtures/real/, sources in SOURCES.md). Counts are counted here independently of the
// importers (a regular expression over the XML, a plain walk over the JSON); labels, weights and
// positions are checked against the file; every file survives export → import in every format.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportMap, importFiles, type ExportFormat } from '../../../src/formats/index.ts';
import { text } from './helpers.ts';

const REAL = join(import.meta.dirname, '../../fixtures/real');
// The graph-file tools; Open Referral and Kumu files have their own suite (real-dir.test.ts).
const GRAPH_TOOLS = new Set(['gephi', 'igraph', 'networkx', 'cytoscape']);
const files = readdirSync(REAL, { withFileTypes: true })
  .filter((d) => d.isDirectory() && GRAPH_TOOLS.has(d.name))
  .flatMap((d) => readdirSync(join(REAL, d.name)).map((name) => `${d.name}/${name}`));

/** Elements counted with a regular expression, comments and CDATA removed: not the importer's parser. */
function countXml(source: string) {
  const body = source.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  const edgeTags = body.match(/<edge[\s/>][^>]*>/g) ?? [];
  const weights = edgeTags.map((tag) => /\sweight="([^"]*)"/.exec(tag)?.[1]).filter((w): w is string => w !== undefined).map(Number);
  // GEXF positions are viz:position; yEd's and yFiles' are a node's geometry box.
  const positions = (body.match(/<viz:position[\s/>]|<y:Geometry[\s/>]|<y:RectD[\s/>]/g) ?? []).length;
  return { nodes: (body.match(/<node[\s/>]/g) ?? []).length, edges: edgeTags.length, weights, positions };
}

/** Cytoscape elements counted by a plain walk: edges are the entries whose data has a source. */
function countCy(source: string) {
  const root = JSON.parse(source);
  const holder = Array.isArray(root) ? root : (root.elements ?? root);
  const all: { data: Record<string, unknown>; position?: unknown }[] = Array.isArray(holder) ? holder : [...(holder.nodes ?? []), ...(holder.edges ?? [])];
  const edges = all.filter((e) => e.data.source !== undefined);
  return { nodes: all.length - edges.length, edges: edges.length, weights: [], positions: all.filter((e) => e.position && e.data.source === undefined).length };
}

/** What each file is known to hold, read off the file by hand. */
const KNOWN: Record<string, { labels?: string[]; refused?: RegExp; edgeLabels?: string[] }> = {
  'gephi/les-miserables.gexf': { labels: ['Myriel', 'Valjean', 'Cosette', 'Javert'] },
  'gephi/us-airports.gexf': { labels: ['Adams Field Airport'] },
  'gephi/basic.gexf': { labels: ['Hello', 'Word'] },
  'gephi/meta.gexf': { refused: /has no <gexf><graph>: not GEXF/ },
  'gephi/cdata.graphml': { labels: ['foo', 'bar'], edgeLabels: ['foobar'] },
  'igraph/wa1.graphml': { labels: ['A', 'B', 'C', 'D', 'E'] },
  'igraph/yfiles.graphml': { labels: ['Top left rounded rectangle'] },
  'networkx/yfiles-extension.graphml': { labels: ['1', '2', '3'] },
};

describe('real files: counted independently, labels, weights, positions, round trips', () => {
  it('names the source and licence of every file in SOURCES.md', () => {
    const sources = readFileSync(join(REAL, 'SOURCES.md'), 'utf8');
    for (const path of files) expect(sources).toMatch(new RegExp(`^\\| ${path.replace(/[.]/g, '\\.')} \\| [^|]+ \\| [^|]+ \\| [0-9a-f]{12} \\| [^|]+ \\|$`, 'm'));
  });

  it('holds at least 18 files from at least 4 tools', () => {
    expect(files.length).toBeGreaterThanOrEqual(18);
    expect(new Set(files.map((f) => f.split('/')[0])).size).toBeGreaterThanOrEqual(4);
  });

  for (const path of files) {
    it(path, () => {
      const source = readFileSync(join(REAL, path), 'utf8');
      const result = importFiles([text(path, source)]);
      const known = KNOWN[path] ?? {};
      if (known.refused) {
        expect(result.map).toBeNull();
        expect(result.problems.map((p) => p.message).join('\n')).toMatch(known.refused);
        return;
      }
      expect(result.problems).toEqual([]);
      const map = result.map!;
      const counted = path.endsWith('.json') ? countCy(source) : countXml(source);
      // Only edges named in a warning (an end missing, a tie we cannot type) may be missing.
      const skipped = result.warnings.filter((w) => w.kind === 'dangling-reference' || w.kind === 'skipped-tie').length;
      expect(map.nodes).toHaveLength(counted.nodes);
      expect(map.edges).toHaveLength(counted.edges - skipped);
      if (path.endsWith('.gexf')) {
        const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
        expect(sum(map.edges.map((e) => Number(e.weight ?? 0)))).toBeCloseTo(sum(counted.weights), 6);
        expect(map.edges.filter((e) => e.weight !== undefined).length).toBeGreaterThanOrEqual(counted.weights.length);
        expect(Object.keys(map.positions)).toHaveLength(counted.positions);
      }
      if (path.endsWith('.json') || path.endsWith('.graphml')) expect(Object.keys(map.positions)).toHaveLength(counted.positions);
      const labels = new Set(map.nodes.map((n) => n.label));
      for (const label of known.labels ?? []) expect(labels).toContain(label);
      for (const label of known.edgeLabels ?? []) expect(map.edges.map((e) => e.label)).toContain(label);
      // No graphics data turned into fields.
      for (const node of map.nodes) expect(Object.keys(node).filter((k) => /^(zOrder|Expanded|nodegraphics|NodeLabels|NodeGeometry)$/.test(k))).toEqual([]);

      for (const format of ['json', 'graphml', 'gexf', 'cyjs'] as ExportFormat[]) {
        const back = importFiles(exportMap(map, format).map((f) => text(`back${f.suffix}`, f.text)), { format });
        expect(back.problems, format).toEqual([]);
        expect(back.warnings, format).toEqual([]);
        expect(back.map, format).toEqual(map);
      }
    });
  }
});
