// What the analysis adds to the canvas: problem markers, colour by community, size by a metric.
// Pure: returns per-element classes and data; the canvas applies them in one batch.
import { OKABE_ITO } from './palette.ts';
import type { PathwaysMap } from '../model/types.ts';
import type { AnalysisReport } from '../analysis/types.ts';

export type ColorBy = 'default' | 'community';
export type SizeBy = 'default' | 'betweenness' | 'capacity' | 'degree';

export interface OverlayOptions {
  problems: boolean;
  colorBy: ColorBy;
  sizeBy: SizeBy;
}

export interface ElementOverlay {
  classes: string[];
  color?: string;
  size?: number;
}

export const NO_OVERLAY: OverlayOptions = { problems: false, colorBy: 'default', sizeBy: 'default' };

function entry(overlays: Map<string, ElementOverlay>, id: string): ElementOverlay {
  let found = overlays.get(id);
  if (!found) overlays.set(id, (found = { classes: [] }));
  return found;
}

export function communityColor(index: number): string {
  return OKABE_ITO[index % OKABE_ITO.length];
}

export function computeOverlays(map: PathwaysMap, report: AnalysisReport | null, options: OverlayOptions): Map<string, ElementOverlay> {
  const overlays = new Map<string, ElementOverlay>();
  if (!report) return overlays;
  if (options.problems) {
    for (const finding of report.brokenPathways) {
      if (finding.edge) entry(overlays, finding.edge).classes.push('problem', `problem-${finding.kind}`);
      if (finding.node) entry(overlays, finding.node).classes.push('problem', `problem-${finding.kind}`);
    }
  }
  if (options.colorBy === 'community') {
    for (const [id, community] of Object.entries(report.structure.communities)) entry(overlays, id).color = communityColor(community);
  }
  if (options.sizeBy !== 'default') {
    const values = new Map<string, number>();
    if (options.sizeBy === 'capacity') {
      for (const node of map.nodes) if (node.type === 'program' && node.capacity !== undefined) values.set(node.id, node.capacity);
    } else {
      for (const [id, v] of Object.entries(report.structure[options.sizeBy])) values.set(id, v);
    }
    const max = Math.max(0, ...values.values());
    for (const [id, value] of values) entry(overlays, id).size = Math.round(18 + 70 * Math.sqrt(max > 0 ? value / max : 0));
  }
  return overlays;
}
