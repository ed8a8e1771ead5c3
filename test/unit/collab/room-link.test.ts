import { describe, expect, it } from 'vitest';
import { newRoomLink, parseRoomHash, roomUrl, signalingUrl } from '../../../src/collab/room-link.ts';
import { cleanColor, cleanName, cleanPresenting, participantsOf, presenterOf } from '../../../src/collab/presence.ts';

describe('room links', () => {
  it('round-trips a new room through its URL, secret in the fragment only', () => {
    const link = newRoomLink();
    expect(link.room).not.toBe(newRoomLink().room);
    const url = roomUrl('http://127.0.0.1:8080/#map=abc', link);
    expect(url.startsWith('http://127.0.0.1:8080/#room=')).toBe(true);
    expect(new URL(url).search).toBe('');
    expect(parseRoomHash(new URL(url).hash)).toEqual(link);
  });

  it('refuses malformed or partial rooms', () => {
    expect(parseRoomHash('#room=abcdefgh')).toBeNull();
    expect(parseRoomHash('#room=ab&key=abcdefghij')).toBeNull();
    expect(parseRoomHash('#room=abcdefgh&key=<script>alert(1)</script>')).toBeNull();
    expect(parseRoomHash('#map=xyz')).toBeNull();
  });

  it('signals on the page’s own origin', () => {
    expect(signalingUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/signal');
    expect(signalingUrl({ protocol: 'https:', host: 'lan.local:8443' })).toBe('wss://lan.local:8443/signal');
  });
});

describe('presence from peers', () => {
  it('cleans names and colours, drops states without a user, lists me first', () => {
    const states = new Map<number, unknown>([
      [2, { user: { name: '<b>Zed</b>' + 'x'.repeat(100), color: 'red; background:url(x)' } }],
      [1, { user: { name: 'Ana', color: '#0072B2' } }],
      [3, { cursor: { x: 1 } }],
      [4, null],
      [5, { user: { name: 42 } }],
    ]);
    const list = participantsOf(states, 2);
    expect(list.map((p) => [p.clientId, p.self])).toEqual([[2, true], [1, false], [5, false]]);
    expect(list[0].name).toHaveLength(40);
    expect(list[0].name).not.toMatch(/[<>]/);
    expect(list[0].color).toBe('#64748b');
    expect(list[2].name).toBe('Guest');
    expect(cleanName('  Maya \u0007 ')).toBe('Maya');
    expect(cleanColor('#E69F00')).toBe('#E69F00');
  });
});

describe('following a presenter from awareness', () => {
  it('takes only well-formed presenting states, from someone else, lowest id first', () => {
    const ok = { viewId: 'v2', slideIndex: 1, viewport: { zoom: 0.8, pan: { x: 10, y: -5 } } };
    const states = new Map<number, unknown>([
      [1, { presenting: ok }],
      [3, { presenting: { ...ok, slideIndex: 2 } }],
      [2, { presenting: { viewId: 'x'.repeat(500), slideIndex: 0, viewport: null } }],
      [4, { presenting: { viewId: 'v1', slideIndex: -1 } }],
    ]);
    expect(presenterOf(states, 9)).toEqual({ clientId: 1, state: ok });
    expect(presenterOf(states, 1)).toEqual({ clientId: 3, state: { ...ok, slideIndex: 2 } });
    expect(cleanPresenting({ viewId: null, slideIndex: 0, viewport: { zoom: 1e9, pan: { x: 0, y: 0 } } })).toEqual({ viewId: null, slideIndex: 0, viewport: null });
    expect(presenterOf(new Map([[5, { presenting: null }]]), 1)).toBeNull();
  });
});
