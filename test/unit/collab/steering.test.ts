import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hmacSha256, PROOF_MAX_AGE_MS, proveSteering, provenSteeringOnly, proofsFor, steeringSecret, verifySteering, type SteeringField } from '../../../src/collab/steering.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('HMAC-SHA256 over lib0', () => {
  it.each([
    ['RFC 4231 case 2', 'Jefe', 'what do ya want for nothing?'],
    ['empty message', 'k', ''],
    ['key longer than a block', 'k'.repeat(131), 'Test Using Larger Than Block-Size Key - Hash Key First'],
    ['exactly one block', 'x'.repeat(64), 'y'.repeat(200)],
  ])('%s matches node:crypto', (_, key, message) => {
    expect(hex(hmacSha256(bytes(key), bytes(message)))).toBe(createHmac('sha256', key).update(message).digest('hex'));
  });

  it('RFC 4231 case 2 gives the published value', () => {
    expect(hex(hmacSha256(bytes('Jefe'), bytes('what do ya want for nothing?')))).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});

describe('steering proofs', () => {
  const secret = steeringSecret('the-room-key-123');
  const now = 1_800_000_000_000;
  const presenting = { viewId: 'v1', slideIndex: 2, viewport: { zoom: 1, pan: { x: 3, y: 4 } } };
  const valid = proveSteering(secret, 'presenting', presenting, 7, now - 1000);

  it.each<[string, SteeringField, unknown, number, unknown, boolean]>([
    ['valid', 'presenting', presenting, 7, valid, true],
    ['valid with keys in another order', 'presenting', { viewport: { pan: { y: 4, x: 3 }, zoom: 1 }, slideIndex: 2, viewId: 'v1' }, 7, valid, true],
    ['replayed for another client', 'presenting', presenting, 8, valid, false],
    ['tampered value', 'presenting', { ...presenting, slideIndex: 3 }, 7, valid, false],
    ['moved to another field', 'leading', true, 7, valid, false],
    ['tampered timestamp', 'presenting', presenting, 7, { ...valid, at: valid.at + 1 }, false],
    ['one flipped mac character', 'presenting', presenting, 7, { ...valid, mac: (valid.mac[0] === 'a' ? 'b' : 'a') + valid.mac.slice(1) }, false],
    ['forged with a wrong key', 'presenting', presenting, 7, proveSteering(steeringSecret('a-wrong-key-456'), 'presenting', presenting, 7, now), false],
    ['stale', 'presenting', presenting, 7, proveSteering(secret, 'presenting', presenting, 7, now - PROOF_MAX_AGE_MS - 1), false],
    ['from the far future', 'presenting', presenting, 7, proveSteering(secret, 'presenting', presenting, 7, now + PROOF_MAX_AGE_MS + 1), false],
    ['missing', 'movedTo', 'mesh', 7, undefined, false],
    ['malformed mac', 'movedTo', 'mesh', 7, { at: now, mac: 'zz' }, false],
    ['mac of the wrong length', 'movedTo', 'mesh', 7, { at: now, mac: valid.mac.slice(0, 62) }, false],
    ['non-integer time', 'movedTo', 'mesh', 7, { at: 'now', mac: valid.mac }, false],
    ['valid move', 'movedTo', 'mesh', 7, proveSteering(secret, 'movedTo', 'mesh', 7, now), true],
  ])('%s', (_, field, value, clientId, proof, expected) => {
    expect(verifySteering(secret, field, value, clientId, proof, now)).toBe(expected);
  });

  it('receivers holding the key drop unproven steering and keep the rest of the state', () => {
    const honest = { user: { name: 'Ana' }, presenting, leading: true, proofs: proofsFor(secret, { presenting, leading: true }, 1, now) };
    const forged = { user: { name: 'Mallory' }, presenting, leading: true, movedTo: 'mesh', proofs: { presenting: valid, leading: proveSteering(secret, 'leading', true, 1, now) } };
    const states = new Map<number, unknown>([[1, honest], [2, forged], [3, { user: { name: 'Quiet' }, presenting: null, leading: false }], [9, { presenting, leading: true }]]);
    const checked = provenSteeringOnly(states, secret, 9, now);
    expect(checked.get(1)).toBe(honest);
    expect(checked.get(2)).toMatchObject({ user: { name: 'Mallory' }, presenting: null, leading: null, movedTo: null });
    expect(checked.get(3)).toEqual(states.get(3));
    expect(checked.get(9)).toBe(states.get(9)); // my own state is mine
    // A viewer holds no key: it takes what the relay forwarded.
    expect(provenSteeringOnly(states, null, 9, now)).toBe(states);
  });

  it('canonical JSON sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"z":1}]},"b":1}');
  });
});
