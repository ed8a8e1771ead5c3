// Only editors steer. Presenting, "everyone follow me" (leading) and moving the room (movedTo) change
// what other screens show or where they connect, so each goes out with a proof: an HMAC-SHA256, keyed
// with a secret derived from the room key, over the field, its value, the sender's awareness client id
// and a timestamp. Screens that hold the key accept steering only with a valid, recent proof; a copy
// of someone's proof does not fit another client id or another value, and it goes stale.
// Viewers hold no key and cannot verify: on relay rooms the server strips steering fields from viewer
// connections, so what reaches a viewer came from editors (see README, threat model).
// Synchronous SHA-256 from lib0: crypto.subtle is missing on plain-http LAN pages.
import { digest } from 'lib0/hash/sha256';

export const STEERING_FIELDS = ['presenting', 'leading', 'movedTo'] as const;
export type SteeringField = (typeof STEERING_FIELDS)[number];

export interface SteeringProof {
  /** When it was signed (sender's clock, ms since 1970). */
  at: number;
  /** HMAC-SHA256, hex. */
  mac: string;
}

/** A proof older (or further ahead, for clock skew between laptops) than this is ignored. */
export const PROOF_MAX_AGE_MS = 2 * 60_000;
/** A sender re-signs what it steers this often, well inside the age limit. */
export const PROOF_REFRESH_MS = 30_000;

const utf8 = (text: string) => new TextEncoder().encode(text);
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** HMAC (RFC 2104) over SHA-256, with lib0's synchronous digest. */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  const BLOCK = 64;
  const k = key.length > BLOCK ? digest(key) : key;
  const inner = new Uint8Array(BLOCK + message.length);
  const outer = new Uint8Array(BLOCK + 32);
  for (let i = 0; i < BLOCK; i++) {
    inner[i] = (k[i] ?? 0) ^ 0x36;
    outer[i] = (k[i] ?? 0) ^ 0x5c;
  }
  inner.set(message, BLOCK);
  outer.set(digest(inner), BLOCK);
  return digest(outer);
}

/** The signing secret of a room: derived from its key, so the key itself signs nothing. */
export function steeringSecret(roomKey: string): Uint8Array {
  return digest(utf8(`pathways-steer:${roomKey}`));
}

/** JSON with object keys sorted at every depth (undefined dropped, as JSON does): the same value gives the same bytes on every screen. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const signed = (secret: Uint8Array, field: SteeringField, value: unknown, clientId: number, at: number) =>
  hex(hmacSha256(secret, utf8(`${field}\n${clientId}\n${at}\n${canonicalJson(value)}`)));

export function proveSteering(secret: Uint8Array, field: SteeringField, value: unknown, clientId: number, at: number): SteeringProof {
  return { at, mac: signed(secret, field, value, clientId, at) };
}

/** True when `proof` is a well-formed, recent proof of this field's value from this client. */
export function verifySteering(secret: Uint8Array, field: SteeringField, value: unknown, clientId: number, proof: unknown, now: number): boolean {
  const { at, mac } = (proof && typeof proof === 'object' ? proof : {}) as { at?: unknown; mac?: unknown };
  if (typeof at !== 'number' || !Number.isSafeInteger(at) || typeof mac !== 'string' || !/^[0-9a-f]{64}$/.test(mac)) return false;
  if (Math.abs(now - at) > PROOF_MAX_AGE_MS) return false;
  const expected = signed(secret, field, value, clientId, at);
  // Compare every character, so the time taken does not say how much matched.
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ mac.charCodeAt(i);
  return difference === 0;
}

/** Whether a field's value asks anything of other screens (absent, null and false ask nothing). */
export function steers(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false;
}

/**
 * Awareness states with every unproven steering field taken out (set to null), others' states only;
 * `secret` null (a viewer, who holds no key) trusts what arrives. Everything else in a state is kept.
 */
export function provenSteeringOnly(states: Map<number, unknown>, secret: Uint8Array | null, selfId: number, now: number): Map<number, unknown> {
  if (!secret) return states;
  const result = new Map<number, unknown>();
  for (const [clientId, raw] of states) {
    if (clientId === selfId || !raw || typeof raw !== 'object') {
      result.set(clientId, raw);
      continue;
    }
    const state = raw as Record<string, unknown>;
    const proofs = (state.proofs && typeof state.proofs === 'object' ? state.proofs : {}) as Record<string, unknown>;
    const unproven = STEERING_FIELDS.filter((field) => steers(state[field]) && !verifySteering(secret, field, state[field], clientId, proofs[field], now));
    result.set(clientId, unproven.length === 0 ? state : { ...state, ...Object.fromEntries(unproven.map((field) => [field, null])) });
  }
  return result;
}

/** Fresh proofs for whatever in my state steers (fields that steer nothing need none). */
export function proofsFor(secret: Uint8Array, state: Record<string, unknown>, clientId: number, now: number): Record<string, SteeringProof> {
  const proofs: Record<string, SteeringProof> = {};
  for (const field of STEERING_FIELDS) {
    if (steers(state[field])) proofs[field] = proveSteering(secret, field, state[field], clientId, now);
  }
  return proofs;
}
