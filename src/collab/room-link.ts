// A room link carries the room id and its secret in the URL fragment (`#room=ID&key=SECRET`): the
// fragment never reaches a server, and the secret encrypts signaling between peers.
export interface RoomLink {
  room: string;
  key: string;
}

const TOKEN = /^[A-Za-z0-9_-]{8,64}$/;

function randomToken(bytes: number): string {
  const raw = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...raw)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function newRoomLink(): RoomLink {
  return { room: randomToken(9), key: randomToken(18) };
}

/** The room in a location hash, or null if there is none or it is malformed (never half a room). */
export function parseRoomHash(hash: string): RoomLink | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const room = params.get('room');
  const key = params.get('key');
  return room && key && TOKEN.test(room) && TOKEN.test(key) ? { room, key } : null;
}

export function roomUrl(base: string, link: RoomLink): string {
  return `${base.replace(/#.*$/, '')}#room=${encodeURIComponent(link.room)}&key=${encodeURIComponent(link.key)}`;
}

/** The signaling socket of the server that served the page (same origin, `/signal`). */
export function signalingUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/signal`;
}
