// Words and numbers for the History panel, the banner and the change report.
import type { MapDiff } from '../../history/diff.ts';

export const when = (iso: string | undefined): string => {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

const MEASURE_LABELS: Record<string, string> = {
  density: 'Density',
  crossSectorShare: 'Cross-sector share of organization ties',
  modularity: 'Modularity',
  communities: 'Communities',
  articulationPoints: 'Single points of failure',
  bridges: 'Bridges (ties nothing else backs up)',
  gaps: 'Service gaps',
  brokenPathways: 'Broken pathways',
  nodes: 'Organizations and programs',
  edges: 'Ties',
};

export function measureLabel(name: string): string {
  if (name.startsWith('ties.')) return `Partnerships: ${name.slice(5).replace(/-/g, ' ')}`;
  return MEASURE_LABELS[name] ?? name;
}

const SHARES = new Set(['crossSectorShare']);

export function measureValue(name: string, value: number): string {
  if (SHARES.has(name)) return `${Math.round(value * 100)}%`;
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

/** Measures that moved, in a stable order. */
export function movedMeasures(diff: MapDiff): [string, { before: number; after: number }][] {
  return Object.entries(diff.measures).filter(([, v]) => v.before !== v.after);
}

export const percent = (share: number | undefined) => `${Math.round((share ?? 0) * 100)}%`;

export function counts(diff: MapDiff): { added: number; removed: number; changed: number } {
  return {
    added: diff.added.nodes.length + diff.added.edges.length,
    removed: diff.removed.nodes.length + diff.removed.edges.length,
    changed: Object.keys(diff.changed.nodes).length + Object.keys(diff.changed.edges).length,
  };
}
