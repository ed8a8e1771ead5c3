// GraphML and GEXF written by other tools (modelled on Gephi's output): their attributes are kept with
// their types, and nodes and ties without our types get them as documented in src/formats/foreign.ts.
import { describe, expect, it } from 'vitest';
import { problemLine } from '../../../src/formats/common.ts';
import { importFiles } from '../../../src/formats/index.ts';
import { fixture, text } from './helpers.ts';

describe('graphs from other tools', () => {
  it('GraphML: typed keys, labels, positions; types inferred from the ends', () => {
    const result = importFiles([fixture('gephi.graphml')]);
    expect(result.format).toBe('graphml');
    expect(result.problems).toEqual([]);
    const map = result.map!;
    expect(map.meta.title).toBe('gephi');
    expect(map.nodes).toEqual([
      { id: 'n0', label: 'Harbor & Co', 'Modularity Class': 1, type: 'organization' },
      { id: 'n1', label: 'Story Time', kind: 'Program', 'Modularity Class': 0, type: 'organization' },
      { id: 'n2', label: 'Reading Club', kind: 'program', type: 'organization' },
      { id: 'n3', label: 'Library', type: 'organization' },
    ]);
    expect(map.positions).toEqual({ n0: { x: -10.5, y: 4 } });
    expect(map.edges.map((e) => [e.id, e.type, e.weight])).toEqual([['e0', 'partnership', 2.5], ['e1', 'partnership', undefined], ['e2', 'partnership', undefined]]);
  });

  it('GEXF 1.3 from Gephi: attvalues by type, viz positions', () => {
    const result = importFiles([fixture('gephi.gexf')]);
    expect(result.problems).toEqual([]);
    expect(result.map!.nodes[0]).toEqual({ id: 'a', label: 'City Fund', Degree: 2, funded: false, 'viz:size': 10, type: 'organization' });
    expect(result.map!.positions).toEqual({ a: { x: 1.5, y: -2 } });
    // Gephi numbers edges from 0 like nodes; the edge keeps its weight.
    expect(result.map!.edges).toEqual([{ id: '0', source: 'a', target: 'b', weight: 1, type: 'partnership' }]);
  });

  it('names the place of XML that is not well formed, and a file that is not GraphML', () => {
    expect(importFiles([text('x.graphml', '<graphml>\n<graph>\n<node id="a">\n</graph></graphml>')]).problems.map(problemLine)).toEqual([
      'x.graphml: not well-formed XML (line 4: </graph> closes <node>)',
    ]);
    expect(importFiles([text('x.gexf', '<?xml version="1.0"?><svg></svg>')]).problems.map(problemLine)).toEqual(['x.gexf: has no <gexf><graph>: not GEXF']);
  });

  it('skips an edge whose end is missing, with a warning naming it', () => {
    const result = importFiles([text('y.graphml', '<graphml><graph><node id="a"/><edge id="e" source="a" target="zz"/></graph></graphml>')]);
    expect(result.problems).toEqual([]);
    expect(result.map!.edges).toEqual([]);
    expect(result.warnings).toEqual([{ path: 'y.graphml edge 1 ("e")', message: 'skipped: target "zz" is not a node', kind: 'dangling-reference' }]);
  });

  it('reports a tie type that is not ours in a pathways-map file as a problem (no crash)', () => {
    const map = { format: 'pathways-map', version: 1, meta: { title: 't' }, nodes: [{ id: 'a', type: 'organization', label: 'A' }, { id: 'b', type: 'organization', label: 'B' }], edges: [{ id: 'e', type: 'bogus', source: 'a', target: 'b' }] };
    expect(importFiles([text('m.json', JSON.stringify(map))]).problems.map(problemLine)).toEqual(['m.json edges[0].type: "bogus" is not one of: referral, partnership, funding, data-sharing']);
  });
});
