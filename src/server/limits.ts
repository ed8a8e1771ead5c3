// Every bound the server puts on what clients can make it hold. One place, so the README's threat model
// and the tests read the same numbers. `startServer({ limits })` may override them (the bench simulates a
// whole convening from one address); everything else uses these values.

/** Largest frame from a connection that has not proven the room key (viewers: sync step 1 and presence). */
export const MAX_VIEWER_FRAME_BYTES = 64 * 1024;
/** Largest frame from an editor: a whole map as one update is a few hundred KiB; a huge one still fits. */
export const MAX_EDITOR_FRAME_BYTES = 8 * 1024 * 1024;
/** Largest signaling message (SDP offers and answers are a few KiB). */
export const MAX_SIGNALING_FRAME_BYTES = 64 * 1024;

/** A room's stored state (compacted) may not grow past this: updates that would are refused. */
export const MAX_ROOM_BYTES = 16 * 1024 * 1024;
/**
 * Content an update refers to but the room does not have (Yjs keeps it pending). The server relays every
 * edit, so an honest editor's pending content is tiny; a forged one (deletes of unknown clients) is refused.
 */
export const MAX_PENDING_BYTES = 64 * 1024;
/** Rooms that one address may create while the server runs. */
export const MAX_ROOMS_CREATED_PER_ADDRESS = 20;
/** Rooms stored on disk in total: past it, no new room is created. */
export const MAX_ROOMS_TOTAL = 2000;
/** Presence entries (awareness client ids) one connection may speak for. */
export const MAX_PRESENCE_IDS_PER_CONNECTION = 4;

/** Open websocket connections (relay and signaling) from one address. */
export const MAX_CONNECTIONS_PER_ADDRESS = 64;
/** Of those, connections with the editor frame size: bounds what half-sent frames can hold per address. */
export const MAX_EDITOR_CONNECTIONS_PER_ADDRESS = 8;
/** Open websocket connections in total. */
export const MAX_CONNECTIONS_TOTAL = 1000;

/** A subscriber whose unsent data passes this is not reading: it is dropped. */
export const MAX_SEND_BUFFER_BYTES = 4 * 1024 * 1024;
/** The same on `/signal`, where messages are small. */
export const MAX_SIGNALING_SEND_BUFFER_BYTES = 1024 * 1024;
/** Topics (rooms) one signaling connection may subscribe to. */
export const MAX_TOPICS_PER_CONNECTION = 32;
/** Topics held by the signaling server in total. */
export const MAX_TOPICS_TOTAL = 10_000;
/** A topic is a room id (16 characters); a longer name is refused. */
export const MAX_TOPIC_LENGTH = 128;

export interface ServerLimits {
  maxConnectionsPerAddress: number;
  maxEditorConnectionsPerAddress: number;
  maxConnectionsTotal: number;
  maxRoomsCreatedPerAddress: number;
  maxRoomsTotal: number;
  maxRoomBytes: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  maxConnectionsPerAddress: MAX_CONNECTIONS_PER_ADDRESS,
  maxEditorConnectionsPerAddress: MAX_EDITOR_CONNECTIONS_PER_ADDRESS,
  maxConnectionsTotal: MAX_CONNECTIONS_TOTAL,
  maxRoomsCreatedPerAddress: MAX_ROOMS_CREATED_PER_ADDRESS,
  maxRoomsTotal: MAX_ROOMS_TOTAL,
  maxRoomBytes: MAX_ROOM_BYTES,
};
