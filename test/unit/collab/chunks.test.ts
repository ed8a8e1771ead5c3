import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, CHUNK_MARKER, MessageJoiner, PeerMessageError, splitMessage } from '../../../src/collab/chunks.ts';

function bytes(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + seed) & 0xff;
  out[0] = 0; // a y-webrtc sync message
  return out;
}

describe('peer message chunks', () => {
  it('passes small messages through unchanged and joins big ones exactly', () => {
    const joiner = new MessageJoiner();
    const small = bytes(100);
    expect(splitMessage(small, 1)).toEqual([small]);
    expect(joiner.push(small)).toBe(small);
    for (const length of [CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES, 2_300_000]) {
      const message = bytes(length, length);
      const chunks = splitMessage(message, length);
      expect(chunks).toHaveLength(Math.ceil(length / CHUNK_BYTES));
      for (const chunk of chunks) expect(chunk.byteLength).toBeLessThanOrEqual(CHUNK_BYTES + 13);
      const results = chunks.map((chunk) => joiner.push(chunk));
      expect(results.slice(0, -1).every((r) => r === null)).toBe(true);
      expect(Buffer.from(results.at(-1)!).equals(Buffer.from(message))).toBe(true);
    }
  });

  it('chunks a small message that happens to start with the marker, so it is never misread', () => {
    const odd = Uint8Array.of(CHUNK_MARKER, 1, 2, 3);
    const chunks = splitMessage(odd, 9);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).not.toEqual(odd);
    expect(new MessageJoiner().push(chunks[0])).toEqual(odd);
  });

  it('refuses chunks out of order, truncated chunks, and messages over the limit', () => {
    const chunks = splitMessage(bytes(3 * CHUNK_BYTES), 5);
    const joiner = new MessageJoiner();
    joiner.push(chunks[0]);
    expect(() => joiner.push(chunks[2])).toThrow(PeerMessageError);
    expect(() => new MessageJoiner().push(chunks[1])).toThrow(PeerMessageError);
    expect(() => new MessageJoiner().push(Uint8Array.of(CHUNK_MARKER, 0, 0))).toThrow(PeerMessageError);
    const limited = new MessageJoiner(2 * CHUNK_BYTES);
    expect(() => limited.push(chunks[0])).toThrow(/over the limit/);
    expect(() => limited.push(bytes(2 * CHUNK_BYTES + 1))).toThrow(/over the limit/);
  });
});
