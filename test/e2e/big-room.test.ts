// A big map shared peer to peer: its first sync is one ~2 MB message, over Chromium's 256 KiB data-channel
// limit. Before chunking (src/collab/chunks.ts) the second browser received presence but never the map;
// now it also arrives a slice per task (src/collab/sliced-sync.ts).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { syntheticMap } from '../../src/model/synthetic.ts';
import { launchBrowser } from '../support/browser.ts';
import { getMap, openStudio } from '../support/studio-page.ts';

describe('a 2,000-program map shared peer to peer', () => {
  let first: Browser;
  let second: Browser;
  beforeAll(async () => {
    [first, second] = await Promise.all([launchBrowser(), launchBrowser()]);
  });
  afterAll(async () => Promise.all([first?.close(), second?.close()]));

  it('arrives whole in the other browser process, and edits keep flowing', async () => {
    const map = syntheticMap(2000);
    const ana = await openStudio(first, inject('baseUrl'));
    await ana.evaluate((json) => window.pathways.loadMap(json), map);
    const url = await ana.evaluate(() => window.pathways.share());
    const ben = await openStudio(second, url!);
    await ben.waitForFunction((count) => window.pathways.getMap().nodes.length === count, map.nodes.length, { timeout: 60_000 });
    expect((await getMap(ben)).edges.length).toBe(map.edges.length);
    // The ~2 MB first sync was applied a slice per task (sliced-sync.ts), not in one.
    expect((await ben.evaluate(() => window.pathways.room()))!.slicedSyncs).toBeGreaterThanOrEqual(1);
    expect(await getMap(ben)).toEqual(await getMap(ana));
    const id = await ben.evaluate(() => window.pathways.addNode({ type: 'organization', label: 'After the big sync' }));
    await ana.waitForFunction((nodeId) => window.pathways.getMap().nodes.some((n) => n.id === nodeId), id, { timeout: 15_000 });

    // The room moves onto the convening relay; a newcomer joining there gets the map from the relay's
    // first sync, also a slice per task (relay-sync.ts).
    const relayUrl = await ana.evaluate(() => window.pathways.setRelay(true));
    expect(relayUrl).toMatch(/&relay=1$/);
    await ana.waitForFunction(() => window.pathways.room()?.signaling === true, undefined, { timeout: 15_000 });
    const cleo = await openStudio(second, relayUrl!);
    await cleo.waitForFunction((count) => window.pathways.getMap().nodes.length === count, map.nodes.length + 1, { timeout: 60_000 });
    expect((await cleo.evaluate(() => window.pathways.room()))!.slicedSyncs).toBeGreaterThanOrEqual(1);
    expect(await getMap(cleo)).toEqual(await getMap(ana));
  });
});
