// The view layouts and the canvas helpers behind presentation: concentric rings by a metric, boxes
// by area, the presentation's framing, and arrow-key focus moving to the nearest node that way.
import { describe, expect, it } from 'vitest';
import { byAreaLayout } from '../../../src/canvas/layouts/by-area.ts';
import { concentricLayout, RING } from '../../../src/canvas/layouts/concentric.ts';
import { fitViewport } from '../../../src/canvas/apply-view.ts';
import { nearestInDirection } from '../../../src/canvas/keyboard-nav.ts';
import { MIN_SIZE, SIZE_RANGE } from '../../../src/views/present.ts';
import { mapOf, org, program } from '../../fixtures/maps.ts';

describe('concentric layout', () => {
  it('puts the highest value at the centre and the next six on the first ring', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const map = mapOf(ids.map((id) => org(id)));
    const values = Object.fromEntries(ids.map((id, i) => [id, 10 - i])); // a highest … h lowest
    const p = concentricLayout(map, values);
    expect(p.a).toEqual({ x: 0, y: 0 });
    const radius = (id: string) => Math.round(Math.hypot(p[id].x, p[id].y));
    for (const id of ['b', 'c', 'd', 'e', 'f', 'g']) expect(radius(id)).toBe(RING.gap);
    expect(radius('h')).toBe(2 * RING.gap);
    // The first of a ring sits at the top (angle −90°).
    expect(p.b).toEqual({ x: 0, y: -RING.gap });
  });

  it('keeps every two nodes at least a ring apart: the largest slide sizes never overlap', () => {
    const ids = Array.from({ length: 60 }, (_, i) => `n${String(i).padStart(2, '0')}`);
    const p = concentricLayout(mapOf(ids.map((id) => org(id))), Object.fromEntries(ids.map((id, i) => [id, i])));
    let closest = Infinity;
    for (const a of ids) for (const b of ids) if (a < b) closest = Math.min(closest, Math.hypot(p[a].x - p[b].x, p[a].y - p[b].y));
    expect(closest).toBeGreaterThanOrEqual(RING.gap - 1);
    // Two squares of the largest size (sized by a metric) a diagonal apart cannot intersect.
    expect(RING.gap).toBeGreaterThan((MIN_SIZE + SIZE_RANGE) * Math.SQRT2);
  });

  it('arranges only the shown nodes', () => {
    const map = mapOf([org('a'), org('b'), org('c')]);
    const p = concentricLayout(map, { a: 1, b: 5, c: 3 }, new Set(['a', 'c']));
    expect(p.c).toEqual({ x: 0, y: 0 });
    expect(Math.hypot(p.a.x, p.a.y)).toBeCloseTo(RING.gap);
  });
});

describe('grouped by area', () => {
  it('boxes programs by their first listed area, all-area programs and organizations apart', () => {
    const map = mapOf(
      [org('o'), program('n1', { areas: ['north'] }), program('both', { areas: ['south', 'north'] }), program('s1', { areas: ['south'] }), program('all')],
      [],
      { areas: [{ id: 'north', label: 'North' }, { id: 'south', label: 'South' }] },
    );
    const { positions, lanes } = byAreaLayout(map);
    expect(lanes.map((l) => l.label)).toEqual(['North', 'South', 'All areas', 'Organizations']);
    const inside = (id: string, label: string) => {
      const lane = lanes.find((l) => l.label === label)!;
      return positions[id].x > lane.x && positions[id].x < lane.x + lane.width;
    };
    // "both" names south first, but the map lists north first: it sits in North.
    expect(inside('both', 'North')).toBe(true);
    expect(inside('s1', 'South')).toBe(true);
    expect(inside('all', 'All areas')).toBe(true);
    expect(inside('o', 'Organizations')).toBe(true);
  });
});

describe('presentation framing', () => {
  it('fits a box into the space the overlays leave, centred', () => {
    // Free area: 1000 − 100 − 100 = 800 wide, 600 − 50 − 150 = 400 tall; box 400 × 100 → zoom 2 (width-bound).
    const { zoom, pan } = fitViewport({ x1: 0, y1: 0, w: 400, h: 100 }, 1000, 600, { top: 50, right: 100, bottom: 150, left: 100 }, 5);
    expect(zoom).toBe(2);
    // Box is 800 × 200 on screen: left edge at 100, top at 50 + (400 − 200) / 2 = 150.
    expect(pan).toEqual({ x: 100, y: 150 });
  });

  it('never zooms in past the reading cap', () => {
    expect(fitViewport({ x1: 0, y1: 0, w: 10, h: 10 }, 1000, 1000, { top: 0, right: 0, bottom: 0, left: 0 }).zoom).toBe(1.6);
  });
});

describe('arrow-key focus', () => {
  const nodes = [
    { id: 'right-near', x: 100, y: 10 },
    { id: 'right-far', x: 300, y: 0 },
    { id: 'up', x: 0, y: -100 },
    { id: 'diagonal', x: 80, y: 90 },
  ];
  it('moves to the nearest node within 45° of the direction', () => {
    expect(nearestInDirection({ x: 0, y: 0 }, nodes, { x: 1, y: 0 })).toBe('right-near');
    expect(nearestInDirection({ x: 0, y: 0 }, nodes, { x: 0, y: -1 })).toBe('up');
    // Down: only "diagonal" is within the cone (across 80 < along 90).
    expect(nearestInDirection({ x: 0, y: 0 }, nodes, { x: 0, y: 1 })).toBe('diagonal');
    expect(nearestInDirection({ x: 0, y: 0 }, nodes, { x: -1, y: 0 })).toBeNull();
  });
});
