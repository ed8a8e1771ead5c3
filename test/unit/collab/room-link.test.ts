import { describe, expect, it } from 'vitest';
import { newRoomLink, parseRoomHash, relayUrl, roomUrl, signalingUrl, viewerLink, writeToken } from '../../../src/collab/room-link.ts';
import { cleanColor, cleanName, cleanPresenting, participantsOf, presenterOf } from '../../../src/collab/presence.ts';

const EMPTY_KEY_TOKEN = '18ce5d78568c216ea83fc145d62b72bcea8cac8428da7a6ef888ad0ce7485d83';

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

  it('carries convening mode, and viewer links carry no key', () => {
    const link = { ...newRoomLink(), relay: true };
    const editorUrl = roomUrl('https://lan:8443/', link);
    expect(editorUrl).toMatch(/#room=[\w-]+&key=[\w-]+&relay=1$/);
    expect(parseRoomHash(new URL(editorUrl).hash)).toEqual(link);
    const viewerUrl = roomUrl('https://lan:8443/', viewerLink(link));
    expect(viewerUrl).toBe(`https://lan:8443/#room=${link.room}&relay=1&viewer=1`);
    expect(parseRoomHash(new URL(viewerUrl).hash)).toEqual({ room: link.room, key: '', relay: true, viewer: true });
    // A viewer flag without the relay means nothing: a mesh room needs the key.
    expect(parseRoomHash(`#room=${link.room}&viewer=1`)).toBeNull();
    expect(relayUrl({ protocol: 'https:', host: 'lan:8443' })).toBe('wss://lan:8443/sync');
  });

  it('derives the write token from the secret without revealing it', () => {
    // SHA-256 of "pathways-edit:" (reference: `printf 'pathways-edit:' | sha256sum`).
    expect(writeToken('')).toBe(EMPTY_KEY_TOKEN);
    expect(writeToken('abc')).toMatch(/^[0-9a-f]{64}$/);
    expect(writeToken('abc')).not.toBe(writeToken('abd'));
    expect(writeToken('abc')).not.toContain('abc');
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

describe('room ids bound to keys', () => {
  it('derives a new room id from its key, and only that key yields it', async () => {
    const { roomIdForKey, roomIdForToken } = await import('../../../src/collab/room-link.ts');
    const link = newRoomLink();
    expect(link.room).toBe(roomIdForKey(link.key));
    expect(link.room).toBe(roomIdForToken(writeToken(link.key)));
    expect(link.room).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(roomIdForKey(link.key + 'x')).not.toBe(link.room);
    expect(parseRoomHash(`#room=${link.room}&key=${link.key}`)).toEqual(link);
  });
});
