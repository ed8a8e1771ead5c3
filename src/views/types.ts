// A saved view, precisely (the model keeps `MapView` loose; src/model/view-schema.ts validates these fields).
import type { EdgeType, MapView, NodeType, ProgramStatus, Sector } from '../model/types.ts';
import type { VIEW_COLOR_BY, VIEW_LAYOUTS, VIEW_METRICS, VIEW_SIZE_BY } from '../model/view-schema.ts';

export type ViewColorBy = (typeof VIEW_COLOR_BY)[number];
export type ViewSizeBy = (typeof VIEW_SIZE_BY)[number];
export type ViewLayout = (typeof VIEW_LAYOUTS)[number];
export type ViewMetric = (typeof VIEW_METRICS)[number];

/** Every list narrows what is shown; an absent or empty list does not filter. */
export interface ViewFilter {
  nodeTypes?: NodeType[];
  edgeTypes?: EdgeType[];
  /** Organizations of these sectors, and the programs they run. */
  sectors?: Sector[];
  /** Programs serving any of these life stages. */
  lifeStages?: string[];
  /** Programs serving any of these areas (a program with no areas serves all). */
  areas?: string[];
  /** Programs that serve any of these populations: eligible, and speaking their language. */
  populations?: string[];
  /** Programs with any of these statuses. */
  statuses?: ProgramStatus[];
  /** Nodes in any of these Louvain communities (numbers from the analysis). */
  communities?: number[];
  /** Only broken pathways: the referrals and programs the analysis flags, with their ends. */
  problemsOnly?: boolean;
}

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

export interface SavedView extends MapView {
  filter?: ViewFilter;
  colorBy?: ViewColorBy;
  /** Which metric colorBy "metric" shows (default betweenness). */
  colorMetric?: ViewMetric;
  sizeBy?: ViewSizeBy;
  layout?: ViewLayout;
  /** Which metric the concentric layout puts at the centre (default betweenness). */
  layoutMetric?: ViewMetric;
  viewport?: Viewport;
}

export interface LegendItem {
  label: string;
  color: string;
  shape: 'dot' | 'square';
}

export interface LegendSection {
  title: string;
  items: LegendItem[];
  /** A continuous scale (metric colour) drawn as a ramp from the first to the last item. */
  ramp?: boolean;
}

/** What the canvas needs to draw a view. */
export interface ViewPresentation {
  /** Ids of nodes and edges to show; everything else is hidden. */
  visible: Set<string>;
  colors: Map<string, string>;
  sizes: Map<string, number>;
  legend: LegendSection[];
  /** One line for the legend about node size, when sized by something. */
  sizeNote: string | null;
  /** Elements to mark as problems (a "problems only" view shows why each is there). */
  highlighted: Set<string>;
}
