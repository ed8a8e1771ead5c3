// A Yjs document as a list of bounded updates. y-indexeddb, like sync step 2, hands a stored map to
// the page as one update, applied in one task: ~0.2 s at 2,000 programs. Cut into slices in causal
// order, each applies in a few milliseconds in a task of its own, and none waits in Yjs's pending
// store for a later one. Pure: no DOM, run in the store's worker and in the tests.
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

type Struct = ReturnType<typeof Y.decodeUpdate>['structs'][number];
type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

/** Structs per slice: ~1–10 ms to apply in Node on the 2-core bench machine. */
export const SLICE_STRUCTS = 1500;
/** Bytes per slice: long texts make few structs weigh much (and reading a record costs by its bytes). */
export const SLICE_BYTES = 48 * 1024;
/**
 * The first slice's structs; each next one doubles, up to the bound. The first slices are applied before the
 * JIT has warmed up, at ~10× the cost: full slices made the first tasks of a county map's reopen 60 ms each.
 */
const FIRST_SLICE_STRUCTS = 100;
/** Deleted ranges per slice of the delete set. */
const SLICE_DELETES = 4000;

/**
 * The ids a struct needs integrated before it: its left and right origins and, for the first item
 * of a type, its parent. Same-client order is kept by the walk itself.
 */
function dependencies(struct: Struct): Y.ID[] {
  if (!(struct instanceof Y.Item)) return [];
  const ids: Y.ID[] = [];
  if (struct.origin) ids.push(struct.origin);
  if (struct.rightOrigin) ids.push(struct.rightOrigin);
  if (struct.parent instanceof Y.ID) ids.push(struct.parent);
  return ids;
}

/**
 * The structs in an order where each comes after everything it depends on, walking client by client
 * and detouring into another client's structs only as far as a dependency needs (as Yjs integrates).
 */
export function causalOrder(structs: Struct[]): Struct[] {
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    const list = byClient.get(struct.id.client);
    if (list) list.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  const next = new Map<number, number>([...byClient.keys()].map((client) => [client, 0]));
  /** A client whose structs up to `id` are not all out yet, or undefined when `id` is satisfied. */
  const waitingOn = (id: Y.ID): number | undefined => {
    const list = byClient.get(id.client);
    const pending = list?.[next.get(id.client)!];
    return pending && pending.id.clock <= id.clock ? id.client : undefined;
  };
  const ordered: Struct[] = [];
  for (const start of byClient.keys()) {
    const stack = [start];
    while (stack.length > 0) {
      const client = stack[stack.length - 1];
      const index = next.get(client)!;
      const struct = byClient.get(client)![index];
      if (!struct) {
        stack.pop();
        continue;
      }
      const blocker = dependencies(struct).map(waitingOn).find((c) => c !== undefined && c !== client);
      // A blocker already on the stack would be a cycle, which a valid document cannot hold: go on.
      if (blocker !== undefined && !stack.includes(blocker)) {
        stack.push(blocker);
        continue;
      }
      ordered.push(struct);
      next.set(client, index + 1);
      // A detour ends as soon as it has emitted something: the client waiting on it looks again.
      if (stack.length > 1) stack.pop();
    }
  }
  return ordered;
}

/** One update of consecutive structs per client (Yjs's update layout), with no deletions. */
function encodeStructs(structs: Struct[]): Uint8Array {
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    const list = byClient.get(struct.id.client);
    if (list) list.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, byClient.size);
  for (const [client, list] of byClient) {
    encoding.writeVarUint(encoder.restEncoder, list.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, list[0].id.clock);
    for (const struct of list) struct.write(encoder, 0);
  }
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}

/** Updates holding no structs and, together, every range of `ds`. */
function encodeDeletes(ds: DeleteSet): Uint8Array[] {
  const ranges = [...ds.clients].flatMap(([client, items]) => items.map((item) => ({ client, clock: item.clock, len: item.len })));
  const updates: Uint8Array[] = [];
  for (let from = 0; from < ranges.length; from += SLICE_DELETES) {
    const byClient = new Map<number, typeof ranges>();
    for (const range of ranges.slice(from, from + SLICE_DELETES)) {
      const list = byClient.get(range.client);
      if (list) list.push(range);
      else byClient.set(range.client, [range]);
    }
    const encoder = new Y.UpdateEncoderV1();
    encoding.writeVarUint(encoder.restEncoder, 0);
    encoding.writeVarUint(encoder.restEncoder, byClient.size);
    for (const [client, list] of byClient) {
      encoder.resetDsCurVal();
      encoding.writeVarUint(encoder.restEncoder, client);
      encoding.writeVarUint(encoder.restEncoder, list.length);
      for (const range of list) {
        encoder.writeDsClock(range.clock);
        encoder.writeDsLen(range.len);
      }
    }
    updates.push(encoder.toUint8Array());
  }
  return updates;
}

/**
 * `update` as updates of at most `maxStructs` structs (the first ones fewer) and `maxBytes` bytes each, in causal
 * order, then its deletions.
 * Applied in order to any document, they do what `update` does.
 */
export function sliceUpdate(update: Uint8Array, maxStructs = SLICE_STRUCTS, maxBytes = SLICE_BYTES): Uint8Array[] {
  const { structs, ds } = Y.decodeUpdate(update);
  const ordered = causalOrder(structs);
  const slices: Uint8Array[] = [];
  // Halved until it fits (a single struct past the bound is a slice of its own).
  const encodeBounded = (run: Struct[]): void => {
    const encoded = encodeStructs(run);
    if (encoded.length <= maxBytes || run.length === 1) slices.push(encoded);
    else {
      encodeBounded(run.slice(0, run.length >> 1));
      encodeBounded(run.slice(run.length >> 1));
    }
  };
  for (let from = 0, size = Math.min(FIRST_SLICE_STRUCTS, maxStructs); from < ordered.length; from += size, size = Math.min(size * 2, maxStructs)) {
    encodeBounded(ordered.slice(from, from + size));
  }
  return [...slices, ...encodeDeletes(ds)];
}

/**
 * Stored updates compacted: applied to a fresh document (which drops deleted content), then that
 * document's state sliced. What a store keeps instead of its history of small writes.
 */
export function compactUpdates(updates: Uint8Array[], maxStructs = SLICE_STRUCTS): Uint8Array[] {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  const state = Y.encodeStateAsUpdate(doc);
  // Structs still waiting for ones the store never held are not in the state: kept as they are.
  const { pendingStructs, pendingDs } = doc.store;
  const waiting = [pendingStructs?.update, pendingDs].filter((update): update is Uint8Array => !!update).map((update) => Y.convertUpdateFormatV2ToV1(update));
  doc.destroy();
  return [...sliceUpdate(state, maxStructs), ...waiting];
}
