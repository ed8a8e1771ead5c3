// The undirected simple graph the structure metrics run on (SPEC): every node, every edge, and each
// program's tie to its organization; no self loops, no parallel edges. Built straight into typed
// arrays (compressed adjacency): betweenness, degree, PageRank, cut vertices and bridges run on them.
// Louvain (graphology-communities-louvain) gets a graphology graph made from the same ties.
import Graph from 'graphology';
import type { PathwaysMap } from '../model/types.ts';

export interface Network {
  ids: string[];
  /** neighbours of node i are adjacency[offsets[i] .. offsets[i + 1]) */
  offsets: Int32Array;
  adjacency: Int32Array;
  /** Each tie once, as node index pairs [a0, b0, a1, b1, …], in the order the map states them. */
  ties: Int32Array;
}

export function buildNetwork(map: PathwaysMap): Network {
  const ids: string[] = [];
  const index = new Map<string, number>();
  for (const node of map.nodes) {
    if (index.has(node.id)) continue;
    index.set(node.id, ids.length);
    ids.push(node.id);
  }
  const n = ids.length;
  const seen = new Set<number>();
  const ends: number[] = [];
  const tie = (a: string, b: string | undefined) => {
    const i = index.get(a);
    const j = b === undefined ? undefined : index.get(b);
    if (i === undefined || j === undefined || i === j) return;
    const key = i < j ? i * n + j : j * n + i;
    if (seen.has(key)) return;
    seen.add(key);
    ends.push(i, j);
  };
  for (const edge of map.edges) tie(edge.source, edge.target);
  for (const node of map.nodes) if (node.type === 'program' && node.organization) tie(node.id, node.organization);
  const ties = Int32Array.from(ends);
  const offsets = new Int32Array(n + 1);
  for (const end of ties) offsets[end + 1]++;
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const adjacency = new Int32Array(ties.length);
  const fill = offsets.slice(0, n);
  for (let k = 0; k < ties.length; k += 2) {
    const [a, b] = [ties[k], ties[k + 1]];
    adjacency[fill[a]++] = b;
    adjacency[fill[b]++] = a;
  }
  return { ids, offsets, adjacency, ties };
}

export const tieCount = (network: Network): number => network.ties.length / 2;

/** The same graph for graphology's algorithms (Louvain) and for checking ours against theirs. */
export function toGraphology({ ids, ties }: Network): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of ids) graph.addNode(id);
  for (let k = 0; k < ties.length; k += 2) graph.addUndirectedEdge(ids[ties[k]], ids[ties[k + 1]]);
  return graph;
}
