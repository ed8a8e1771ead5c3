// The analysis report: the SPEC's `analyze --json` shape (fields may be added, never renamed).

export interface CoverageGap {
  kind: 'coverage';
  stage: string;
  area?: string;
  population?: string;
}

export interface TransitionGap {
  kind: 'transition';
  from: string;
  to: string;
  area?: string;
}

export type Gap = CoverageGap | TransitionGap;

export type BrokenPathwayKind = 'broken-referral' | 'referral-to-inactive' | 'dead-end' | 'unreachable';

export interface BrokenPathway {
  kind: BrokenPathwayKind;
  edge?: string;
  node?: string;
}

export interface Redundancy {
  programs: [string, string];
  similarity: number;
  /** Capacity of the two programs together (people/year), when both state it. */
  combinedCapacity?: number;
  /** Capacity they duplicate: the smaller of the two (people/year), when both state it. */
  duplicatedCapacity?: number;
}

export interface StructureReport {
  betweenness: Record<string, number>;
  degree: Record<string, number>;
  pagerank: Record<string, number>;
  articulationPoints: string[];
  bridges: [string, string][];
  communities: Record<string, number>;
  modularity: number;
  density: number;
  crossSectorShare: number;
  levels: Record<string, number>;
}

export interface AnalysisReport {
  gaps: Gap[];
  brokenPathways: BrokenPathway[];
  redundancies: Redundancy[];
  structure: StructureReport;
}

export interface AnalysisOptions {
  /** Seed of Louvain's random moves: same map and seed, same communities. */
  seed?: number;
  /** Jaccard threshold on `services` for redundancy; default: the map's setting, else 0.5. */
  redundancyThreshold?: number;
  /** Threads for betweenness on big maps (default: the machine's cores less one). Same report either way. */
  threads?: number;
}
