// Which map is open, and the maps this browser keeps. The start screen and the studio bind to it.
import { emptyMap } from '../../model/doc.ts';
import { readMapFile } from '../../model/snapshot.ts';
import type { PathwaysMap } from '../../model/types.ts';
import { validateMap } from '../../model/validate.ts';
import { newId } from '../../model/mutations.ts';
import { canEncryptSignaling, newRoomLink, type RoomLink } from '../../collab/room-link.ts';
import { RoomState } from './room.svelte.ts';
import type { CatalogEntry } from '../../persist/catalog.ts';
import {
  catalog,
  catalogNewMap,
  deleteLocalMap,
  duplicateLocalMap,
  openLocalMap,
  requestPersistentStorage,
  type OpenMap,
} from '../../persist/local-maps.ts';
import { Studio } from './studio.svelte.ts';
import { PresentationState } from '../present/presentation.svelte.ts';

export const DEMO_URL = '/examples/harbor-county.json';

/** How long a room's old connection stays open after it moved, so peers hear where it went. */
const MOVE_ANNOUNCE_MS = 2000;

export class Session {
  maps = $state.raw<CatalogEntry[]>(catalog.list());
  studio = $state.raw<Studio | null>(null);
  /** The live room of the open map, when it is shared. */
  room = $state.raw<RoomState | null>(null);
  busy = $state(false);
  error = $state<string | null>(null);
  private opened: OpenMap | null = null;
  private stopTouching: (() => void) | null = null;

  refresh(): void {
    this.maps = catalog.list();
  }

  /** First start opens the demo; a `#map=ID` link reopens that map; otherwise the start screen. */
  async boot(hashMapId: string | null, room: RoomLink | null = null): Promise<void> {
    void requestPersistentStorage();
    if (room) return this.join(room);
    if (hashMapId && catalog.get(hashMapId)) return this.open(hashMapId);
    if (!catalog.visited) {
      catalog.markVisited();
      await this.openDemo();
    }
  }

  async openDemo(): Promise<void> {
    const response = await fetch(DEMO_URL);
    if (!response.ok) throw new Error(`The demo map could not be loaded (${response.status})`);
    const { map, problems } = validateMap(await response.json());
    if (!map) throw new Error(`The demo map is invalid: ${problems[0]?.path} ${problems[0]?.message}`);
    await this.createAndOpen(map);
  }

  /** Opens the room's map in this browser, or an empty one that peers fill (it persists and merges later). */
  async join(link: RoomLink): Promise<void> {
    const known = catalog.list().find((entry) => entry.room === link.room);
    const mode = { key: link.key, relay: link.relay ?? false, viewer: link.viewer ?? false };
    if (known) {
      // A viewer link never demotes a browser that already holds the room's key.
      catalog.touch(known.id, link.viewer && known.key && !known.viewer ? { relay: true } : mode);
      return this.open(known.id);
    }
    const now = Date.now();
    // No content is written: a title of ours would compete with the room's own.
    const entry = { id: newId('map'), title: 'Shared map', createdAt: now, updatedAt: now, nodeCount: 0, room: link.room, ...mode };
    catalog.put(entry);
    this.refresh();
    return this.open(entry.id);
  }

  /** Turns the open map into a room and connects to it. */
  share(): RoomState | null {
    if (!this.studio || !this.opened) return null;
    if (this.room) return this.room;
    // On a page that cannot encrypt peer-to-peer signaling (plain http on a LAN), the room goes through the relay.
    const link = canEncryptSignaling(globalThis) ? newRoomLink() : { ...newRoomLink(), relay: true };
    catalog.touch(this.opened.id, link);
    this.room = this.connect(this.studio, link);
    return this.room;
  }

  private connect(studio: Studio, link: RoomLink): RoomState {
    const room = new RoomState(studio, link);
    // Someone with the key moved the room (mesh ⇄ relay): everyone moves with it, so the room stays one room.
    room.onmove = (relay) => {
      if (this.room === room) this.setRelay(relay);
    };
    return room;
  }

  /** Moves the open room onto the server relay (convening mode) or back to the WebRTC mesh. */
  setRelay(relay: boolean): RoomState | null {
    if (!this.studio || !this.opened || !this.room || this.room.link.viewer) return this.room;
    const link = { ...this.room.link, relay };
    if (!!this.room.link.relay === relay) return this.room;
    // The old connection tells its peers where the room went, and lingers long enough for that to arrive.
    const old = this.room;
    old.announceMove(relay);
    setTimeout(() => old.destroy(), MOVE_ANNOUNCE_MS);
    catalog.touch(this.opened.id, { relay });
    this.room = this.connect(this.studio, link);
    // The person moves with the room: whom they follow and whether they lead.
    this.room.carryOver(old);
    return this.room;
  }

  /** Opens a new local map holding `map`: the studio shows at once, a county-size map arrives a slice at a time. */
  async createAndOpen(map: PathwaysMap): Promise<void> {
    const entry = catalogNewMap(map);
    this.refresh();
    await this.open(entry.id);
    if (this.opened?.id === entry.id) await this.studio?.loadMapInSlices(map, { undoable: false });
  }

  async createBlank(): Promise<void> {
    await this.createAndOpen(emptyMap('Untitled map'));
  }

  async open(id: string): Promise<void> {
    await this.close();
    this.busy = true;
    try {
      this.opened = await openLocalMap(id);
      const studio = new Studio(this.opened.doc, id, this.opened.projector);
      // The presentation is built here, where the map opens (the room shows a presenter's slides before any view mounts);
      // the other features are built by StudioView.
      studio.presentation = new PresentationState(studio);
      // Keep the start screen's title and count current as the map changes.
      const onUpdate = () => catalog.touch(id, { title: studio.snapshot.map.meta.title || 'Untitled map', nodeCount: studio.snapshot.map.nodes.length });
      this.opened.doc.on('afterTransaction', onUpdate);
      this.stopTouching = () => this.opened?.doc.off('afterTransaction', onUpdate);
      this.studio = studio;
      const entry = catalog.get(id);
      if (entry?.room && (entry.key || entry.viewer)) {
        this.room = this.connect(studio, { room: entry.room, key: entry.key ?? '', relay: entry.relay, viewer: entry.viewer });
        // A viewer watches: the studio opens read-only, as an embed does.
        if (entry.viewer) studio.embedded = true;
      }
      history.replaceState(null, '', `#map=${encodeURIComponent(id)}`);
    } finally {
      this.busy = false;
    }
  }

  async close(): Promise<void> {
    this.room?.destroy();
    this.room = null;
    this.stopTouching?.();
    this.studio?.destroy();
    this.studio = null;
    await this.opened?.close();
    this.opened = null;
    this.refresh();
  }

  async goHome(): Promise<void> {
    await this.close();
    history.replaceState(null, '', location.pathname);
  }

  async duplicate(id: string): Promise<void> {
    await duplicateLocalMap(id);
    this.refresh();
  }

  async remove(id: string): Promise<void> {
    await deleteLocalMap(id);
    this.refresh();
  }

  currentMap(): PathwaysMap | null {
    return this.opened ? readMapFile(this.opened.doc) : null;
  }
}
