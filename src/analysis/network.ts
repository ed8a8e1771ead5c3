// The undirected simple graph the structure metrics run on (SPEC): every node, every edge, and each
// program's tie to its organization; no self loops, no parallel edges. Kept both as a graphology
// graph (for PageRank and Louvain) and as compressed adjacency arrays (for the fast custom metrics).
import Graph from 'graphology';
import type { PathwaysMap } from '../model/types.ts';

export interface Network {
  graph: Graph;
  ids: string[];
  /** neighbours of node i are adjacency[offsets[i] .. offsets[i + 1]) */
  offsets: Int32Array;
  adjacency: Int32Array;
}

export function buildNetwork(map: PathwaysMap): Network {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const node of map.nodes) graph.addNode(node.id);
  const tie = (a: string, b: string) => {
    if (a !== b && graph.hasNode(a) && graph.hasNode(b)) graph.mergeEdge(a, b);
  };
  for (const edge of map.edges) tie(edge.source, edge.target);
  for (const node of map.nodes) if (node.type === 'program' && node.organization) tie(node.id, node.organization);
  const ids = graph.nodes();
  const index = new Map(ids.map((id, i) => [id, i]));
  const offsets = new Int32Array(ids.length + 1);
  ids.forEach((id, i) => (offsets[i + 1] = offsets[i] + graph.degree(id)));
  const adjacency = new Int32Array(offsets[ids.length]);
  ids.forEach((id, i) => {
    let k = offsets[i];
    graph.forEachNeighbor(id, (neighbour) => (adjacency[k++] = index.get(neighbour)!));
  });
  return { graph, ids, offsets, adjacency };
}
