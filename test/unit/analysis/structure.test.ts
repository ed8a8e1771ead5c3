import Graph from 'graphology';
import { betweenness as graphologyBetweenness, pagerank as graphologyPagerank } from 'graphology-metrics/centrality/index.js';
import { bfsFromNode } from 'graphology-traversal';
import { describe, expect, it } from 'vitest';
import { betweenness, cutVerticesAndBridges, pagerank } from '../../../src/analysis/centrality.ts';
import { buildNetwork, toGraphology } from '../../../src/analysis/network.ts';
import { structure } from '../../../src/analysis/structure.ts';
import { cachedStructure, structureKey } from '../../../src/analysis/structure-cache.ts';
import { syntheticMap } from '../../../src/model/synthetic.ts';
import { graphMap, mapOf, org, program } from '../../fixtures/maps.ts';

const KITE: [string, string][] = [
  ['Andre', 'Beverly'], ['Andre', 'Carol'], ['Andre', 'Diane'], ['Andre', 'Fernando'], ['Beverly', 'Diane'], ['Beverly', 'Ed'],
  ['Beverly', 'Garth'], ['Carol', 'Diane'], ['Carol', 'Fernando'], ['Diane', 'Ed'], ['Diane', 'Fernando'], ['Diane', 'Garth'],
  ['Ed', 'Garth'], ['Fernando', 'Garth'], ['Fernando', 'Heather'], ['Garth', 'Heather'], ['Heather', 'Ike'], ['Ike', 'Jane'],
];

describe('betweenness', () => {
  it('matches networkx on the Krackhardt kite (values from networkx’s own test suite)', () => {
    const b = structure(graphMap(KITE)).betweenness;
    const expected = { Andre: 0.023, Beverly: 0.023, Carol: 0, Diane: 0.102, Ed: 0, Fernando: 0.231, Garth: 0.231, Heather: 0.389, Ike: 0.222, Jane: 0 };
    for (const [name, value] of Object.entries(expected)) expect(b[name], name).toBeCloseTo(value, 3);
  });

  it('counts pairs through a node over C(n-1, 2): a path and a star by hand', () => {
    const path = structure(graphMap([['a', 'b'], ['b', 'c'], ['c', 'd']])).betweenness;
    expect(path).toEqual({ a: 0, b: expect.closeTo(2 / 3, 8), c: expect.closeTo(2 / 3, 8), d: 0 });
    const star = structure(graphMap([['hub', 'x'], ['hub', 'y'], ['hub', 'z'], ['hub', 'w']])).betweenness;
    expect(star.hub).toBe(1);
    expect(star.x).toBe(0);
  });

  it('agrees with graphology-metrics on a 300-node synthetic map', () => {
    const network = buildNetwork(syntheticMap(250, 3));
    const ours = betweenness(network);
    const reference = graphologyBetweenness(toGraphology(network) as Graph, { getEdgeWeight: null, normalized: true });
    network.ids.forEach((id, i) => expect(ours[i], id).toBeCloseTo(reference[id], 9));
  });
});

describe('PageRank, cut vertices, bridges', () => {
  it('gives PageRank by hand on a star: centre 0.4757, leaves 0.1311', () => {
    const rank = structure(graphMap([['c', 'a'], ['c', 'b'], ['c', 'd'], ['c', 'e']])).pagerank;
    expect(rank.c).toBeCloseTo(0.475676, 4);
    expect(rank.a).toBeCloseTo(0.131081, 4);
  });

  it('finds articulation points and bridges', () => {
    const path = structure(graphMap([['a', 'b'], ['b', 'c'], ['c', 'd']]));
    expect(path.articulationPoints).toEqual(['b', 'c']);
    expect(path.bridges).toEqual([['a', 'b'], ['b', 'c'], ['c', 'd']]);
    const tail = structure(graphMap([['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'd']]));
    expect(tail.articulationPoints).toEqual(['c']);
    expect(tail.bridges).toEqual([['c', 'd']]);
    const bowtie = structure(graphMap([['a', 'b'], ['b', 'x'], ['x', 'a'], ['x', 'c'], ['c', 'd'], ['d', 'x']]));
    expect(bowtie.articulationPoints).toEqual(['x']);
    expect(bowtie.bridges).toEqual([]);
  });

  it('handles a long chain without recursion limits', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => [`n${i}`, `n${i + 1}`] as [string, string]);
    const { articulation, bridges } = cutVerticesAndBridges(buildNetwork(graphMap(chain)));
    expect(articulation.size).toBe(19_999);
    expect(bridges).toHaveLength(20_000);
  });
});

describe('typed-array metrics against graphology-metrics and networkx', () => {
  it('gives networkx’s PageRank on the Krackhardt kite (nx.pagerank, alpha 0.85)', () => {
    const rank = structure(graphMap(KITE)).pagerank;
    const expected = { Andre: 0.10192, Beverly: 0.10192, Carol: 0.079418, Diane: 0.147148, Ed: 0.079418, Fernando: 0.128907, Garth: 0.128907, Heather: 0.095248, Ike: 0.085696, Jane: 0.05142 };
    for (const [name, value] of Object.entries(expected)) expect(rank[name], name).toBeCloseTo(value, 4);
    // networkx: articulation_points = [Heather, Ike], bridges = [(Heather, Ike), (Ike, Jane)].
    expect(structure(graphMap(KITE))).toMatchObject({ articulationPoints: ['Heather', 'Ike'], bridges: [['Heather', 'Ike'], ['Ike', 'Jane']] });
  });

  const network = buildNetwork(syntheticMap(250, 3));
  const graph = toGraphology(network);

  it('gives graphology-metrics’ PageRank and degree on a 300-node synthetic map', () => {
    const ours = pagerank(network);
    const reference = graphologyPagerank(graph, { getEdgeWeight: null, alpha: 0.85, tolerance: 1e-6, maxIterations: 100 });
    network.ids.forEach((id, i) => {
      expect(ours[i], id).toBeCloseTo(reference[id], 12);
      expect(network.offsets[i + 1] - network.offsets[i], id).toBe(graph.degree(id));
    });
  });

  it('finds exactly the nodes and ties whose removal splits the graph (checked by removing each)', () => {
    const network = buildNetwork(syntheticMap(60, 5, 2));
    const graph = toGraphology(network);
    const components = (g: Graph) => {
      let count = 0;
      const seen = new Set<string>();
      g.forEachNode((start) => {
        if (seen.has(start)) return;
        count++;
        bfsFromNode(g, start, (node) => void seen.add(node));
      });
      return count;
    };
    const whole = components(graph);
    const cut = graph.filterNodes((node) => {
      const without = graph.copy();
      without.dropNode(node);
      return components(without) > whole - (graph.degree(node) === 0 ? 1 : 0);
    });
    const splitting = graph.filterEdges((edge) => {
      const without = graph.copy();
      without.dropEdge(edge);
      return components(without) > whole;
    }).map((edge) => graph.extremities(edge).sort());
    const { articulation, bridges } = cutVerticesAndBridges(network);
    expect([...articulation].map((i) => network.ids[i]).sort()).toEqual(cut.sort());
    expect(bridges.map(([a, b]) => [network.ids[a], network.ids[b]].sort()).sort()).toEqual(splitting.sort());
    expect(cut.length).toBeGreaterThan(0);
  });
});

describe('the structure graph', () => {
  it('is simple: parallel edges and self loops collapse; programs tie to their organization', () => {
    const map = mapOf(
      [org('o1', 'public'), org('o2', 'nonprofit'), org('o3', 'public'), program('p1', { organization: 'o1' })],
      [
        { id: 'a', type: 'partnership', source: 'o1', target: 'o2', level: 'coordinated' },
        { id: 'b', type: 'data-sharing', source: 'o2', target: 'o1' },
        { id: 'c', type: 'partnership', source: 'o1', target: 'o3' },
        { id: 'd', type: 'partnership', source: 'o3', target: 'o3' },
      ],
    );
    const s = structure(map);
    expect(s.degree).toEqual({ o1: 3, o2: 1, o3: 1, p1: 1 });
    expect(s.density).toBeCloseTo((2 * 3) / (4 * 3), 9);
    // o1–o2 is cross-sector (public–nonprofit), o1–o3 is not.
    expect(s.crossSectorShare).toBe(0.5);
    expect(s.levels).toEqual({ 'information-exchange': 0, coordinated: 1, cooperative: 0, 'collective-action': 0, unspecified: 2 });
  });

  it('splits two cliques joined by one tie into two communities, the same every run', () => {
    const clique = (p: string) => [[`${p}1`, `${p}2`], [`${p}1`, `${p}3`], [`${p}1`, `${p}4`], [`${p}2`, `${p}3`], [`${p}2`, `${p}4`], [`${p}3`, `${p}4`]] as [string, string][];
    const map = graphMap([...clique('a'), ...clique('b'), ['a1', 'b1']]);
    const first = structure(map);
    expect(new Set(['a1', 'a2', 'a3', 'a4'].map((id) => first.communities[id])).size).toBe(1);
    expect(first.communities.a1).not.toBe(first.communities.b1);
    expect(first.modularity).toBeGreaterThan(0.3);
    expect(structure(map)).toEqual(first);
  });

  it('survives empty and one-node maps', () => {
    expect(structure(mapOf([]))).toMatchObject({ density: 0, modularity: 0, articulationPoints: [], bridges: [] });
    expect(structure(mapOf([org('solo')]))).toMatchObject({ degree: { solo: 0 }, betweenness: { solo: 0 }, communities: { solo: 0 } });
  });
});

describe('structure cache (reused across edits that keep the structure graph)', () => {
  const base = syntheticMap(60, 3);
  const withEdit = (edit: (m: ReturnType<typeof syntheticMap>) => void) => {
    const copy = structuredClone(base);
    edit(copy);
    return copy;
  };

  it('keys on ties, sectors and levels, not on program fields', () => {
    const key = structureKey(base, 1);
    expect(structureKey(withEdit((m) => ((m.nodes[20] as { status?: string }).status = 'closed')), 1)).toBe(key);
    expect(structureKey(withEdit((m) => (m.nodes[20].label = 'Renamed')), 1)).toBe(key);
    expect(structureKey(withEdit((m) => m.edges.pop()), 1)).not.toBe(key);
    const sector = (base.nodes[0] as { sector?: string }).sector === 'business' ? 'public' : 'business';
    expect(structureKey(withEdit((m) => ((m.nodes[0] as { sector?: string }).sector = sector)), 1)).not.toBe(key);
    const partnership = base.edges.findIndex((e) => e.type === 'partnership');
    expect(structureKey(withEdit((m) => ((m.edges[partnership] as { level?: string }).level = 'collective-action')), 1)).not.toBe(key);
    expect(structureKey(base, 2)).not.toBe(key);
  });

  it('gives what a fresh computation gives, after field edits and after structural edits', () => {
    expect(cachedStructure(base)).toEqual(structure(base));
    const relabelled = withEdit((m) => (m.nodes[20].label = 'Renamed'));
    expect(cachedStructure(relabelled)).toBe(cachedStructure(base));
    const fewer = withEdit((m) => m.edges.splice(0, 10));
    const report = cachedStructure(fewer);
    expect(report).toEqual(structure(fewer));
    expect(report).not.toEqual(structure(base));
  });

  it('hands out a frozen report, so no caller can corrupt the next run', () => {
    const report = cachedStructure(base);
    expect(() => ((report.degree as Record<string, number>).O0 = 99)).toThrow(TypeError);
  });
});
