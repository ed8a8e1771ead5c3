// Life-stage lanes: programs in columns by life stage (the map's own order), rows by area — the
// picture planners think in. Organizations sit in a column at the left, ordered by their programs.
import { lifeStageIds, lifeStagesOf } from '../../model/rules.ts';
import type { MapMeta, PathwaysMap, Position } from '../../model/types.ts';

// Spacing leaves room for the labels (style.ts LABEL_FONT, LABEL_WRAP): a program's three-line label under its
// node clears the next line's node; an organization's four lines clear the organization below.
export const LANE = { width: 300, rowGap: 60, itemHeight: 102, itemGap: 132, headerHeight: 110, orgColumnWidth: 280, itemsPerLine: 2, orgRowHeight: 140, orgPitch: 160 } as const;

export interface Lane {
  id: string;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  kind: 'stage' | 'area' | 'organizations';
}

export interface LanesLayout {
  positions: Record<string, Position>;
  lanes: Lane[];
  /** Centre of each (stage, area) cell, keyed `stage|area` ('*' = the all-areas row). */
  cells: Map<string, Position>;
  /** Each cell's box and how many programs it holds (empty cells too: they are the gaps). */
  cellBoxes: Map<string, { x: number; y: number; width: number; height: number; count: number; stage: string; area: string }>;
}

/** Cells fuller than this get wider (the demo's and other small maps' lanes stay as they are). */
const WIDEN_FROM = 24;

/** Programs side by side in a cell: two on a small map; on a big one enough that a cell stays about square. */
export function itemsPerLine(fullestCell: number): number {
  if (fullestCell <= WIDEN_FROM) return LANE.itemsPerLine;
  return Math.max(LANE.itemsPerLine, Math.ceil(Math.sqrt((fullestCell * LANE.itemHeight) / LANE.itemGap)));
}

function areaRows(meta: MapMeta): { id: string; label: string }[] {
  const areas = meta.areas ?? [];
  return [...areas, { id: '*', label: areas.length ? 'All areas' : 'Programs' }];
}

const laidOut = new WeakMap<PathwaysMap, LanesLayout>();
/** The map laid out last: the next snapshot, after an edit the lanes do not read, has the same lanes. */
let latest: { map: WeakRef<PathwaysMap>; layout: LanesLayout } | null = null;

/**
 * The lanes of a map. A frozen snapshot's are computed once, then shared by the canvas, its overlays and its
 * overview; the next snapshot shares them too when the edit changed nothing they read (a label, a tie, a
 * status: ~16 ms of lanes and ~20 ms of placing saved per edit at 5,000 programs).
 */
export function lanesLayout(map: PathwaysMap): LanesLayout {
  if (!Object.isFrozen(map) || !Object.isFrozen(map.nodes)) return computeLanes(map);
  let layout = laidOut.get(map);
  if (!layout) {
    const previous = latest?.map.deref();
    layout = previous && sameLanes(previous, map) ? latest!.layout : computeLanes(map);
    laidOut.set(map, layout);
    latest = { map: new WeakRef(map), layout };
  }
  return layout;
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((item, i) => item === b[i]));

/** Whether `next` has `previous`'s lanes: the same nodes in the same order, alike in every field `computeLanes` reads. */
export function sameLanes(previous: PathwaysMap, next: PathwaysMap): boolean {
  if (previous.nodes.length !== next.nodes.length) return false;
  const [before, after] = [previous.meta, next.meta];
  if (before !== after && (JSON.stringify([before.lifeStages, before.areas]) !== JSON.stringify([after.lifeStages, after.areas]))) return false;
  for (let i = 0; i < next.nodes.length; i++) {
    const [a, b] = [previous.nodes[i], next.nodes[i]];
    // A snapshot keeps the objects of entries no transaction touched.
    if (a === b) continue;
    if (a.id !== b.id || a.type !== b.type) return false;
    if (a.type === 'program' && b.type === 'program' && (a.organization !== b.organization || !sameList(a.lifeStages, b.lifeStages) || !sameList(a.areas, b.areas))) return false;
  }
  return true;
}

function computeLanes(map: PathwaysMap): LanesLayout {
  const stages = lifeStageIds(map.meta);
  const stageLabels = new Map(lifeStagesOf(map.meta).map((s) => [s.id, s.label]));
  const rows = areaRows(map.meta);
  const cells = new Map<string, string[]>(); // `${stage}|${area}` → program ids
  const programs = map.nodes.filter((n) => n.type === 'program');
  const unstaged: string[] = [];
  for (const program of programs) {
    const stage = (program.lifeStages ?? []).find((s) => stages.includes(s));
    if (!stage) {
      unstaged.push(program.id);
      continue;
    }
    const area = program.areas?.length === 1 && rows.some((r) => r.id === program.areas![0]) ? program.areas[0] : '*';
    const key = `${stage}|${area}`;
    const cell = cells.get(key);
    if (cell) cell.push(program.id);
    else cells.set(key, [program.id]);
  }
  const columns = [...stages, ...(unstaged.length ? ['(no stage)'] : [])];
  if (unstaged.length) cells.set('(no stage)|*', unstaged);
  // Row heights fit their fullest cell; a big map's columns widen so the picture is not a sliver.
  const perLine = itemsPerLine(Math.max(1, ...[...cells.values()].map((ids) => ids.length)));
  const laneWidth = LANE.width + (perLine - LANE.itemsPerLine) * LANE.itemGap;
  const rowHeights = rows.map((row) => {
    const most = Math.max(1, ...columns.map((stage) => (cells.get(`${stage}|${row.id}`) ?? []).length));
    return Math.ceil(most / perLine) * LANE.itemHeight + LANE.rowGap;
  });
  const positions: Record<string, Position> = {};
  const lanes: Lane[] = [];
  const cellCentres = new Map<string, Position>();
  const cellBoxes: LanesLayout['cellBoxes'] = new Map();
  const rowOf = new Map<string, number>();
  const left = LANE.orgColumnWidth;
  const totalHeight = rowHeights.reduce((a, b) => a + b, 0);
  columns.forEach((stage, c) => {
    lanes.push({ id: `lane-stage-${stage}`, label: stageLabels.get(stage) ?? stage, x: left + c * laneWidth, y: 0, width: laneWidth - 16, height: totalHeight + LANE.headerHeight, kind: 'stage' });
  });
  let y = LANE.headerHeight;
  rows.forEach((row, r) => {
    lanes.push({ id: `lane-area-${row.id}`, label: row.label, x: left, y, width: columns.length * laneWidth - 16, height: rowHeights[r], kind: 'area' });
    columns.forEach((stage, c) => {
      cellCentres.set(`${stage}|${row.id}`, { x: left + c * laneWidth + (laneWidth - 16) / 2, y: y + rowHeights[r] / 2 });
      const ids = cells.get(`${stage}|${row.id}`) ?? [];
      cellBoxes.set(`${stage}|${row.id}`, { x: left + c * laneWidth, y, width: laneWidth - 16, height: rowHeights[r], count: ids.length, stage, area: row.id });
      ids.forEach((id, i) => {
        rowOf.set(id, r);
        const col = i % perLine;
        const line = Math.floor(i / perLine);
        positions[id] = { x: left + c * laneWidth + 84 + col * LANE.itemGap, y: y + 56 + line * LANE.itemHeight };
      });
    });
    y += rowHeights[r];
  });
  // Organizations: a column at the left, in the order of the mean row of their programs.
  const orgs = map.nodes.filter((n) => n.type === 'organization');
  // Mean row of each organization's programs, in one pass (not one scan of the programs per organization). The row,
  // not the program's height in it: a program moved along its row (another stage) reorders no organization, so an
  // edit on a county map moves a few programs, not hundreds of organizations and their ties.
  const sums = new Map<string, { total: number; count: number }>();
  for (const p of programs) {
    const row = rowOf.get(p.id);
    if (!p.organization || row === undefined) continue;
    const sum = sums.get(p.organization) ?? { total: 0, count: 0 };
    sum.total += row;
    sum.count++;
    sums.set(p.organization, sum);
  }
  const meanY = (orgId: string) => {
    const sum = sums.get(orgId);
    return sum ? sum.total / sum.count : Number.MAX_SAFE_INTEGER;
  };
  const ordered = orgs.map((o) => ({ id: o.id, y: meanY(o.id) })).sort((a, b) => a.y - b.y || a.id.localeCompare(b.id));
  // Organizations fill as many columns as it takes to stay within the programs' height.
  const orgRowHeight = LANE.orgRowHeight;
  const perColumn = Math.max(4, Math.floor(Math.max(totalHeight, 400) / orgRowHeight));
  const orgColumns = Math.max(1, Math.ceil(ordered.length / perColumn));
  ordered.forEach((org, i) => {
    const column = Math.floor(i / perColumn);
    positions[org.id] = { x: 90 + (column + 1 - orgColumns) * LANE.orgPitch, y: LANE.headerHeight + 40 + (i % perColumn) * orgRowHeight };
  });
  const orgWidth = orgColumns * LANE.orgPitch + 20;
  const orgHeight = Math.min(ordered.length, perColumn) * orgRowHeight + LANE.headerHeight + 20;
  lanes.push({ id: 'lane-organizations', label: 'Organizations', x: 90 + LANE.orgPitch / 2 + 10 - orgWidth, y: 0, width: orgWidth, height: Math.max(orgHeight, totalHeight + LANE.headerHeight), kind: 'organizations' });
  return { positions, lanes, cells: cellCentres, cellBoxes };
}
