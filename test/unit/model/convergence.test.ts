// Seeded fuzz of live co-editing: five in-memory peers make random edits, deletes, undos and redos, and
// load whole maps a slice at a time (map-load.ts); updates arrive in random order, peers drop off and come back. After everything is delivered every
// peer must hold the identical map, and that map must be schema-valid. A seed that ever fails is
// pinned below as a named test so it can never regress.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createMapDoc } from '../../../src/model/doc.ts';
import { StagedLoad } from '../../../src/model/map-load.ts';
import { addEdge, addNode, ModelError, removeEdges, removeNodes, setPositions, updateEdge, updateNode } from '../../../src/model/mutations.ts';
import { readMapFile, SnapshotProjector } from '../../../src/model/snapshot.ts';
import { createUndoManager } from '../../../src/model/undo.ts';
import { validateMap } from '../../../src/model/validate.ts';
import { seededRandom } from '../../../src/model/random.ts';
import { smallMap } from '../../fixtures/small-map.ts';

const REMOTE = 'remote';

interface Peer {
  doc: Y.Doc;
  undo: Y.UndoManager;
  online: boolean;
  /** Incremental, as the studio keeps it. */
  projector: SnapshotProjector;
  /** A whole map this peer is writing a slice at a time. */
  loading?: StagedLoad;
}

function runSession(seed: number, peerCount = 5, steps = 400): Peer[] {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T | undefined => items[Math.floor(random() * items.length)];
  const base = createMapDoc(smallMap());
  const peers: Peer[] = Array.from({ length: peerCount }, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(base), REMOTE);
    return { doc, undo: createUndoManager(doc), online: true, projector: new SnapshotProjector(doc) };
  });
  // inbox[to] holds updates not yet delivered to that peer, from anyone.
  const inbox: Uint8Array[][] = peers.map(() => []);
  peers.forEach((peer, from) =>
    peer.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE || !peer.online) return;
      peers.forEach((_, to) => to !== from && inbox[to].push(update));
    }),
  );
  const ids = (peer: Peer, kind: 'program' | 'edge') => {
    const map = readMapFile(peer.doc);
    return kind === 'edge' ? map.edges.map((e) => e.id) : map.nodes.filter((n) => n.type === 'program').map((n) => n.id);
  };
  const resync = (a: Peer, b: Peer) => {
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)), REMOTE);
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)), REMOTE);
  };

  for (let step = 0; step < steps; step++) {
    const roll = random();
    const index = Math.floor(random() * peers.length);
    const peer = peers[index];
    try {
      if (roll < 0.45) {
        const op = Math.floor(random() * 10);
        const programs = ids(peer, 'program');
        const edges = ids(peer, 'edge');
        if (op === 0) addNode(peer.doc, { type: 'program', label: `P${step}`, lifeStages: ['k12'] });
        else if (op === 1 && programs.length) updateNode(peer.doc, pick(programs)!, { label: `L${step}`, capacity: Math.floor(random() * 500) });
        else if (op === 2 && programs.length) removeNodes(peer.doc, [pick(programs)!]);
        else if (op === 3 && programs.length > 1) addEdge(peer.doc, { type: 'referral', source: pick(programs)!, target: pick(programs)!, status: 'active' });
        else if (op === 4 && edges.length) removeEdges(peer.doc, [pick(edges)!]);
        else if (op === 5 && edges.length) updateEdge(peer.doc, pick(edges)!, { volume: Math.floor(random() * 50) });
        else if (op === 6 && programs.length) setPositions(peer.doc, { [pick(programs)!]: { x: step, y: -step } });
        else if (op === 7) (random() < 0.6 ? peer.undo.undo() : peer.undo.redo());
        else if (op === 8 && !peer.loading && random() < 0.3) {
          // The map as this peer sees it, with a program of its own: a load shown replaces edits made meanwhile, and
          // the map at the end must still come from this session (checked by its labels).
          const map = readMapFile(peer.doc);
          const marker = { id: `loaded-${step}`, type: 'program' as const, label: `P${step}`, lifeStages: ['k12'] };
          peer.loading = new StagedLoad(peer.doc, { ...map, meta: { ...map.meta, title: `Loaded ${step}` }, nodes: [...map.nodes, marker] }, { undoable: random() < 0.5 });
        } else if (op === 9 && peer.loading) {
          const load = peer.loading;
          let left = 1 + Math.floor(random() * 12);
          if (load.step(() => --left <= 0) && !load.cancelled) {
            load.show();
            peer.loading = undefined;
          } else if (load.cancelled) peer.loading = undefined;
        }
      } else if (roll < 0.9) {
        // Deliver one pending update to this peer, not necessarily the oldest.
        if (peer.online && inbox[index].length) {
          const [update] = inbox[index].splice(Math.floor(random() * inbox[index].length), 1);
          Y.applyUpdate(peer.doc, update, REMOTE);
        }
      } else if (peer.online) {
        peer.online = false;
      } else {
        // Back online: catch up with someone online, both ways, as a provider's sync step does.
        peer.online = true;
        const other = pick(peers.filter((p) => p !== peer && p.online));
        if (other) resync(peer, other);
      }
    } catch (error) {
      // A refused mutation (e.g. a referral from a program to itself) writes nothing: fine.
      if (!(error instanceof ModelError)) throw error;
    }
  }
  // Flush: everyone online, every message delivered, then a full sync round.
  for (const peer of peers) peer.online = true;
  peers.forEach((peer, i) => inbox[i].splice(0).forEach((u) => Y.applyUpdate(peer.doc, u, REMOTE)));
  for (const a of peers) for (const b of peers) if (a !== b) resync(a, b);
  return peers;
}

/** The whole map, in order: peers must agree on the order of entries too (it decides the layout). */
const content = (doc: Y.Doc) => readMapFile(doc);

function expectConverged(peers: Peer[]) {
  const maps = peers.map((p) => content(p.doc));
  // What each screen shows (the incremental projection) is what a fresh projection gives.
  peers.forEach((p, i) => expect(p.projector.snapshot.map).toEqual(maps[i]));
  for (const map of maps.slice(1)) expect(map).toEqual(maps[0]);
  // The session really edited the map: peers' new or renamed programs survive in it, or it is a map a peer
  // loaded (whose programs later edits may have removed).
  expect(maps[0].nodes.some((n) => /^[PL]\d+$/.test(n.label)) || /^Loaded \d+$/.test(maps[0].meta.title)).toBe(true);
  expect(validateMap(JSON.parse(JSON.stringify(maps[0]))).problems).toEqual([]);
}

describe('sync convergence (seeded fuzz)', () => {
  for (let seed = 1; seed <= 12; seed++) {
    it(`seed ${seed}: five peers converge on one valid map`, () => expectConverged(runSession(seed)));
  }
  it('a long session with more peers converges too', () => expectConverged(runSession(99, 8, 1200)));
});
