// A shared room for the open map: y-webrtc through the project's own signaling (`/signal`), the room
// secret encrypting signaling, and presence in awareness — never in the document.
import { WebrtcProvider } from 'y-webrtc';
import { participantsOf, presenterOf, PRESENCE_COLORS, cleanName, type Participant } from '../../collab/presence.ts';
import type { Studio } from './studio.svelte.ts';
import { roomUrl, signalingUrl, type RoomLink } from '../../collab/room-link.ts';

/** A WebRTC mesh stays usable up to about this many peers; bigger rooms need a server relay. */
export const MAX_PEERS = 30;
const NAME_KEY = 'pathways:name';

/** The name this browser uses in rooms: asked once in the Share dialog, remembered; until then a numbered guest. */
export function rememberedName(): string {
  const stored = globalThis.localStorage?.getItem(NAME_KEY);
  if (stored) return cleanName(stored);
  const guest = `Guest ${100 + Math.floor(Math.random() * 900)}`;
  globalThis.localStorage?.setItem(NAME_KEY, guest);
  return guest;
}

export class RoomState {
  readonly link: RoomLink;
  participants = $state.raw<Participant[]>([]);
  /** Connected to the signaling server. */
  signaling = $state(false);
  /** Peers with an open WebRTC connection. */
  peers = $state(0);
  name = $state(rememberedName());
  private readonly provider: WebrtcProvider;
  private readonly publishTimer: ReturnType<typeof setInterval>;

  constructor(studio: Studio, link: RoomLink) {
    const doc = studio.doc;
    this.link = link;
    this.provider = new WebrtcProvider(`pathways-${link.room}`, doc, {
      signaling: [signalingUrl(location)],
      password: link.key,
      maxConns: MAX_PEERS,
      // Loopback and LAN need no STUN server; reaching a public one would only add timeouts.
      peerOpts: { config: { iceServers: [] } },
    });
    const awareness = this.provider.awareness;
    awareness.setLocalStateField('user', { name: this.name, color: PRESENCE_COLORS[doc.clientID % PRESENCE_COLORS.length] });
    let following = false;
    const refresh = () => {
      this.participants = participantsOf(awareness.getStates(), awareness.clientID);
      // Present to the room: follow whoever presents; leave the slides when they stop.
      const presentation = studio.presentation;
      const presenter = presenterOf(awareness.getStates(), awareness.clientID);
      if (presenter && (following || !presentation.presenting)) {
        following = true;
        presentation.followPresenter(presenter.state);
      } else if (!presenter && following) {
        following = false;
        presentation.followPresenter(null);
        presentation.stop();
      }
    };
    awareness.on('change', refresh);
    refresh();
    // The presenter's slide and viewport go out when they change (viewport moves have no cheap
    // reactive signal, so this looks four times a second and sends only differences).
    let sent = 'null';
    this.publishTimer = setInterval(() => {
      const presenting = following ? null : studio.presentation.presenting;
      const text = JSON.stringify(presenting);
      if (text !== sent) {
        sent = text;
        awareness.setLocalStateField('presenting', presenting);
      }
    }, 250);
    this.provider.on('status', ({ connected }: { connected: boolean }) => (this.signaling = connected));
    this.provider.on('peers', ({ webrtcPeers }: { webrtcPeers: string[] }) => (this.peers = webrtcPeers.length));
  }

  get url(): string {
    return roomUrl(`${location.origin}${location.pathname}`, this.link);
  }

  rename(raw: string): void {
    this.name = cleanName(raw);
    globalThis.localStorage?.setItem(NAME_KEY, this.name);
    const user = this.provider.awareness.getLocalState()?.user as Record<string, unknown> | undefined;
    this.provider.awareness.setLocalStateField('user', { ...user, name: this.name });
  }

  /** Leave the room (edits stay in this browser and merge on the next join). */
  disconnect(): void {
    this.provider.disconnect();
  }

  reconnect(): void {
    this.provider.connect();
  }

  destroy(): void {
    clearInterval(this.publishTimer);
    this.provider.destroy();
  }
}
