// Versions and attribution reach every peer through the convening relay and survive its restart.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startServer, type RunningServer } from '../../../src/server/app-server.ts';
import { roomIdForToken, writeToken } from '../../../src/collab/room-link.ts';
import { createMapDoc, mapRoots } from '../../../src/model/doc.ts';
import { updateNode } from '../../../src/model/mutations.ts';
import { historyOf, setEditor } from '../../../src/model/attribution.ts';
import { findVersion, listVersions, takeVersion, versionMap } from '../../../src/history/versions.ts';
import { smallMap } from '../../fixtures/small-map.ts';
import { relayProvider, synced, until } from '../../support/relay-client.ts';

let server: RunningServer;
let dataDir: string;
const providers: WebsocketProvider[] = [];
const token = writeToken('facilitator-secret-123');

function connect(room: string, doc: Y.Doc, withToken: boolean): WebsocketProvider {
  const provider = relayProvider(server.url, room, doc, withToken ? token : null);
  providers.push(provider);
  return provider;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pathways-history-'));
  server = await startServer({ port: 0, distDir: dataDir, dataDir });
});
afterAll(async () => {
  for (const provider of providers) provider.destroy();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('versions taken at once by two editors reach everyone and survive a relay restart', async () => {
  const room = roomIdForToken(token); // a room owned by the facilitator's key
  const ana = createMapDoc(smallMap());
  setEditor(ana, () => 'Ana');
  await synced(connect(room, ana, true));
  const ben = new Y.Doc();
  setEditor(ben, () => 'Ben');
  await synced(connect(room, ben, true));
  await until(() => mapRoots(ben).nodes.size === 5, 'the map to reach Ben');
  // Both take a version in the same moment, each before seeing the other's.
  takeVersion(ana, 'Ana’s baseline'); // same tick: no message from the relay can arrive in between
  takeVersion(ben, 'Ben’s baseline');
  updateNode(ben, 'P2', { label: 'After school club' });
  const probe = new Y.Doc();
  await synced(connect(room, probe, false));
  await until(() => listVersions(probe).length === 2 && historyOf(probe, 'node:P2').length === 1, 'both versions and the edit at the relay');
  const expected = listVersions(probe);

  for (const p of providers.splice(0)) p.destroy();
  const port = server.port;
  await server.close();
  server = await startServer({ port, distDir: dataDir, dataDir });

  const after = new Y.Doc();
  await synced(connect(room, after, false));
  await until(() => listVersions(after).length === 2, 'the versions to come back');
  expect(listVersions(after)).toEqual(expected);
  expect(listVersions(after).map((v) => v.by).sort()).toEqual(['Ana', 'Ben']);
  for (const { id } of expected) {
    const { versions, version } = findVersion(after, id);
    expect(versionMap(versions, version).map!.nodes.find((n) => n.id === 'P2')!.label).toBe('After school');
  }
  expect(historyOf(after, 'node:P2')).toMatchObject([{ by: 'Ben', action: 'changed', fields: ['label'] }]);
  // …from the room's file on disk.
  const fromDisk = new Y.Doc();
  Y.applyUpdate(fromDisk, readFileSync(join(dataDir, `${room}.yjs`)));
  expect(listVersions(fromDisk)).toEqual(expected);
});
