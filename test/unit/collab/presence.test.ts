import { describe, expect, it } from 'vitest';
import { cleanViewport, fitViewport, followTarget, inkOn, MAX_SELECTION, participantsOf, pointerInterval, peerViewsOf, roomMoveOf, type PeerView } from '../../../src/collab/presence.ts';

describe('pointers, selections and viewports from peers', () => {
  it('validates every field and drops what is not well-formed', () => {
    const states = new Map<number, unknown>([
      [1, { user: { name: 'Me' } }],
      [2, { user: { name: 'Ana', color: '#0072B2' }, cursor: { x: 10.5, y: -3 }, selection: ['P1', 'E2'], viewport: { zoom: 0.5, pan: { x: 1, y: 2 } }, leading: true }],
      [3, { user: { name: 'Bad' }, cursor: { x: 'left', y: 1 }, selection: ['<script>', 'ok-id', 7, 'x'.repeat(65)], viewport: { zoom: 0, pan: { x: 0, y: 0 } }, leading: 'yes' }],
      [4, { user: { name: 'Huge' }, cursor: { x: Infinity, y: 0 }, selection: Array.from({ length: 500 }, (_, i) => `N${i}`), viewport: { zoom: 1, pan: null } }],
      [5, { cursor: { x: 1, y: 1 } }],
    ]);
    const views = peerViewsOf(states, 1);
    expect(views.map((v) => v.clientId)).toEqual([2, 3, 4]);
    expect(views[0]).toEqual({ clientId: 2, name: 'Ana', color: '#0072B2', cursor: { x: 10.5, y: -3 }, selection: ['P1', 'E2'], viewport: { zoom: 0.5, pan: { x: 1, y: 2 } }, leading: true });
    expect(views[1]).toMatchObject({ cursor: null, selection: ['ok-id'], viewport: null, leading: false });
    expect(views[2].cursor).toBeNull();
    expect(views[2].selection).toHaveLength(MAX_SELECTION);
    expect(views[2].viewport).toBeNull();
  });
});

describe('whom to follow', () => {
  const view = (clientId: number, leading = false): PeerView => ({ clientId, name: `P${clientId}`, color: '#000000', cursor: null, selection: [], viewport: null, leading });

  it('follows my pick while they are here', () => {
    expect(followTarget([view(2), view(3)], 3, null)).toBe(3);
    expect(followTarget([view(2)], 3, null)).toBeNull();
    expect(followTarget([view(2)], null, null)).toBeNull();
  });

  it('a leader overrides my pick, unless I stepped out of their lead', () => {
    expect(followTarget([view(2), view(3, true), view(4, true)], 2, null)).toBe(3);
    expect(followTarget([view(2), view(3, true)], 2, 3)).toBe(2);
    expect(followTarget([view(2), view(3, true), view(4, true)], null, 3)).toBe(4);
  });
});

describe('a room moved between the mesh and the relay', () => {
  it('reads where another participant moved it, ignoring my own state and anything malformed', () => {
    expect(roomMoveOf(new Map([[1, { movedTo: 'relay' }], [2, { user: {} }]]), 1)).toBeNull();
    expect(roomMoveOf(new Map<number, unknown>([[2, { movedTo: 'somewhere' }], [3, null]]), 1)).toBeNull();
    expect(roomMoveOf(new Map([[2, { movedTo: 'relay' }]]), 1)).toBe(true);
    expect(roomMoveOf(new Map([[2, { movedTo: 'mesh' }]]), 1)).toBe(false);
  });
});

describe('following on a screen of another size', () => {
  it('keeps the centre of their view and fits their whole view on mine', () => {
    // They see model x 0..1000, y 0..500 on a 2000×1000 canvas at zoom 2.
    const theirs = { zoom: 2, pan: { x: 0, y: 0 }, size: { width: 2000, height: 1000 } };
    const mine = fitViewport(theirs, { width: 1000, height: 1000 });
    expect(mine.zoom).toBe(1); // 1000 model units across 1000 pixels
    // Their centre (500, 250) lands in the middle of my screen.
    expect(mine.pan.x + 500 * mine.zoom).toBe(500);
    expect(mine.pan.y + 250 * mine.zoom).toBe(500);
    expect(fitViewport(theirs, { width: 2000, height: 1000 })).toEqual({ zoom: 2, pan: { x: 0, y: 0 } });
  });

  it('uses their zoom and pan as they are when they did not send a size, and refuses a bad size', () => {
    expect(fitViewport({ zoom: 1.5, pan: { x: 3, y: 4 } }, { width: 10, height: 10 })).toEqual({ zoom: 1.5, pan: { x: 3, y: 4 } });
    expect(cleanViewport({ zoom: 1, pan: { x: 0, y: 0 }, size: { width: 0, height: 100 } })).toEqual({ zoom: 1, pan: { x: 0, y: 0 } });
    expect(cleanViewport({ zoom: 1, pan: { x: 0, y: 0 }, size: { width: 800, height: 600 } })?.size).toEqual({ width: 800, height: 600 });
  });
});

describe('viewers in a convening', () => {
  it('are counted as participants but put no pointer, selection or view on anyone else\'s screen', () => {
    const states = new Map<number, unknown>([
      [1, { user: { name: 'Me' } }],
      [2, { user: { name: 'Editor' }, cursor: { x: 1, y: 1 } }],
      [3, { user: { name: 'Watcher', viewer: true }, cursor: { x: 5, y: 5 }, selection: ['P1'] }],
    ]);
    expect(participantsOf(states, 1).map((p) => [p.name, p.viewer])).toEqual([['Me', false], ['Editor', false], ['Watcher', true]]);
    expect(peerViewsOf(states, 1).map((v) => v.name)).toEqual(['Editor']);
  });
});

describe('labels on participant colours', () => {
  it('puts dark text on light colours and white on dark ones', () => {
    expect(inkOn('#E69F00')).toBe('#0b1220'); // orange
    expect(inkOn('#56B4E9')).toBe('#0b1220'); // sky blue
    expect(inkOn('#1d3557')).toBe('#ffffff'); // navy
    expect(inkOn('#0072B2')).toBe('#ffffff'); // blue
    expect(inkOn('not a colour')).toBe('#ffffff'); // falls back to slate
  });
});

describe('pointer throttle', () => {
  it('sends 20 a second in a small room and slows down as the room grows', () => {
    expect(pointerInterval(2)).toBe(50);
    expect(pointerInterval(10)).toBe(50);
    expect(pointerInterval(100)).toBe(500);
    // What every screen receives in total stays bounded: people × sends per second per person.
    expect((200 * 1000) / pointerInterval(200)).toBeLessThanOrEqual(200);
  });
});
