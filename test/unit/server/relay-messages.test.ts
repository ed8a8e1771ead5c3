// The relay reads client messages with lib0/y-protocols decoders and accepts only canonical encodings.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  decodePresence, decodeRelayMessage, encodePresence, RefusedMessage, syncMessage, viewerMayPass, withoutSteering,
} from '../../../src/server/relay-messages.ts';

const update = (() => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hello');
  return Y.encodeStateAsUpdate(doc);
})();

describe('relay messages', () => {
  it('tells what each canonical message is, and which a viewer may send', () => {
    const step1 = decodeRelayMessage(syncMessage(0, Y.encodeStateVector(new Y.Doc())));
    expect(step1.kind).toBe('sync-step-1');
    expect(viewerMayPass(step1)).toBe(true);
    for (const [sub, kind] of [[1, 'sync-step-2'], [2, 'sync-update']] as const) {
      const message = decodeRelayMessage(syncMessage(sub, update));
      expect(message.kind).toBe(kind);
      expect(viewerMayPass(message)).toBe(false);
    }
    const presence = decodeRelayMessage(Uint8Array.from([1, 1, 0]));
    expect(presence.kind).toBe('awareness');
    expect(viewerMayPass(presence)).toBe(true);
    expect(viewerMayPass(decodeRelayMessage(Uint8Array.of(3)))).toBe(false);
  });

  it.each([
    ['type 0 as [0x80, 0x00]', [0x80, 0x00, 0x02, ...syncMessage(2, update).slice(2)]],
    ['type 0 as [0x80, 0x80, 0x00]', [0x80, 0x80, 0x00, 0x02, ...syncMessage(2, update).slice(2)]],
    ['sub-type 2 as [0x82, 0x00]', [0x00, 0x82, 0x00, ...syncMessage(2, update).slice(2)]],
    ['a trailing byte', [...syncMessage(2, update), 0]],
    ['an unknown type', [9, 0]],
    ['an unknown sync sub-type', [0, 5, 0]],
    ['a truncated length', [0, 2, 0xff, 0xff, 0x03, 1]],
    ['an empty message', []],
    ['a state vector that does not decode', [0, 0, 2, 0xff, 0xff]],
  ])('refuses %s', (_name, bytes) => {
    expect(() => decodeRelayMessage(Uint8Array.from(bytes))).toThrow(RefusedMessage);
  });

  it('reads presence entries, leaving out states that are not JSON objects, and strips steering fields', () => {
    const good = { user: { name: 'Ana' }, presenting: { viewId: null, slideIndex: 1 }, leading: true, movedTo: 'mesh', cursor: { x: 1, y: 2 } };
    const encoded = encodePresence([
      { clientId: 1, clock: 3, state: good },
      { clientId: 2, clock: 1, state: null },
    ]);
    expect(decodePresence(encoded)).toEqual([
      { clientId: 1, clock: 3, state: good },
      { clientId: 2, clock: 1, state: null },
    ]);
    expect(withoutSteering(good)).toEqual({ user: { name: 'Ana' }, cursor: { x: 1, y: 2 } });
    // Hand-made entries: a list, a number and broken JSON are dropped; the object stays.
    const text = (s: string) => [s.length, ...new TextEncoder().encode(s)];
    const raw = Uint8Array.from([4, 5, 1, ...text('[1,2]'), 6, 1, ...text('42'), 7, 1, ...text('{"a":'), 8, 1, ...text('{"a":1}')]);
    expect(decodePresence(raw)).toEqual([{ clientId: 8, clock: 1, state: { a: 1 } }]);
    expect(() => decodePresence(Uint8Array.from([2, 1, 1]))).toThrow(RefusedMessage);
  });
});
