// Network structure (SPEC): degree, betweenness, PageRank, articulation points, bridges, Louvain
// communities with modularity, density, cross-sector share of organization ties, ties per level.
import louvain from 'graphology-communities-louvain';
import { COLLABORATION_LEVELS } from '../model/constants.ts';
import { seededRandom } from '../model/random.ts';
import type { PathwaysMap } from '../model/types.ts';
import { betweenness, cutVerticesAndBridges, pagerank } from './centrality.ts';
import { buildNetwork, tieCount, toGraphology, type Network } from './network.ts';
import type { StructureReport } from './types.ts';

const round = (value: number) => Math.round(value * 1e9) / 1e9;

function toRecord(ids: string[], values: ArrayLike<number>): Record<string, number> {
  const record: Record<string, number> = {};
  ids.forEach((id, i) => (record[id] = round(values[i])));
  return record;
}

function communities(network: Network, seed: number): { communities: Record<string, number>; modularity: number } {
  const { ids } = network;
  if (tieCount(network) === 0) return { communities: Object.fromEntries(ids.map((id, i) => [id, i])), modularity: 0 };
  const result = louvain.detailed(toGraphology(network), { rng: seededRandom(seed), getEdgeWeight: null });
  // Number communities by first appearance so the labels are stable across runs and peers.
  const relabel = new Map<number, number>();
  const labelled: Record<string, number> = {};
  for (const id of ids) {
    const raw = result.communities[id];
    if (!relabel.has(raw)) relabel.set(raw, relabel.size);
    labelled[id] = relabel.get(raw)!;
  }
  return { communities: labelled, modularity: round(result.modularity) };
}

export function structure(map: PathwaysMap, seed = 1): StructureReport {
  const network = buildNetwork(map);
  return structureOf(map, network, seed, betweenness(network));
}

/** The report, given the network built from `map` and its normalized betweenness (however computed). */
export function structureOf(map: PathwaysMap, network: Network, seed: number, betweennessValues: Float64Array): StructureReport {
  return withBetweenness(network, structureParts(map, network, seed), betweennessValues);
}

/** Everything but betweenness: computed on this thread while a pool computes betweenness. */
export type StructureParts = Omit<StructureReport, 'betweenness'>;

export function withBetweenness(network: Network, parts: StructureParts, values: Float64Array): StructureReport {
  return { betweenness: toRecord(network.ids, values), ...parts };
}

export function structureParts(map: PathwaysMap, network: Network, seed: number): StructureParts {
  const { ids, offsets, ties } = network;
  const n = ids.length;
  const degree: Record<string, number> = {};
  ids.forEach((id, i) => (degree[id] = offsets[i + 1] - offsets[i]));
  const { articulation, bridges } = cutVerticesAndBridges(network);
  const sectors = new Map(map.nodes.flatMap((node) => (node.type === 'organization' && node.sector ? [[node.id, node.sector] as const] : [])));
  let orgTies = 0;
  let crossTies = 0;
  for (let k = 0; k < ties.length; k += 2) {
    const [sa, sb] = [sectors.get(ids[ties[k]]), sectors.get(ids[ties[k + 1]])];
    if (sa && sb) {
      orgTies++;
      if (sa !== sb) crossTies++;
    }
  }
  const levels: Record<string, number> = Object.fromEntries(COLLABORATION_LEVELS.map((level) => [level, 0]));
  for (const edge of map.edges) {
    if (edge.type === 'partnership') {
      const level = edge.level ?? 'unspecified';
      levels[level] = (levels[level] ?? 0) + 1;
    }
  }
  return {
    degree,
    pagerank: toRecord(ids, pagerank(network)),
    articulationPoints: [...articulation].map((i) => ids[i]).sort(),
    bridges: bridges.map(([a, b]) => [ids[a], ids[b]].sort() as [string, string]).sort((x, y) => x[0].localeCompare(y[0]) || x[1].localeCompare(y[1])),
    ...communities(network, seed),
    density: n > 1 ? round((2 * tieCount(network)) / (n * (n - 1))) : 0,
    crossSectorShare: orgTies ? round(crossTies / orgTies) : 0,
    levels,
  };
}
