// The canvas stylesheet: shape tells organization from program, colour tells sector or life stage,
// line style tells referral status. Sized to read on a projector at the back of a room.
import type { EdgeSingular, StylesheetJson } from 'cytoscape';
import {
  DATA_SHARING_COLOR,
  FUNDING_COLOR,
  PARTNERSHIP_COLOR,
  REFERRAL_COLORS,
  SELECTION_COLOR,
} from '../views/palette.ts';

export const FONT_STACK = 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';

/** A label smaller than this on screen is not drawn (Cytoscape's `min-zoomed-font-size`): level of detail
 *  by zoom, so whatever is drawn can be read, and small labels never pile up at overview. */
export const MIN_LABEL_PX = 11;

/** Font sizes in model pixels, chosen with the lanes' spacing (layouts/lanes.ts) so that drawn labels never
 *  overlap: at the demo's default fit (zoom ≈ 0.34 at 1280×720) only the lane titles and area names reach
 *  11 px; from about 0.58 organizations, from about 0.65 (just under 2× the fit) programs too. */
export const LABEL_FONT = { program: 17, organization: 19, stageTitle: 36, areaName: 34, marker: 34 } as const;
// `marker`: gap markers and the simulation's "N lost" labels: what a planner must see at fit (≥ 11 px at 0.34).
/** Node heights and the gap between a node and the label under it, in model pixels. */
export const NODE_HEIGHT = { program: 30, organization: 40 } as const;
export const LABEL_GAP = 5;
/** Widest a program's and an organization's label runs before it wraps: less than their lanes' spacing. */
export const LABEL_WRAP = { program: 120, organization: 150 } as const;

export function canvasStyle(): StylesheetJson {
  return [
    {
      selector: 'node[label]',
      style: { label: 'data(label)' },
    },
    { selector: 'node[color]', style: { 'background-color': 'data(color)' } },
    { selector: 'edge[width]', style: { width: 'data(width)' } },
    {
      selector: 'node',
      style: {
        'font-family': FONT_STACK,
        'font-size': LABEL_FONT.program,
        color: '#1b1f24',
        'text-wrap': 'wrap',
        'text-max-width': `${LABEL_WRAP.program}px`,
        'text-valign': 'bottom',
        'text-margin-y': LABEL_GAP,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2.5,
        'border-width': 2,
        'border-color': '#ffffff',
        'min-zoomed-font-size': MIN_LABEL_PX,
      },
    },
    {
      selector: 'node.organization',
      style: { shape: 'round-rectangle', width: 56, height: NODE_HEIGHT.organization, 'font-size': LABEL_FONT.organization, 'text-max-width': `${LABEL_WRAP.organization}px`, 'font-weight': 'bold', 'border-color': '#1b1f24', 'border-width': 1.5 },
    },
    { selector: 'node.program', style: { shape: 'ellipse', width: NODE_HEIGHT.program, height: NODE_HEIGHT.program } },
    { selector: 'node.backbone', style: { 'border-width': 6, 'border-style': 'double', 'border-color': '#1b1f24', width: 66, height: 48 } },
    { selector: 'node.entry', style: { 'border-width': 3.5, 'border-color': '#1b1f24' } },
    { selector: 'node.status-waitlist', style: { 'border-style': 'dashed', 'border-color': '#1b1f24', 'border-width': 2.5 } },
    { selector: 'node.status-paused', style: { 'background-opacity': 0.45, 'border-style': 'dashed', 'border-color': '#8a5a00', 'border-width': 2.5 } },
    { selector: 'node.status-closed', style: { 'background-opacity': 0.25, 'border-style': 'dashed', 'border-color': '#C0392B', 'border-width': 2.5, color: '#6b7280' } },
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        'line-color': '#94a3b8',
        'target-arrow-color': '#94a3b8',
        'arrow-scale': 1.2,
        'min-zoomed-font-size': MIN_LABEL_PX,
        // Opaque: a translucent edge draws each arrowhead twice (a clearing pass, then the colour).
        opacity: 1,
      },
    },
    { selector: 'edge.referral', style: { 'line-color': REFERRAL_COLORS.active, 'target-arrow-color': REFERRAL_COLORS.active, 'target-arrow-shape': 'triangle', width: 2.5 } },
    { selector: 'edge.referral-informal', style: { 'line-style': 'dashed', 'line-dash-pattern': [9, 5] } },
    {
      selector: 'edge.referral-broken',
      style: {
        'line-color': REFERRAL_COLORS.broken,
        'target-arrow-color': REFERRAL_COLORS.broken,
        'line-style': 'dotted',
        'target-arrow-shape': 'tee',
        'mid-target-arrow-shape': 'tee',
        'mid-target-arrow-color': REFERRAL_COLORS.broken,
        width: 3,
      },
    },
    {
      selector: 'edge.referral-proposed',
      style: {
        'line-color': REFERRAL_COLORS.proposed,
        'target-arrow-color': REFERRAL_COLORS.proposed,
        'line-style': 'dashed',
        'line-dash-pattern': [3, 6],
        'target-arrow-fill': 'hollow',
        width: 1.8,
      },
    },
    { selector: 'edge.partnership', style: { 'line-color': PARTNERSHIP_COLOR, opacity: 0.55, 'curve-style': 'haystack' } },
    { selector: 'edge.funding', style: { 'line-color': FUNDING_COLOR, 'target-arrow-color': FUNDING_COLOR, 'target-arrow-shape': 'square', 'arrow-scale': 0.9, width: 2 } },
    {
      selector: 'edge.data-sharing',
      style: { 'line-color': DATA_SHARING_COLOR, 'line-style': 'dotted', 'source-arrow-shape': 'circle', 'target-arrow-shape': 'circle', 'source-arrow-color': DATA_SHARING_COLOR, 'target-arrow-color': DATA_SHARING_COLOR, 'arrow-scale': 0.6, width: 2 },
    },
    {
      selector: 'node.lane',
      style: {
        shape: 'rectangle',
        width: 'data(width)',
        height: 'data(height)',
        'background-color': 'data(fill)',
        'background-opacity': 1,
        'border-width': 0,
        label: 'data(label)',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': 44,
        'text-max-width': 'data(width)',
        'font-size': LABEL_FONT.stageTitle,
        'font-weight': 'bold',
        color: '#334155',
        'text-outline-width': 0,
        events: 'no',
        'z-compound-depth': 'bottom',
        'z-index': 0,
      },
    },
    { selector: 'node.lane-area', style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-y': 0, 'font-size': LABEL_FONT.areaName, 'background-opacity': 0, 'text-wrap': 'none', color: '#334155', 'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': '3px' } },
    { selector: 'node.lane-rule', style: { label: '' } },
    // Big maps (Canvas.svelte adds `bulk`): light, thin ties under thousands of programs. Straight, not
    // bundled bezier: Cytoscape finds each bezier's parallel edges when it is styled and placed (~2 s of a
    // 5,000-program load), and ties this faint are read as a mass, not one by one.
    { selector: 'edge.bulk', style: { 'curve-style': 'straight', width: 1.2, 'line-color': '#c3cad6', 'target-arrow-color': '#c3cad6', 'source-arrow-color': '#c3cad6', 'arrow-scale': 0.9 } },
    { selector: 'edge.bulk.referral-broken', style: { 'line-color': '#eeb4ad', 'target-arrow-color': '#eeb4ad', 'mid-target-arrow-color': '#eeb4ad' } },
    { selector: 'node.lane[fontSize]', style: { 'font-size': 'data(fontSize)' } },
    // Semantic zoom (overview.ts): a big map's count matrix, drawn at overview only (level-of-detail.ts).
    {
      selector: 'node.lane-cell',
      style: { 'background-color': 'data(fill)', 'background-opacity': 0.9, 'text-valign': 'center', 'text-halign': 'center', 'text-margin-y': 0, 'text-wrap': 'wrap', 'text-max-width': '5000px', color: '#1d3557', 'font-weight': 'bold', events: 'yes', shape: 'round-rectangle' },
    },
    { selector: 'node.lane-cell-gap', style: { color: '#9b1c1c', 'border-width': 6, 'border-style': 'dashed', 'border-color': '#C0392B' } },
    // In the lanes picture, ties between organizations are context, not the story.
    // Faint and without arrowheads (translucent arrowheads cost two passes each).
    { selector: 'edge.context', style: { opacity: 0.1, 'source-arrow-shape': 'none', 'target-arrow-shape': 'none' } },
    { selector: 'node:selected', style: { 'border-color': SELECTION_COLOR, 'border-width': 5, 'border-style': 'solid', 'underlay-color': SELECTION_COLOR, 'underlay-opacity': 0.18, 'underlay-padding': 8 } },
    { selector: 'edge:selected', style: { 'line-color': SELECTION_COLOR, 'target-arrow-color': SELECTION_COLOR, 'source-arrow-color': SELECTION_COLOR, width: 5, opacity: 1 } },
    // Analysis overlays (src/views/analysis-overlays.ts).
    { selector: 'node[ocolor]', style: { 'background-color': 'data(ocolor)', 'background-opacity': 1 } },
    { selector: 'node[osize]', style: { width: 'data(osize)', height: 'data(osize)' } },
    { selector: 'node.problem', style: { 'underlay-color': '#C0392B', 'underlay-opacity': 0.28, 'underlay-padding': 10, 'underlay-shape': 'ellipse' } },
    { selector: 'edge.problem', style: { 'underlay-color': '#C0392B', 'underlay-opacity': 0.25, 'underlay-padding': 6, width: 5 } },
    { selector: 'node.gap-marker', style: { shape: 'round-rectangle', width: 'data(width)', height: 'data(height)', 'text-halign': 'center', 'text-max-width': '5000px', 'background-color': '#fdecea', 'border-color': '#C0392B', 'border-width': 2, 'border-style': 'dashed', label: 'data(label)', 'text-valign': 'center', 'text-margin-y': 0, color: '#9b1c1c', 'font-size': LABEL_FONT.marker, 'font-weight': 'bold', 'text-outline-width': 0, events: 'no' } },
    // Simulation overlay (src/simulation/overlay.ts).
    { selector: 'edge[sflow]', style: { width: 'data(sflow)', opacity: 0.9 } },
    { selector: 'node.sim-lost', style: { 'underlay-color': '#D55E00', 'underlay-opacity': 0.35, 'underlay-padding': 9 } },
    { selector: 'edge.sim-lost', style: { label: 'data(slost)', color: '#9b1c1c', 'font-weight': 'bold', 'font-size': LABEL_FONT.marker, 'text-background-color': '#fff4f2', 'text-background-opacity': 0.95, 'text-background-padding': '2px', 'underlay-color': '#D55E00', 'underlay-opacity': 0.3, 'underlay-padding': 6 } },
    // Moved down when it would cover another "N lost" label (overlays.ts separateLostLabels).
    { selector: 'edge.sim-lost[slostdy]', style: { 'text-margin-y': (edge: EdgeSingular) => Number(edge.data('slostdy')) } },
    // Comparing versions (src/ui/history/marks.ts): Okabe–Ito colours, each with its own line style.
    { selector: 'node.diff-added', style: { 'border-color': '#009E73', 'border-width': 6, 'border-style': 'solid', 'underlay-color': '#009E73', 'underlay-opacity': 0.25, 'underlay-padding': 8 } },
    { selector: 'node.diff-changed', style: { 'border-color': '#0072B2', 'border-width': 7, 'border-style': 'double' } },
    { selector: 'node.diff-removed', style: { 'border-color': '#D55E00', 'border-width': 5, 'border-style': 'dashed', 'background-opacity': 0.35, opacity: 0.75 } },
    { selector: 'edge.diff-added', style: { 'line-color': '#009E73', 'target-arrow-color': '#009E73', width: 5, 'line-style': 'solid', opacity: 1 } },
    { selector: 'edge.diff-changed', style: { 'line-color': '#0072B2', 'target-arrow-color': '#0072B2', width: 5, 'line-style': 'dotted', opacity: 1 } },
    { selector: 'edge.diff-removed', style: { 'line-color': '#D55E00', 'target-arrow-color': '#D55E00', width: 4, 'line-style': 'dashed', opacity: 0.8 } },
    { selector: '.search-hit', style: { 'underlay-color': '#ffbe0b', 'underlay-opacity': 0.45, 'underlay-padding': 12 } },
    { selector: '.faded', style: { opacity: 0.12 } },
    // Edge drawing (cytoscape-edgehandles).
    { selector: '.eh-handle', style: { 'background-color': SELECTION_COLOR, width: 14, height: 14, shape: 'ellipse', 'border-width': 0, label: '' } },
    { selector: '.eh-preview, .eh-ghost-edge', style: { 'line-color': SELECTION_COLOR, 'target-arrow-color': SELECTION_COLOR, 'target-arrow-shape': 'triangle', 'line-style': 'dashed', width: 3 } },
    { selector: '.eh-hover', style: { 'border-color': SELECTION_COLOR, 'border-width': 5 } },
  ];
}
