// The lanes' titles (life stages, organizations, areas) where the canvas does not draw them: a label
// under MIN_LABEL_PX on screen is not drawn (style.ts), and on a narrow screen the demo's fit (zoom ≈ 0.22
// at 1024 px) puts even the lane titles under it. LaneTitles.svelte draws these at a fixed readable size,
// placed from the lanes' boxes in canvas pixels. Framework-free.
import type { Core, NodeCollection } from 'cytoscape';
import { LANE } from './layouts/lanes.ts';
import { AREA_LABEL_DROP } from './placement.ts';
import { labelReadableAt, type StyledElement } from './level-of-detail.ts';

export interface LaneTitle {
  id: string;
  label: string;
  kind: 'stage' | 'organizations' | 'area';
  /** Stages and organizations: the lane's header band; areas: where the name starts, on its row's rule. In canvas pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Each canvas's titled lanes, found once after the lanes are placed (`lanesPlaced`): a selector searches every
 * element, ~10 ms on a county map, and the titles are read on every viewport change.
 */
const titledLanes = new WeakMap<Core, NodeCollection>();

/** The snapshot applier placed or removed lanes: look them up again. */
export function lanesPlaced(cy: Core): void {
  titledLanes.delete(cy);
}

function lanesOf(cy: Core): NodeCollection {
  let lanes = titledLanes.get(cy);
  if (!lanes) titledLanes.set(cy, (lanes = cy.nodes('.lane-stage, .lane-organizations, .lane-area')));
  return lanes;
}

/** The titles the canvas leaves out at this zoom (by level-of-detail.ts's rule), in canvas pixels. */
export function hiddenLaneTitles(cy: Core): LaneTitle[] {
  const zoom = cy.zoom();
  const pan = cy.pan();
  const titles: LaneTitle[] = [];
  lanesOf(cy).forEach((node) => {
    if (node.removed()) return;
    const label = String(node.data('label') ?? '');
    // `pstyle` (Cytoscape's parsed style) is not in its types.
    if (!label || labelReadableAt(node as unknown as StyledElement, zoom)) return;
    const kind = node.hasClass('lane-area') ? 'area' : node.hasClass('lane-stage') ? 'stage' : 'organizations';
    const at = node.position();
    if (kind === 'area') {
      // The name's anchor sits AREA_LABEL_DROP below its row's rule (placement.ts); here the name hangs from the rule.
      titles.push({ id: node.id(), label, kind, x: at.x * zoom + pan.x, y: (at.y - AREA_LABEL_DROP) * zoom + pan.y, width: 0, height: 0 });
      return;
    }
    const width = Number(node.data('width')) * zoom;
    const top = (at.y - Number(node.data('height')) / 2) * zoom + pan.y;
    titles.push({ id: node.id(), label, kind, x: at.x * zoom + pan.x - width / 2, y: top, width, height: LANE.headerHeight * zoom });
  });
  return titles;
}

/** Soft hyphens inside long words, so a title wraps within its lane's width on a narrow screen ("Postsec-ondary"). */
export function breakable(label: string): string {
  return label.replace(/\p{L}{8,}/gu, (word) => [...word].map((ch, i, all) => (i >= 3 && all.length - i >= 3 ? `\u00AD${ch}` : ch)).join(''));
}
