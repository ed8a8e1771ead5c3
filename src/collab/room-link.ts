// A room link carries the room id and its secret in the URL fragment (`#room=ID&key=SECRET`): the
// fragment never reaches a server, and the secret encrypts signaling between peers. `&relay=1` puts the
// room on the server relay (convening mode); a viewer link (`&relay=1&viewer=1`) has no key, and the
// relay refuses its edits.
import { digest } from 'lib0/hash/sha256';

export interface RoomLink {
  room: string;
  /** The room secret; empty for a viewer. */
  key: string;
  /** Convening mode: synced through the server's `/sync` relay rather than a WebRTC mesh. */
  relay?: boolean;
  /** Read-only (relay rooms only). */
  viewer?: boolean;
}

const TOKEN = /^[A-Za-z0-9_-]{8,64}$/;

function randomToken(bytes: number): string {
  const raw = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...raw)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A new room: its id is derived from its key, so nobody can claim the id without holding the key. */
export function newRoomLink(): RoomLink {
  const key = randomToken(18);
  return { room: roomIdForKey(key), key };
}

/** The room id of a key: bound to the write token, so a server can check `roomIdForToken(token) === room`. */
export function roomIdForKey(key: string): string {
  return roomIdForToken(writeToken(key));
}

/** 16 base64url characters of SHA-256 over the write token: a viewer, who knows only the id, cannot invert it. */
export function roomIdForToken(token: string): string {
  const bytes = digest(new TextEncoder().encode(`pathways-room:${token}`));
  return btoa(String.fromCharCode(...bytes.slice(0, 12))).replace(/\+/g, '-').replace(/\//g, '_');
}

/** The room in a location hash, or null if there is none or it is malformed (never half a room). */
export function parseRoomHash(hash: string): RoomLink | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const room = params.get('room');
  const key = params.get('key');
  const relay = params.get('relay') === '1';
  if (!room || !TOKEN.test(room)) return null;
  if (relay && params.get('viewer') === '1' && key === null) return { room, key: '', relay, viewer: true };
  if (!key || !TOKEN.test(key)) return null;
  return relay ? { room, key, relay } : { room, key };
}

export function roomUrl(base: string, link: RoomLink): string {
  const start = `${base.replace(/#.*$/, '')}#room=${encodeURIComponent(link.room)}`;
  if (link.relay && link.viewer) return `${start}&relay=1&viewer=1`;
  return `${start}&key=${encodeURIComponent(link.key)}${link.relay ? '&relay=1' : ''}`;
}

/** The same room, read-only, for everyone who should watch rather than edit (relay rooms only). */
export function viewerLink(link: RoomLink): RoomLink {
  return { room: link.room, key: '', relay: true, viewer: true };
}

/** The signaling socket of the server that served the page (same origin, `/signal`). */
export function signalingUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/signal`;
}

/**
 * A peer-to-peer room encrypts signaling with the secret through crypto.subtle, which browsers give only
 * to secure pages (https, or localhost): on plain http at a LAN address, only the relay can work.
 */
export function canEncryptSignaling(scope: { isSecureContext?: boolean; crypto?: { subtle?: unknown } }): boolean {
  return scope.isSecureContext === true && !!scope.crypto?.subtle;
}

/** The relay's base address (the room name is appended by y-websocket). */
export function relayUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

/**
 * What an editor shows the relay to be allowed to write: derived from the secret, so the secret itself
 * never leaves the browser. Synchronous SHA-256 from lib0, since crypto.subtle is missing on plain-http LANs.
 */
export function writeToken(key: string): string {
  const bytes = digest(new TextEncoder().encode(`pathways-edit:${key}`));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
