// Betweenness by Brandes' algorithm on compressed adjacency arrays. graphology-metrics computes the
// same numbers, but about 3× slower on the 5,000-program maps planners bring (measured in
// `npm run bench`); this one is checked against it in the tests.
import type { Network } from './network.ts';

/** Normalized as networkx's betweenness_centrality: pairs through v / C(n-1, 2). */
export function betweenness(network: Network): Float64Array {
  return normalizeBetweenness(betweennessRange(network.offsets, network.adjacency, 0, network.ids.length));
}

/** Each unordered pair was counted from both ends; networkx divides by (n-1)(n-2). */
export function normalizeBetweenness(sums: Float64Array): Float64Array {
  const n = sums.length;
  const scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 0;
  for (let i = 0; i < n; i++) sums[i] *= scale;
  return sums;
}

/**
 * Brandes' dependency sums from the sources `from` ≤ s < `to` only (unnormalized): ranges are
 * independent, so workers can split the sources and the page adds their sums.
 * The forward BFS records each node's shortest-path predecessors (in its own slice of a CSR-sized
 * buffer), so the backward pass walks only the shortest-path DAG instead of every neighbour; and
 * only the nodes a BFS reached are reset, not whole arrays.
 */
export function betweennessRange(offsets: Int32Array, adjacency: Int32Array, from: number, to: number): Float64Array {
  const n = offsets.length - 1;
  const centrality = new Float64Array(n);
  const sigma = new Float64Array(n);
  const distance = new Int32Array(n).fill(-1);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  const predecessorCount = new Int32Array(n);
  const predecessors = new Int32Array(adjacency.length);
  for (let s = from; s < to; s++) {
    sigma[s] = 1;
    distance[s] = 0;
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    while (head < tail) {
      const v = order[head++];
      const next = distance[v] + 1;
      const paths = sigma[v];
      const end = offsets[v + 1];
      for (let k = offsets[v]; k < end; k++) {
        const w = adjacency[k];
        let dw = distance[w];
        if (dw < 0) {
          distance[w] = dw = next;
          order[tail++] = w;
        }
        if (dw === next) {
          sigma[w] += paths;
          predecessors[offsets[w] + predecessorCount[w]++] = v;
        }
      }
    }
    // Accumulate dependencies in reverse BFS order.
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i];
      const coefficient = (1 + delta[w]) / sigma[w];
      const start = offsets[w];
      const end = start + predecessorCount[w];
      for (let k = start; k < end; k++) {
        const v = predecessors[k];
        delta[v] += sigma[v] * coefficient;
      }
      centrality[w] += delta[w];
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i];
      sigma[v] = 0;
      distance[v] = -1;
      delta[v] = 0;
      predecessorCount[v] = 0;
    }
  }
  return centrality;
}

/** Articulation points and bridges by Tarjan's low-link method, iteratively (no recursion limit). */
export function cutVerticesAndBridges({ offsets, adjacency, ids }: Network): { articulation: Set<number>; bridges: [number, number][] } {
  const n = ids.length;
  const discovery = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const cursor = new Int32Array(n);
  const articulation = new Set<number>();
  const bridges: [number, number][] = [];
  let time = 0;
  const stack: number[] = [];
  for (let root = 0; root < n; root++) {
    if (discovery[root] >= 0) continue;
    let rootChildren = 0;
    discovery[root] = low[root] = time++;
    cursor[root] = offsets[root];
    stack.push(root);
    while (stack.length) {
      const v = stack[stack.length - 1];
      if (cursor[v] < offsets[v + 1]) {
        const w = adjacency[cursor[v]++];
        if (discovery[w] < 0) {
          parent[w] = v;
          discovery[w] = low[w] = time++;
          cursor[w] = offsets[w];
          stack.push(w);
          if (v === root) rootChildren++;
        } else if (w !== parent[v]) {
          low[v] = Math.min(low[v], discovery[w]);
        }
      } else {
        stack.pop();
        const p = parent[v];
        if (p >= 0) {
          low[p] = Math.min(low[p], low[v]);
          if (low[v] > discovery[p]) bridges.push([p, v]);
          if (p !== root && low[v] >= discovery[p]) articulation.add(p);
        }
      }
    }
    if (rootChildren > 1) articulation.add(root);
  }
  return { articulation, bridges };
}

/**
 * PageRank on the undirected graph (each tie both ways, weight 1), computed as graphology-metrics'
 * `pagerank` does with `getEdgeWeight: null` — power iteration from 1/n, a dangling (isolated) node's
 * rank spread evenly, stopping when the L1 change falls under n × tolerance — on typed arrays.
 * Unlike graphology's, it returns the last iterate instead of throwing when it has not converged.
 */
export function pagerank({ offsets, adjacency }: Pick<Network, 'offsets' | 'adjacency'>, alpha = 0.85, tolerance = 1e-6, maxIterations = 100): Float64Array {
  const n = offsets.length - 1;
  if (n === 0) return new Float64Array(0);
  const p = 1 / n;
  let x = new Float64Array(n).fill(p);
  let next = new Float64Array(n);
  const share = new Float64Array(n);
  const dangling: number[] = [];
  for (let i = 0; i < n; i++) {
    const degree = offsets[i + 1] - offsets[i];
    if (degree === 0) dangling.push(i);
    else share[i] = 1 / degree;
  }
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    next.fill(0);
    let dangleSum = 0;
    for (const i of dangling) dangleSum += x[i];
    const teleport = alpha * dangleSum * p + (1 - alpha) * p;
    for (let i = 0; i < n; i++) {
      const out = alpha * x[i] * share[i];
      const end = offsets[i + 1];
      for (let k = offsets[i]; k < end; k++) next[adjacency[k]] += out;
      next[i] += teleport;
    }
    let error = 0;
    for (let i = 0; i < n; i++) error += Math.abs(next[i] - x[i]);
    [x, next] = [next, x];
    if (error < n * tolerance) break;
  }
  return x;
}
