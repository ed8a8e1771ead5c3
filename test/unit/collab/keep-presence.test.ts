import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { forgetDeparted, PresenceKeeper } from '../../../src/collab/keep-presence.ts';

/** What a provider sends when it (re)connects: my current state, at my current clock. */
const resend = (from: Awareness, to: Awareness) => applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'wire');

describe('presence across a dropped connection', () => {
  const pair = () => {
    const ana = new Awareness(new Y.Doc());
    const ben = new Awareness(new Y.Doc());
    ana.setLocalState({ user: { name: 'Ana', color: '#E69F00' }, leading: true, selection: ['P1'] });
    resend(ana, ben);
    expect(ben.getStates().get(ana.clientID)).toMatchObject({ user: { name: 'Ana' } });
    return { ana, ben, keeper: new PresenceKeeper(ana) };
  };

  it('a peer that saw me leave ignores my unchanged state; forgetting departed clocks takes me back', () => {
    const { ana, ben } = pair();
    // Ben's connection dropped: his provider removed everyone else (y-websocket does this).
    removeAwarenessStates(ben, [ana.clientID], 'connection closed');
    resend(ana, ben);
    expect(ben.getStates().has(ana.clientID)).toBe(false); // the bug: same clock, ignored
    forgetDeparted(ben);
    resend(ana, ben);
    expect(ben.getStates().get(ana.clientID)).toMatchObject({ user: { name: 'Ana' }, leading: true });
  });

  it('puts my whole state back after a provider cleared it, and re-announces it with a newer clock', () => {
    const { ana, ben, keeper } = pair();
    // y-webrtc's disconnect: my state removed, and the removal reaches Ben.
    removeAwarenessStates(ana, [ana.clientID], 'disconnect');
    applyAwarenessUpdate(ben, encodeAwarenessUpdate(ana, [ana.clientID]), 'wire');
    expect(ben.getStates().has(ana.clientID)).toBe(false);
    keeper.restore();
    expect(ana.getLocalState()).toEqual({ user: { name: 'Ana', color: '#E69F00' }, leading: true, selection: ['P1'] });
    keeper.reannounce();
    resend(ana, ben);
    expect(ben.getStates().get(ana.clientID)).toEqual(ana.getLocalState());
  });

  it('forgets only peers that are gone, never myself or those still here', () => {
    const { ana, ben } = pair();
    const cleo = new Awareness(new Y.Doc());
    cleo.setLocalState({ user: { name: 'Cleo' } });
    resend(cleo, ben);
    removeAwarenessStates(ben, [ana.clientID], 'timeout');
    forgetDeparted(ben);
    expect([...ben.meta.keys()].sort()).toEqual([ben.clientID, cleo.clientID].sort());
  });
});
