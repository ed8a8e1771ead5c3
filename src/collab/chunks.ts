// Chromium refuses an RTCDataChannel message over its SDP max-message-size (256 KiB), and y-webrtc sends
// a whole map's sync answer as one message: a 2,000-program map (~1.9 MB) never arrived. Messages above
// CHUNK_BYTES go out as numbered chunks and are joined again on arrival; small ones pass unchanged.
// The joiner is also where a peer's oversized message is refused.

/** Not a y-webrtc message type (0 sync, 1 awareness, 3 query awareness, 4 broadcast peer id). */
export const CHUNK_MARKER = 0xf7;
export const CHUNK_BYTES = 64 * 1024;
/** A whole map as a Yjs update is a few MB at most; anything far larger from a peer is refused. */
export const MAX_PEER_MESSAGE_BYTES = 32 * 1024 * 1024;
const HEADER_BYTES = 13; // marker, message id (u32), chunk index (u32), chunk count (u32)

export class PeerMessageError extends Error {}

export function splitMessage(message: Uint8Array, id: number, chunkBytes = CHUNK_BYTES): Uint8Array[] {
  if (message.byteLength <= chunkBytes && message[0] !== CHUNK_MARKER) return [message];
  const count = Math.ceil(message.byteLength / chunkBytes);
  return Array.from({ length: count }, (_, index) => {
    const body = message.subarray(index * chunkBytes, (index + 1) * chunkBytes);
    const chunk = new Uint8Array(HEADER_BYTES + body.byteLength);
    const header = new DataView(chunk.buffer);
    chunk[0] = CHUNK_MARKER;
    header.setUint32(1, id >>> 0);
    header.setUint32(5, index);
    header.setUint32(9, count);
    chunk.set(body, HEADER_BYTES);
    return chunk;
  });
}

/** Joins chunks (a data channel is ordered and reliable, so they arrive in order, one message at a time). */
export class MessageJoiner {
  private current: { id: number; count: number; parts: Uint8Array[]; bytes: number } | null = null;

  constructor(private readonly maxBytes = MAX_PEER_MESSAGE_BYTES, private readonly chunkBytes = CHUNK_BYTES) {}

  /** The whole message once its last chunk arrives, else null. Throws PeerMessageError on a bad or oversized message. */
  push(data: Uint8Array): Uint8Array | null {
    if (data[0] !== CHUNK_MARKER) {
      if (data.byteLength > this.maxBytes) throw new PeerMessageError(`message of ${data.byteLength} bytes is over the limit`);
      return data;
    }
    if (data.byteLength < HEADER_BYTES) throw new PeerMessageError('truncated chunk');
    const header = new DataView(data.buffer, data.byteOffset, HEADER_BYTES);
    const [id, index, count] = [header.getUint32(1), header.getUint32(5), header.getUint32(9)];
    if (index === 0) {
      // Every chunk but the last is full, so the message is at least (count - 1) × chunkBytes + 1 bytes.
      if ((count - 1) * this.chunkBytes >= this.maxBytes) throw new PeerMessageError(`message of ${count} chunks is over the limit`);
      this.current = { id, count, parts: [], bytes: 0 };
    }
    const current = this.current;
    if (!current || current.id !== id || current.count !== count || index !== current.parts.length) throw new PeerMessageError('chunk out of order');
    current.parts.push(data.subarray(HEADER_BYTES));
    current.bytes += data.byteLength - HEADER_BYTES;
    if (current.bytes > this.maxBytes) throw new PeerMessageError('message over the limit');
    if (current.parts.length < count) return null;
    this.current = null;
    const whole = new Uint8Array(current.bytes);
    let offset = 0;
    for (const part of current.parts) {
      whole.set(part, offset);
      offset += part.byteLength;
    }
    return whole;
  }
}
