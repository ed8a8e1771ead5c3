// A person's presence survives their connection dropping. Two things in the providers lose it:
// - y-webrtc's disconnect removes the local awareness state, and its reconnect never sets it again;
// - awareness ignores a state whose clock it has already seen, so a state re-sent unchanged after a
//   reconnect (y-websocket's `onopen`) is dropped by every peer, and by the relay, that saw it leave —
//   the person reappears only when awareness renews the state, 15 s later.
// So this keeps the last state I set, puts it back when a provider clears it, re-sends it with a newer
// clock on every (re)connect, and forgets the clocks of the peers that left, so they are taken back
// whatever clock they return with.
import type { Awareness } from 'y-protocols/awareness';

type State = Record<string, unknown>;

export class PresenceKeeper {
  private last: State | null;

  constructor(private readonly awareness: Awareness) {
    this.last = awareness.getLocalState();
    awareness.on('update', this.remember);
  }

  private readonly remember = (): void => {
    const state = this.awareness.getLocalState();
    if (state !== null) this.last = state;
  };

  /** Who I am (name, colour, cursor, selection, leading, presenting…), as last set. */
  get state(): State | null {
    return this.last;
  }

  /** After a provider cleared my state (y-webrtc's disconnect): put it back, so I still list myself. */
  restore(): void {
    if (this.awareness.getLocalState() === null && this.last) this.awareness.setLocalState(this.last);
  }

  /** After a (re)connect: announce myself with a newer clock, and take returning peers back. */
  reannounce(): void {
    forgetDeparted(this.awareness);
    const state = this.awareness.getLocalState() ?? this.last;
    // setLocalState always advances the clock, even for an equal state.
    if (state) this.awareness.setLocalState({ ...state });
  }

  destroy(): void {
    this.awareness.off('update', this.remember);
  }
}

/** Forgets the clocks of peers no longer present, so their next state is accepted whatever its clock. */
export function forgetDeparted(awareness: Awareness): void {
  for (const clientId of [...awareness.meta.keys()]) {
    if (clientId !== awareness.clientID && !awareness.states.has(clientId)) awareness.meta.delete(clientId);
  }
}
