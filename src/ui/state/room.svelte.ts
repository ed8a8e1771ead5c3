// A shared room for the open map: y-webrtc through the project's own signaling (`/signal`), the room
// secret encrypting signaling, and presence in awareness — never in the document.
import { untrack } from 'svelte';
import { WebrtcProvider } from 'y-webrtc';
import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import { chunkPeerMessages } from '../../collab/webrtc-chunking.ts';
import { SYNC_SLICE_STRUCTS, type SlicedSyncOptions } from '../../collab/sliced-sync.ts';
import { sliceRelaySync, type RelayProvider } from '../../collab/relay-sync.ts';
import { ignoreForeignSignaling } from './foreign-signaling.ts';
import { KeptEdits, keptEditsText } from './refusal.svelte.ts';
import { forgetDeparted, PresenceKeeper } from '../../collab/keep-presence.ts';
import { Throttle } from '../../collab/throttle.ts';
import { PROOF_REFRESH_MS, provenSteeringOnly, proofsFor, steeringSecret, steers, STEERING_FIELDS } from '../../collab/steering.ts';
import { participantsOf, presenterOf, cleanName, fitViewport, followTarget, peerViewsOf, pointerInterval, roomMoveOf, MAX_SELECTION, type Participant, type PeerView } from '../../collab/presence.ts';
import type { Studio } from './studio.svelte.ts';
import { isNameConfirmed, rememberedColor, rememberedName, storeName, storeNameConfirmed } from './identity.ts';
import { sharedViewportOf } from '../present/presentation.svelte.ts';
import { canEncryptSignaling, relayUrl, roomUrl, signalingUrl, viewerLink, writeToken, type RoomLink } from '../../collab/room-link.ts';
import { storeWorker } from '../../workers-client/store.ts';

/** A WebRTC mesh stays usable up to about this many peers; bigger rooms need a server relay. */
export const MAX_PEERS = 30;
const INSECURE_PAGE =
  'Not connected: this page is plain http on a network address, where browsers withhold the encryption a peer-to-peer room needs. Open the https:// address the facilitator gives (npm start -- --https).';

export class RoomState {
  readonly link: RoomLink;
  participants = $state.raw<Participant[]>([]);
  /** Connected to the signaling server. */
  signaling = $state(false);
  /** Peers with an open WebRTC connection (through the relay: others in the room). */
  peers = $state(0);
  /** Left the room on purpose (edits stay local and merge on reconnect). */
  offline = $state(false);
  /** How much of a peer's big first sync is in (0–1), while it is applied a slice per task; else null. */
  receiving = $state<number | null>(null);
  /** Peers' syncs applied in slices so far, and how many are arriving now. */
  slicedSyncs = 0;
  private syncsArriving = 0;
  /** Everyone else's cursor, selection and viewport (validated). */
  others = $state.raw<PeerView[]>([]);
  /** Whose viewport mine follows, if anyone's ("follow" is always a person's viewport; a presenter's slides are joined). */
  following = $state<number | null>(null);
  /** Whoever presents to the room (the lowest client id if several do). */
  presenter = $state<number | null>(null);
  /** I ask everyone to follow me. */
  leading = $state(false);
  /** Moved away (announceMove): stays connected a moment to tell its peers, and does nothing else. */
  private retired = false;
  /** Set by the session: another editor moved the room onto the relay (true) or back to the mesh. */
  onmove: ((relay: boolean) => void) | null = null;
  private chosen: number | null = null;
  private dismissedLeader: number | null = null;
  /** This screen shows the slides of a presenter in the room (and so never presents them back). */
  private showingPresenter = $state(false);
  /** My pointer, and my view (viewport, selection, slides), go out throttled by room size; the latest always. */
  private readonly pointerThrottle = new Throttle(() => pointerInterval(this.participants.length));
  private readonly viewThrottle = new Throttle(() => pointerInterval(this.participants.length));
  /** Stops the effect that publishes my view when it changes. */
  private readonly stopPublishing: () => void;
  name = $state(rememberedName());
  /** This browser's person has said what to call them (or kept the guest name). */
  nameConfirmed = $state(isNameConfirmed());
  /** Why this screen cannot join the room at all (a peer-to-peer room on a page that is not secure). */
  readonly blocked: string | null;
  private readonly provider: WebrtcProvider | WebsocketProvider | null;
  private readonly awareness: Awareness;
  /** My presence across connection drops (see keep-presence.ts). */
  private readonly keeper: PresenceKeeper;
  /** Signs and checks steering (steering.ts); null for a viewer, who holds no key. */
  private readonly secret: Uint8Array | null;
  /** Re-signs what I steer before its proof goes stale (steering.ts): the proof's age, not a state, is due. */
  private resignTimer: ReturnType<typeof setTimeout> | undefined;
  /** Edits the relay never took, and whether it refused this link's key (refusal.svelte.ts). */
  readonly kept: KeptEdits;

  /** A peer's (or the relay's) big first sync applied a slice per task, the map shown held until it is in. */
  private slicedSync(studio: Studio): SlicedSyncOptions {
    return {
      slice: async (update) => (await storeWorker.slice([update], SYNC_SLICE_STRUCTS))[0],
      onProgress: (fraction) => {
        // Two peers' syncs may overlap: the map shown is held until the last one is in.
        if (fraction === 0 && this.syncsArriving++ === 0) studio.holdSnapshot(true);
        if (fraction === null && --this.syncsArriving === 0) studio.holdSnapshot(false);
        this.receiving = this.syncsArriving > 0 ? (fraction ?? this.receiving) : null;
        if (fraction === null) this.slicedSyncs++;
      },
    };
  }

  constructor(studio: Studio, link: RoomLink) {
    const doc = studio.doc;
    this.link = link;
    this.secret = link.key ? steeringSecret(link.key) : null;
    this.blocked = !link.relay && !canEncryptSignaling(globalThis) ? INSECURE_PAGE : null;
    this.provider = this.blocked
      ? null
      : link.relay
      ? // Convening mode: the server relays and keeps the room; viewers send no token, so it drops their edits.
        new WebsocketProvider(relayUrl(location), link.room, doc, { params: link.viewer ? {} : { token: writeToken(link.key) } })
      : new WebrtcProvider(`pathways-${link.room}`, doc, {
          signaling: [signalingUrl(location)],
          password: link.key,
          maxConns: MAX_PEERS,
          // Loopback and LAN need no STUN server; reaching a public one would only add timeouts.
          peerOpts: { config: { iceServers: [] } },
        });
    // Without a provider (blocked), a local awareness keeps the rest of the room code uniform.
    this.kept = new KeptEdits(doc, this.provider instanceof WebsocketProvider ? this.provider : null);
    const awareness = (this.awareness = this.provider?.awareness ?? new Awareness(doc));
    awareness.setLocalStateField('user', { name: this.name, color: rememberedColor(), ...(link.viewer ? { viewer: true } : {}) });
    this.keeper = new PresenceKeeper(awareness);
    const refresh = () => {
      // A room that moved (announceMove) lingers only to tell its peers; it must not steer this screen.
      if (this.retired) return;
      this.participants = participantsOf(awareness.getStates(), awareness.clientID);
      // Presenting, leading and moves count only with a valid proof from the room key.
      const states = provenSteeringOnly(awareness.getStates(), this.secret, awareness.clientID, Date.now());
      this.others = peerViewsOf(states, awareness.clientID);
      this.following = followTarget(this.others, this.chosen, this.dismissedLeader);
      this.applyFollowedViewport(studio);
      const moved = roomMoveOf(states, awareness.clientID);
      if (moved !== null && moved !== !!link.relay && !link.viewer) queueMicrotask(() => this.onmove?.(moved));
      // Present to the room: follow whoever presents; leave the slides when they stop.
      const presentation = studio.presentation;
      const presenter = presenterOf(states, awareness.clientID);
      this.presenter = presenter?.clientId ?? null;
      if (presenter && (this.showingPresenter || !presentation.presenting)) {
        this.showingPresenter = true;
        presentation.applyPresenter(presenter.state);
      } else if (!presenter && this.showingPresenter) {
        this.showingPresenter = false;
        presentation.applyPresenter(null);
        presentation.stop();
      }
    };
    awareness.on('change', refresh);
    // Through the relay, the others in the room are who the awareness lists.
    if (link.relay) awareness.on('change', () => (this.peers = Math.max(0, awareness.getStates().size - 1)));
    refresh();
    // My view goes out when it changes: the port's viewport notifies at most once a frame while the
    // canvas moves (and once more where it stops), and the throttle sends the latest as the room allows.
    this.stopPublishing = $effect.root(() => {
      $effect(() => {
        const fields = this.viewFields(studio);
        untrack(() => this.viewThrottle.run(() => this.publishView(fields)));
      });
    });
    if (this.provider instanceof WebsocketProvider) {
      const provider = this.provider;
      sliceRelaySync(provider as unknown as RelayProvider, this.slicedSync(studio), () => provider.ws === null);
      this.provider.on('status', ({ status }: { status: string }) => {
        this.signaling = status === 'connected';
        // Back on the relay (after my Wi-Fi or the server dropped): everyone sees me again, and I them.
        if (status === 'connected') this.keeper.reannounce();
        else if (status === 'disconnected') forgetDeparted(awareness);
      });
    } else if (this.provider) {
      chunkPeerMessages(this.provider, (reason) => console.warn(`A peer was disconnected: ${reason}`), this.slicedSync(studio));
      ignoreForeignSignaling();
      this.provider.on('status', ({ connected }: { connected: boolean }) => (this.signaling = connected));
      this.provider.on('peers', ({ webrtcPeers }: { webrtcPeers: string[] }) => (this.peers = webrtcPeers.length));
    }
  }

  get url(): string {
    return roomUrl(`${location.origin}${location.pathname}`, this.link);
  }

  /** The read-only link for a convening's audience (relay rooms only). */
  get viewerUrl(): string | null {
    return this.link.relay && !this.link.viewer ? roomUrl(`${location.origin}${location.pathname}`, viewerLink(this.link)) : null;
  }

  /** What the room sees of my screen; read in an effect, it subscribes to each part (the viewport once a frame). */
  private viewFields(studio: Studio): Record<string, unknown> {
    const canvas = studio.canvas;
    void canvas?.viewport;
    // A follower's viewport is not news.
    const viewport = canvas && this.following === null ? sharedViewportOf(canvas) : null;
    // A screen showing someone else's slides (whichever connection started it) never presents them back.
    const presenting = this.showingPresenter || studio.presentation.remote ? null : studio.presentation.presenting;
    return { presenting, viewport, selection: studio.selection.slice(0, MAX_SELECTION), leading: this.leading };
  }

  private sentView = '';

  /** Sends my view unless it is what the room already has. */
  private publishView(fields: Record<string, unknown>): void {
    const text = JSON.stringify(fields);
    if (text === this.sentView || this.retired) return;
    this.sentView = text;
    this.publish(fields);
  }

  /** Merges fields into my awareness state; what steers others goes with fresh proofs (a viewer steers nothing). */
  private publish(fields: Record<string, unknown>): void {
    const next: Record<string, unknown> = { ...this.awareness.getLocalState(), ...fields };
    clearTimeout(this.resignTimer);
    if (this.secret) {
      next.proofs = proofsFor(this.secret, next, this.awareness.clientID, Date.now());
      if (STEERING_FIELDS.some((field) => steers(next[field]))) this.resignTimer = setTimeout(() => this.publish({}), PROOF_REFRESH_MS);
    } else {
      for (const field of STEERING_FIELDS) delete next[field];
    }
    this.awareness.setLocalState(next);
  }

  private applyFollowedViewport(studio: Studio): void {
    const target = this.others.find((v) => v.clientId === this.following);
    const canvas = studio.canvas;
    if (target?.viewport && canvas) canvas.setViewport(fitViewport(target.viewport, canvas.current().size));
  }

  /** Follow someone's viewport (null: stop). Stopping also steps out of a leader's "follow me". */
  follow(clientId: number | null): void {
    if (clientId === null && this.following !== null && this.others.find((v) => v.clientId === this.following)?.leading) this.dismissedLeader = this.following;
    if (clientId !== null && clientId === this.dismissedLeader) this.dismissedLeader = null;
    this.chosen = clientId;
    this.following = followTarget(this.others, this.chosen, this.dismissedLeader);
  }

  /** The facilitator's "everyone follow me". */
  lead(on: boolean): void {
    this.leading = on;
    if (on) this.follow(null);
  }

  /** Where the room moved from (Session.setRelay): I keep leading, and following whom I followed. */
  carryOver(old: RoomState): void {
    this.leading = old.leading;
    this.chosen = old.chosen;
  }

  /** Tells everyone on this connection that the room moved (they follow; see Session.setRelay). */
  announceMove(relay: boolean): void {
    this.onmove = null;
    this.retired = true;
    this.stopPublishing();
    this.viewThrottle.cancel();
    this.publish({ presenting: null, leading: false, movedTo: relay ? 'relay' : 'mesh' });
  }

  /** My pointer on the canvas, in model coordinates (null when it leaves); throttled by room size. */
  pointer(position: { x: number; y: number } | null): void {
    if (this.link.viewer) return;
    const send = () => this.awareness.setLocalStateField('cursor', position && { x: Math.round(position.x), y: Math.round(position.y) });
    // Leaving goes out at once; within the throttle window the latest position goes out when it ends.
    if (position) this.pointerThrottle.run(send);
    else this.pointerThrottle.now(send);
  }

  rename(raw: string): void {
    this.name = cleanName(raw);
    storeName(this.name);
    this.confirmName();
    const user = this.awareness.getLocalState()?.user as Record<string, unknown> | undefined;
    this.awareness.setLocalStateField('user', { ...user, name: this.name });
  }

  /** Keeps the name as it is and stops asking. */
  confirmName(): void {
    this.nameConfirmed = true;
    storeNameConfirmed();
  }

  /** Leave the room (edits stay in this browser and merge on the next join). */
  disconnect(): void {
    this.offline = true;
    this.provider?.disconnect();
    // y-webrtc's disconnect removed my presence; offline, I am still here on my own screen.
    this.keeper.restore();
  }

  reconnect(): void {
    this.offline = false;
    this.kept.refused = false;
    this.provider?.connect();
    // The relay announces me once its socket is open (status 'connected'); the mesh's new peers get my state as they connect.
    if (this.provider instanceof WebrtcProvider) this.keeper.reannounce();
  }

  /** One line for the status chip: offline, connecting, or how many others are connected. */
  get status(): string {
    if (this.blocked) return this.blocked;
    if (this.kept.refused) return `This link's key was refused by the server — ${keptEditsText(this.kept.count)} on this device only`;
    if (this.offline) return 'Offline — edits kept here';
    if (!this.signaling) return this.link.relay ? 'Connecting to the relay…' : 'Connecting to the room…';
    const others = `${this.peers} other${this.peers === 1 ? '' : 's'} connected`;
    return this.link.viewer ? `Watching · ${others}` : this.link.relay ? `Relay · ${others}` : others;
  }

  destroy(): void {
    this.stopPublishing();
    this.viewThrottle.cancel();
    this.pointerThrottle.cancel();
    clearTimeout(this.resignTimer);
    this.keeper.destroy();
    this.kept.destroy();
    this.provider?.destroy();
    if (!this.provider) this.awareness.destroy();
  }
}
