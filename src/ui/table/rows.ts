// The table view's rows: every node and edge as plain text columns, filtered and sorted. Pure.
import type { MapEdge, MapNode, PathwaysMap } from '../../model/types.ts';
import { lifeStagesOf } from '../../model/rules.ts';

export type SortDirection = 'ascending' | 'descending';

export interface NodeRow {
  id: string;
  label: string;
  type: MapNode['type'];
  organization: string;
  sector: string;
  lifeStages: string;
  areas: string;
  status: string;
  capacity: number | null;
  node: MapNode;
}

export interface EdgeRow {
  id: string;
  type: MapEdge['type'];
  source: string;
  target: string;
  status: string;
  volume: number | null;
  edge: MapEdge;
}

export function nodeRows(map: PathwaysMap): NodeRow[] {
  const labels = new Map(map.nodes.map((n) => [n.id, n.label]));
  const stages = new Map(lifeStagesOf(map.meta).map((s) => [s.id, s.label]));
  const areas = new Map((map.meta.areas ?? []).map((a) => [a.id, a.label]));
  return map.nodes.map((node) => ({
    id: node.id,
    label: node.label,
    type: node.type,
    organization: node.type === 'program' && node.organization ? (labels.get(node.organization) ?? node.organization) : '',
    sector: node.type === 'organization' ? (node.sector ?? '') : '',
    lifeStages: node.type === 'program' ? (node.lifeStages ?? []).map((s) => stages.get(s) ?? s).join(', ') : '',
    areas: node.type === 'program' ? (node.areas?.length ? node.areas.map((a) => areas.get(a) ?? a).join(', ') : 'All') : '',
    status: node.type === 'program' ? (node.status ?? 'active') : '',
    capacity: node.type === 'program' ? (node.capacity ?? null) : null,
    node,
  }));
}

export function edgeRows(map: PathwaysMap): EdgeRow[] {
  const labels = new Map(map.nodes.map((n) => [n.id, n.label]));
  return map.edges.map((edge) => ({
    id: edge.id,
    type: edge.type,
    source: labels.get(edge.source) ?? edge.source,
    target: labels.get(edge.target) ?? edge.target,
    status: edge.type === 'referral' ? (edge.status ?? 'active') : edge.type === 'partnership' ? (edge.level ?? '') : '',
    volume: edge.type === 'referral' ? (edge.volume ?? null) : edge.type === 'funding' ? (edge.amount ?? null) : null,
    edge,
  }));
}

/** Rows whose text columns contain every word of the query (case-insensitive). */
export function filterRows<R extends object>(rows: R[], query: string, columns: (keyof R)[]): R[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return rows;
  return rows.filter((row) => {
    const text = columns.map((c) => String(row[c] ?? '')).join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** Stable sort by one column; empty values last in both directions, numbers as numbers. */
export function sortRows<R extends object>(rows: R[], column: keyof R, direction: SortDirection): R[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const empty = (v: unknown) => v === null || v === undefined || v === '';
  return [...rows].sort((a, b) => {
    const [x, y] = [a[column], b[column]];
    if (empty(x) || empty(y)) return empty(x) === empty(y) ? 0 : empty(x) ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * String(x).localeCompare(String(y), undefined, { numeric: true, sensitivity: 'base' });
  });
}
