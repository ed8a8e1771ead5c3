// Types of the `pathways-map` version 1 file (../shared/SPEC.md). The file is also the snapshot
// shape: the UI, the worker, the CLI, analysis and simulation all read a `PathwaysMap`.
import type {
  COLLABORATION_LEVELS,
  COSTS,
  DOMAINS,
  EDGE_TYPES,
  MAP_FORMAT,
  MAP_VERSION,
  NODE_TYPES,
  PROGRAM_STATUSES,
  REFERRAL_STATUSES,
  SECTORS,
} from './constants.ts';

export type NodeType = (typeof NODE_TYPES)[number];
export type EdgeType = (typeof EDGE_TYPES)[number];
export type Sector = (typeof SECTORS)[number];
export type Domain = (typeof DOMAINS)[number];
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];
export type Cost = (typeof COSTS)[number];
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export type CollaborationLevel = (typeof COLLABORATION_LEVELS)[number];

/** Fields every node has. Unknown fields are kept (index signature), never dropped. */
export interface NodeBase {
  id: string;
  label: string;
  description?: string;
  tags?: string[];
  url?: string;
  [extra: string]: unknown;
}

export interface OrganizationNode extends NodeBase {
  type: 'organization';
  sector?: Sector;
  backbone?: boolean;
}

export interface ProgramNode extends NodeBase {
  type: 'program';
  /** Id of the organization that runs it. */
  organization?: string;
  lifeStages?: string[];
  domains?: Domain[];
  /** What it does, finer than a domain: free words or taxonomy terms (HSDS/211), e.g. `tax-preparation`. */
  services?: string[];
  /** Served areas (ids from meta.areas); empty or absent = all areas. */
  areas?: string[];
  /** Eligible populations (ids from meta.populations); empty or absent = everyone. */
  populations?: string[];
  /** BCP-47 codes; empty or absent = not stated (no language barrier). */
  languages?: string[];
  /** People per year. */
  capacity?: number;
  /** People per year. */
  served?: number;
  status?: ProgramStatus;
  /** People can walk in or self-refer here. */
  entryPoint?: boolean;
  /** Relative share of a simulated cohort entering here (default: even split). */
  entryWeight?: number;
  cost?: Cost;
}

export type MapNode = OrganizationNode | ProgramNode;

export interface EdgeBase {
  id: string;
  source: string;
  target: string;
  label?: string;
  description?: string;
  [extra: string]: unknown;
}

/** Program → program, directed. */
export interface ReferralEdge extends EdgeBase {
  type: 'referral';
  status?: ReferralStatus;
  /** Referrals per year. */
  volume?: number;
  /** 0–1: share of referred people who arrive. */
  handoffRate?: number;
  /** The receiver reports back. */
  closedLoop?: boolean;
}

/** Organization — organization, undirected. */
export interface PartnershipEdge extends EdgeBase {
  type: 'partnership';
  level?: CollaborationLevel;
}

/** Funder → organization or program. */
export interface FundingEdge extends EdgeBase {
  type: 'funding';
  amount?: number;
  period?: string;
}

/** Organization — organization, undirected. */
export interface DataSharingEdge extends EdgeBase {
  type: 'data-sharing';
}

export type MapEdge = ReferralEdge | PartnershipEdge | FundingEdge | DataSharingEdge;

export interface LabelledItem {
  id: string;
  label: string;
  [extra: string]: unknown;
}

export interface LifeStage extends LabelledItem {}
export interface Area extends LabelledItem {}

export interface Population extends LabelledItem {
  /** Share of the cohort, 0–1. */
  share?: number;
  languages?: string[];
  areas?: string[];
  /** 0–1: how much a language or area mismatch cuts hand-off success in simulation. */
  barrier?: number;
}

export interface Outcome {
  id?: string;
  measure: string;
  stage?: string;
  baseline?: number;
  target?: number;
  actual?: number;
  /** population id → actual value */
  byPopulation?: Record<string, number>;
  [extra: string]: unknown;
}

export interface MapMeta {
  title: string;
  commonPurpose?: string;
  /** Ordered. Default: DEFAULT_LIFE_STAGES. */
  lifeStages?: LifeStage[];
  areas?: Area[];
  populations?: Population[];
  outcomes?: Outcome[];
  /** Analysis settings. */
  redundancyThreshold?: number;
  [extra: string]: unknown;
}

/** A saved view (issue 7). Kept loose here: the views module owns its details. */
export interface MapView {
  id: string;
  label: string;
  caption?: string;
  [extra: string]: unknown;
}

export interface Position {
  x: number;
  y: number;
}

/** What a named version keeps of the map: its content, without the file's unknown top-level fields. */
export interface MapContent {
  meta: MapMeta;
  nodes: MapNode[];
  edges: MapEdge[];
  views: MapView[];
  positions: Record<string, Position>;
}

/** Entries of one keyed collection that changed since the base version. */
export interface CollectionChanges<T> {
  set?: T[];
  remove?: string[];
}

/** A version's content as changes against its base version (src/history/versions.ts). */
export interface VersionChanges {
  meta?: MapMeta;
  nodes?: CollectionChanges<MapNode>;
  edges?: CollectionChanges<MapEdge>;
  /** Views are few and ordered: the whole list when any changed. */
  views?: MapView[];
  positions?: { set?: Record<string, Position>; remove?: string[] };
}

/** A named version (issue 17): either the whole `content`, or `changes` against the version `base`. */
export interface MapVersion {
  id: string;
  label: string;
  /** ISO 8601 time it was taken. */
  at: string;
  /** The name of who took it. */
  by?: string;
  base?: string;
  content?: MapContent;
  changes?: VersionChanges;
  [extra: string]: unknown;
}

/** The whole `pathways-map` v1 file. */
export interface PathwaysMap {
  format: typeof MAP_FORMAT;
  version: typeof MAP_VERSION;
  meta: MapMeta;
  nodes: MapNode[];
  edges: MapEdge[];
  views: MapView[];
  positions: Record<string, Position>;
  /** Named versions, oldest first (optional). */
  versions?: MapVersion[];
  [extra: string]: unknown;
}

/** One problem found in input, named by its path: `edges[3].target: no node "P99"`. */
export interface Problem {
  /** `nodes[2].label`, `meta.areas[0].id`, or '' for the whole document. */
  path: string;
  message: string;
  /**
   * What kind of compromise or fault this is (`dangling-reference`, `id-namespaced`, `dropped-field`, …),
   * so an import's warnings can be grouped and counted. A short kebab-case word; optional.
   */
  kind?: string;
}
