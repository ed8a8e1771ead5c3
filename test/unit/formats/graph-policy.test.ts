// The import policy for GraphML, GEXF and Cytoscape JSON (SPEC "Importing real files"): ids unique
// per kind, dangling ends skipped, foreign fields never overwrite ours, GEXF 1.1–1.3 features,
// yEd / yFiles graphics, every Cytoscape shape. Each compromise is a warning with its kind.
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/formats/index.ts';
import { text } from './helpers.ts';

const kinds = (warnings: { kind?: string }[]) => warnings.map((w) => w.kind);

describe('ids and ends', () => {
  it('GEXF numbering nodes and edges separately: clashing edge ids are namespaced, with one warning', () => {
    const gexf = `<gexf version="1.2"><graph><nodes><node id="0" label="A"/><node id="1" label="B"/><node id="2" label="C"/></nodes>
      <edges><edge id="0" source="0" target="1"/><edge id="1" source="1" target="2"/><edge id="7" source="2" target="0"/><edge id="7" source="0" target="2"/></edges></graph></gexf>`;
    const result = importFiles([text('grid.gexf', gexf)]);
    expect(result.problems).toEqual([]);
    expect(result.map!.edges.map((e) => [e.id, e.source, e.target])).toEqual([['e:0', '0', '1'], ['e:1', '1', '2'], ['7', '2', '0'], ['e:7', '0', '2']]);
    expect(result.warnings).toEqual([{ path: 'grid.gexf', message: '3 edge ids are also used by a node or an earlier edge; renamed "0" → "e:0", "1" → "e:1", "7" → "e:7"', kind: 'id-namespaced' }]);
  });

  it('skips edges with a missing end and nodes repeating an id, naming each', () => {
    const graphml = '<graphml><graph><node id="a"/><node id="a"/><node id="b"/><edge source="a" target="b"/><edge source="a"/><edge source="x" target="b"/></graph></graphml>';
    const result = importFiles([text('g.graphml', graphml)]);
    expect(result.map!.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(result.map!.edges.map((e) => e.id)).toEqual(['e1']);
    expect(result.warnings.map((w) => `${w.path}: ${w.message} [${w.kind}]`)).toEqual([
      'g.graphml node 2 ("a"): skipped: the node id "a" is used by an earlier node [duplicate-id]',
      'g.graphml edge 2: skipped: no target [dangling-reference]',
      'g.graphml edge 3: skipped: source "x" is not a node [dangling-reference]',
    ]);
  });
});

describe('foreign fields never overwrite ours', () => {
  it('GraphML keys named id/source/target are kept as graphml:…; x/y pairs are positions, a lone y stays a field', () => {
    const graphml = `<graphml>
      <key id="k1" for="node" attr.name="id" attr.type="string"/><key id="kx" for="node" attr.name="x" attr.type="float"/><key id="ky" for="node" attr.name="y" attr.type="double"/>
      <key id="k2" for="edge" attr.name="source" attr.type="string"/><key id="k3" for="all" attr.name="name" attr.type="string"/>
      <key id="k4" for="node" attr.name="status" attr.type="string"/><key id="k5" for="node" attr.name="type" attr.type="string"/>
      <graph><node id="a"><data key="k1">A-1</data><data key="kx">12</data><data key="ky">3</data><data key="k3">Alpha</data></node>
      <node id="b"><data key="ky">5</data><data key="k3">Beta</data><data key="k5">service</data><data key="k4">open</data></node>
      <edge id="e" source="a" target="b"><data key="k2">elsewhere</data></edge></graph></graphml>`;
    const result = importFiles([text('c.graphml', graphml)]);
    expect(result.problems).toEqual([]);
    const [a, b] = result.map!.nodes;
    expect(a).toEqual({ id: 'a', 'graphml:id': 'A-1', name: 'Alpha', label: 'Alpha', type: 'organization' });
    expect(result.map!.positions).toEqual({ a: { x: 12, y: 3 } });
    expect(b).toEqual({ id: 'b', y: 5, name: 'Beta', label: 'Beta', type: 'program', elementType: 'service', 'graphml:status': 'open' });
    expect(result.map!.edges[0]).toMatchObject({ id: 'e', source: 'a', target: 'b', 'graphml:source': 'elsewhere' });
    expect(kinds(result.warnings)).toEqual(['renamed-field', 'renamed-field', 'renamed-field']);
    expect(result.warnings[2].message).toBe('field "status": "open" is not one of: active, waitlist, paused, closed; kept as "graphml:status"');
  });

  it('GEXF attributes titled label or id are kept as gexf:…', () => {
    const gexf = `<gexf><graph><attributes class="node"><attribute id="0" title="label" type="string"/><attribute id="1" title="id" type="integer"/></attributes>
      <nodes><node id="n" label="Shown"><attvalues><attvalue for="0" value="other"/><attvalue for="1" value="5"/></attvalues></node></nodes></graph></gexf>`;
    const node = importFiles([text('l.gexf', gexf)]).map!.nodes[0];
    expect(node).toEqual({ id: 'n', label: 'Shown', 'gexf:label': 'other', 'gexf:id': 5, type: 'organization' });
  });
});

describe('GEXF 1.1–1.3', () => {
  const gexf = `<?xml version="1.0"?>
<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">
  <graph mode="dynamic" defaultedgetype="undirected" timeformat="double">
    <attributes class="node" mode="dynamic">
      <attribute id="0" title="members" type="integer"><default>1</default></attribute>
      <attribute id="1" title="kind" type="string"><default>group</default></attribute>
    </attributes>
    <nodes>
      <node id="a" label="Alpha" start="2001">
        <attvalues><attvalue for="0" value="3" start="2001" end="2004"/><attvalue for="0" value="5" start="2004"/></attvalues>
        <viz:color r="255" g="0" b="128"/><viz:size value="12.5"/><viz:position x="10" y="-4" z="0"/>
      </node>
      <node id="b" label="Beta"><attvalue for="1" value="club"/><spells><spell start="1999" end="2000"/></spells></node>
    </nodes>
    <edges><edge id="0" source="a" target="b" weight="2.5" type="undirected" label="knows"><viz:thickness value="3"/></edge></edges>
  </graph>
</gexf>`;
  const result = importFiles([text('dyn.gexf', gexf)]);

  it('applies defaults, reads attvalues outside <attvalues>, keeps weight, viz colour/size/thickness and positions', () => {
    expect(result.problems).toEqual([]);
    const [a, b] = result.map!.nodes;
    expect(a).toMatchObject({ label: 'Alpha', members: 5, kind: 'group', 'viz:color': '#ff0080', 'viz:size': 12.5 });
    expect(b).toMatchObject({ label: 'Beta', members: 1, kind: 'club' });
    expect(result.map!.positions).toEqual({ a: { x: 10, y: -4 } });
    expect(result.map!.edges[0]).toMatchObject({ label: 'knows', weight: 2.5, 'gexf:type': 'undirected', 'viz:thickness': 3 });
  });

  it('time: keeps the series, shows the latest value, keeps spells, and warns once for each', () => {
    const [a, b] = result.map!.nodes as unknown as Record<string, unknown>[];
    expect(a['members:series']).toEqual([{ value: 3, start: '2001', end: '2004' }, { value: 5, start: '2004' }]);
    expect(a.spells).toEqual([{ start: '2001' }]);
    expect(b.spells).toEqual([{ start: '1999', end: '2000' }]);
    expect(kinds(result.warnings)).toEqual(['time-series', 'time-series']);
  });
});

describe('yEd and yFiles for HTML', () => {
  it('yEd: labels from y:NodeLabel / y:EdgeLabel, positions from y:Geometry (centre), no graphics fields; group nodes flattened', () => {
    const yed = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d5" attr.name="description" attr.type="string"/>
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <key for="edge" id="d10" yfiles.type="edgegraphics"/>
  <key for="graphml" id="d7" yfiles.type="resources"/>
  <graph edgedefault="directed" id="G">
    <node id="n0"><data key="d5">first</data><data key="d6"><y:ShapeNode><y:Geometry height="30.0" width="40.0" x="100.0" y="50.0"/><y:Fill color="#FFCC00" transparent="false"/><y:NodeLabel alignment="center">Food Bank</y:NodeLabel><y:Shape type="rectangle"/></y:ShapeNode></data></node>
    <node id="n1" yfiles.foldertype="group"><data key="d6"><y:ProxyAutoBoundsNode><y:Realizers active="0"><y:GroupNode><y:Geometry height="80" width="80" x="0" y="0"/><y:NodeLabel>Coalition</y:NodeLabel></y:GroupNode></y:Realizers></y:ProxyAutoBoundsNode></data>
      <graph edgedefault="directed" id="n1:"><node id="n1::n0"><data key="d6"><y:ShapeNode><y:Geometry height="10" width="10" x="5" y="5"/><y:NodeLabel/></y:ShapeNode></data></node></graph>
    </node>
    <edge id="e0" source="n0" target="n1::n0"><data key="d10"><y:PolyLineEdge><y:EdgeLabel>refers</y:EdgeLabel></y:PolyLineEdge></data></edge>
  </graph>
  <data key="d7"><y:Resources/></data>
</graphml>`;
    const result = importFiles([text('yed.graphml', yed)]);
    expect(result.problems).toEqual([]);
    expect(result.map!.nodes).toEqual([
      { id: 'n0', description: 'first', label: 'Food Bank', type: 'organization' },
      { id: 'n1', label: 'Coalition', type: 'organization' },
      { id: 'n1::n0', label: 'n1::n0', type: 'organization' },
    ]);
    expect(result.map!.positions).toEqual({ n0: { x: 120, y: 65 }, n1: { x: 40, y: 40 }, 'n1::n0': { x: 10, y: 10 } });
    expect(result.map!.edges[0]).toMatchObject({ id: 'e0', label: 'refers' });
    // The resources key is yEd's own (yfiles.type): graphics, not data, so no warning about it.
    expect(result.warnings).toEqual([]);
  });

  it('yEd without label graphics: the label comes from a Name key', () => {
    const yed = '<graphml><key id="d0" for="node" attr.name="Name" attr.type="string"/><graph><node id="n0"><data key="d0">Clinic</data></node></graph></graphml>';
    expect(importFiles([text('n.graphml', yed)]).map!.nodes[0]).toEqual({ id: 'n0', Name: 'Clinic', label: 'Clinic', type: 'organization' });
  });

  it('yFiles for HTML: y:Label.Text labels and y:RectD geometry', () => {
    const yfiles = `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/2.0" xmlns:y="http://www.yworks.com/xml/yfiles-common/3.0">
  <key id="d0" for="node" attr.name="NodeLabels" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/NodeLabels"/>
  <key id="d1" for="node" attr.name="NodeGeometry" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/NodeGeometry"/>
  <graph id="G" edgedefault="directed">
    <node id="n0"><data key="d0"><x:List><y:Label><y:Label.Text>Shelter</y:Label.Text></y:Label></x:List></data><data key="d1"><y:RectD X="-15" Y="-15" Width="30" Height="30"/></data></node>
  </graph>
</graphml>`;
    const result = importFiles([text('h.graphml', yfiles)]);
    expect(result.map!.nodes).toEqual([{ id: 'n0', label: 'Shelter', type: 'organization' }]);
    expect(result.map!.positions).toEqual({ n0: { x: 0, y: 0 } });
  });

  it('keeps <desc> and declared types (int, long, float, boolean 1/0)', () => {
    const graphml = `<graphml><key id="a" for="node" attr.name="n" attr.type="long"/><key id="b" for="node" attr.name="ok" attr.type="boolean"/>
      <graph><node id="x"><desc>A note</desc><data key="a">42</data><data key="b">1</data></node></graph></graphml>`;
    expect(importFiles([text('d.graphml', graphml)]).map!.nodes[0]).toEqual({ id: 'x', n: 42, ok: true, description: 'A note', label: 'x', type: 'organization' });
  });
});

describe('Cytoscape JSON in every shape', () => {
  const nodes = [{ data: { id: 'a', name: 'Alpha' }, position: { x: 1, y: 2 } }, { data: { id: 'b', name: 'Beta' } }];
  const edges = [{ data: { source: 'a', target: 'b', interaction: 'pp' } }, { data: { source: 'b', target: 'a' } }];
  const shapes: [string, unknown][] = [
    ['desktop .cyjs', { format_version: '1.0', data: { name: 'Net' }, elements: { nodes, edges } }],
    ['elements as a list', { elements: [...nodes, ...edges] }],
    ['a bare list', [...nodes, ...edges.map((e) => ({ group: 'edges', ...e }))]],
    ['{nodes, edges}', { nodes, edges }],
  ];
  for (const [shape, json] of shapes) {
    it(shape, () => {
      const result = importFiles([text('net.json', JSON.stringify(json))]);
      expect(result.format).toBe('cyjs');
      expect(result.problems).toEqual([]);
      expect(result.map!.nodes.map((n) => [n.id, n.label])).toEqual([['a', 'Alpha'], ['b', 'Beta']]);
      expect(result.map!.edges.map((e) => [e.id, e.source, e.target])).toEqual([['e1', 'a', 'b'], ['e2', 'b', 'a']]);
      expect(result.map!.positions).toEqual({ a: { x: 1, y: 2 } });
    });
  }

  it('problems and warnings point at the element they are about', () => {
    const result = importFiles([text('w.cyjs', JSON.stringify({ elements: { nodes, edges: [...edges, { data: { source: 'a', target: 'zz' } }] } }))]);
    expect(result.warnings).toEqual([{ path: 'w.cyjs elements.edges[2]', message: 'skipped: target "zz" is not a node', kind: 'dangling-reference' }]);
  });
});
