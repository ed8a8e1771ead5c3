// Analysis and simulation results drawn onto the canvas: classes and data per element, swapped as a
// whole in one cy.batch. Framework-free; Canvas.svelte calls these from its effects and keeps the
// returned ids to clear next time.
import type { Core, EdgeSingular } from 'cytoscape';
import { computeOverlays, type OverlayOptions } from '../views/analysis-overlays.ts';
import type { AnalysisReport } from '../analysis/types.ts';
import type { PathwaysMap } from '../model/types.ts';
import { simulationOverlay } from '../simulation/overlay.ts';
import { lanesLayout } from './layouts/lanes.ts';

const PROBLEM_CLASSES = 'problem problem-broken-referral problem-referral-to-inactive problem-dead-end problem-unreachable';

/** Problems, colour and size by metric; in the lanes layout, a marker in each cell with no open service. */
export function applyAnalysisOverlays(cy: Core, map: PathwaysMap, report: AnalysisReport | null, options: OverlayOptions, lanes: boolean, previous: Set<string>): Set<string> {
  const overlays = computeOverlays(map, report, options);
  cy.batch(() => {
    for (const id of previous) cy.$id(id).removeClass(PROBLEM_CLASSES).removeData('ocolor osize');
    cy.nodes('.gap-marker').remove();
    for (const [id, overlay] of overlays) {
      const ele = cy.$id(id);
      if (ele.empty()) continue;
      if (overlay.classes.length) ele.addClass(overlay.classes.join(' '));
      if (overlay.color) ele.data('ocolor', overlay.color);
      if (overlay.size) ele.data('osize', overlay.size);
    }
    if (options.problems && report && lanes) {
      const { cellBoxes } = lanesLayout(map);
      for (const gap of report.gaps) {
        if (gap.kind !== 'coverage' || gap.population) continue;
        const cell = cellBoxes.get(`${gap.stage}|${gap.area ?? '*'}`);
        if (!cell) continue;
        const { position, ...marker } = gapMarker(cell);
        cy.add({ group: 'nodes', data: { id: `gap-${gap.stage}-${gap.area ?? 'all'}`, ...marker }, position, classes: 'lane gap-marker', selectable: false, grabbable: false, locked: true });
      }
    }
  });
  return new Set(overlays.keys());
}

/** A gap marker's box and words, read at the default fit (style.ts LABEL_FONT.marker): filling an empty cell;
 *  in a cell whose programs are all closed, a strip along its top, above the programs' nodes (lanes.ts puts
 *  their centres 56 below the cell's top). */
export function gapMarker(cell: { x: number; y: number; width: number; height: number; count: number }) {
  if (cell.count === 0) return { label: 'No open\nservice', width: Math.min(cell.width - 24, 220), height: Math.min(cell.height - 24, 100), position: { x: cell.x + cell.width / 2, y: cell.y + cell.height / 2 } };
  return { label: 'None open', width: Math.min(cell.width - 24, 200), height: 34, position: { x: cell.x + cell.width / 2, y: cell.y + 20 } };
}

/** People passing along each referral (width) and the biggest losses (markers). */
export function applySimulationOverlay(cy: Core, result: Parameters<typeof simulationOverlay>[0], previous: Set<string>): Set<string> {
  const overlay = simulationOverlay(result);
  cy.batch(() => {
    for (const id of previous) cy.$id(id).removeClass('sim-lost').removeData('sflow slost slostdy');
    for (const [id, width] of overlay.width) cy.$id(id).data('sflow', width);
    for (const [id, people] of overlay.lost) cy.$id(id).addClass('sim-lost').data('slost', `${people} lost`);
  });
  separateLostLabels(cy, [...overlay.lost.keys()]);
  return new Set([...overlay.width.keys(), ...overlay.lost.keys()]);
}

const DIFF_CLASSES = 'diff-added diff-removed diff-changed';

/** Comparing versions: each element marked added, removed or changed (null: no comparison). */
export function applyDiffMarks(cy: Core, marks: ReadonlyMap<string, 'added' | 'removed' | 'changed'> | null, previous: Set<string>): Set<string> {
  cy.batch(() => {
    for (const id of previous) cy.$id(id).removeClass(DIFF_CLASSES);
    for (const [id, mark] of marks ?? []) cy.$id(id).addClass(`diff-${mark}`);
  });
  return new Set(marks?.keys() ?? []);
}

type Box = { x1: number; y1: number; x2: number; y2: number };
export const LOST_LABEL_GAP = 6;
let measure: CanvasRenderingContext2D | null | undefined;

/**
 * Where an edge's "N lost" label is drawn, in model pixels: centred on the edge's midpoint (moved down by
 * its `slostdy`), as wide as its text in the label's font. Measured here, not asked of Cytoscape, whose
 * label bounds are not computed for every edge until it has drawn them.
 */
function lostLabelBox(edge: EdgeSingular): Box | null {
  const text = String(edge.data('slost') ?? '');
  if (!text) return null;
  // Cytoscape's parsed style (not in its types): numbers in model pixels, names as written.
  const style = (name: string) => (edge as unknown as { pstyle(name: string): { pfValue: number; strValue: string } }).pstyle(name);
  const size = style('font-size').pfValue;
  const pad = style('text-background-padding').pfValue;
  measure ??= typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  let width = text.length * size * 0.62;
  if (measure) {
    measure.font = `${style('font-weight').strValue} ${size}px ${style('font-family').strValue}`;
    width = measure.measureText(text).width;
  }
  const mid = edge.midpoint();
  const y = mid.y + Number(edge.data('slostdy') ?? 0);
  return { x1: mid.x - width / 2 - pad, x2: mid.x + width / 2 + pad, y1: y - size * 0.6 - pad, y2: y + size * 0.6 + pad };
}

/**
 * Two referrals whose middles are close would write their "N lost" over each other (two near Workforce
 * in the demo): each label, biggest loss first, moves down below any label already placed that it would
 * cover or touch. In model pixels, so the separation holds at every zoom.
 */
function separateLostLabels(cy: Core, ids: string[]): void {
  const placed: Box[] = [];
  const gap = LOST_LABEL_GAP;
  for (const id of ids) {
    const edge = cy.$id(id);
    if (edge.empty() || !edge.isEdge()) continue;
    const box = lostLabelBox(edge);
    if (!box) continue;
    let dy = 0;
    // Bounded: each step moves below one placed label, so at most one step per label placed.
    for (let step = 0; step <= placed.length; step++) {
      const hit = placed.find((p) => box.x1 < p.x2 + gap && box.x2 > p.x1 - gap && box.y1 + dy < p.y2 + gap && box.y2 + dy > p.y1 - gap);
      if (!hit) break;
      dy = hit.y2 + gap - box.y1;
    }
    if (dy) edge.data('slostdy', Math.round(dy * 10) / 10);
    placed.push({ x1: box.x1, x2: box.x2, y1: box.y1 + dy, y2: box.y2 + dy });
  }
}

/** The "N lost" labels' boxes on the canvas, in model pixels (tests check they never overlap). */
export function lostLabelBoxes(cy: Core): Box[] {
  return cy.edges('.sim-lost').map((edge) => lostLabelBox(edge)).filter((box): box is Box => box !== null);
}
