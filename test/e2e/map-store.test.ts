// Issue 14, a stored county map in real Chromium's IndexedDB: a map y-indexeddb kept as one big update
// (as every studio before this one stored it) opens, and is kept from then on as bounded slices; a
// store grown by hundreds of edits is compacted, in the store worker, without losing one of them.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import { createMapDoc } from '../../src/model/doc.ts';
import { readMapFile } from '../../src/model/snapshot.ts';
import { syntheticMap } from '../../src/model/synthetic.ts';
import { COMPACT_AFTER_RECORDS, MAX_RECORD_BYTES } from '../../src/persist/map-store.ts';
import { getMap, launchStudio, waitForCanvas } from '../support/studio-page.ts';

/** The byte sizes of the records stored for map `id`, read with IndexedDB's own API. */
const storedRecords = (page: Page, id: string): Promise<number[]> =>
  page.evaluate(
    (name) =>
      new Promise<number[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('updates', 'readonly').objectStore('updates').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as Uint8Array[]).map((update) => update.length));
          };
          request.onerror = () => reject(request.error);
        };
      }),
    `pathways-map:${id}`,
  );

const shownMapId = (page: Page) => decodeURIComponent(new URL(page.url()).hash.replace('#map=', ''));

describe('maps stored in this browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await launchStudio(inject('baseUrl')));
    page.on('pageerror', (error) => {
      throw error;
    });
  });
  afterAll(async () => browser?.close());

  it('opens a map y-indexeddb stored as one update, and keeps it as bounded slices', async () => {
    const map = syntheticMap(800);
    const legacy = Y.encodeStateAsUpdate(createMapDoc(map));
    expect(legacy.length).toBeGreaterThan(MAX_RECORD_BYTES);
    // Written as y-indexeddb wrote it: its two stores, an empty first state, then the whole map in one record.
    await page.evaluate(
      ({ bytes, title, nodeCount }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('pathways-map:map-legacy', 1);
          open.onupgradeneeded = () => {
            open.result.createObjectStore('updates', { autoIncrement: true });
            open.result.createObjectStore('custom');
          };
          open.onsuccess = () => {
            const transaction = open.result.transaction('updates', 'readwrite');
            transaction.objectStore('updates').add(new Uint8Array([0, 0]));
            transaction.objectStore('updates').add(Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0)));
            transaction.oncomplete = () => {
              open.result.close();
              const catalog = JSON.parse(localStorage.getItem('pathways:catalog') ?? '[]');
              localStorage.setItem('pathways:catalog', JSON.stringify([{ id: 'map-legacy', title, createdAt: 1, updatedAt: 1, nodeCount }, ...catalog]));
              resolve();
            };
            transaction.onerror = () => reject(transaction.error);
          };
        }),
      { bytes: Buffer.from(legacy).toString('base64'), title: map.meta.title, nodeCount: map.nodes.length },
    );
    await page.goto(new URL('#map=map-legacy', page.url()).href);
    await page.reload();
    await page.evaluate(() => window.pathways.ready);
    await waitForCanvas(page);
    expect(await getMap(page)).toEqual(readMapFile(createMapDoc(map)));
    const sizes = await storedRecords(page, 'map-legacy');
    expect(sizes.length).toBeGreaterThan(2);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_RECORD_BYTES);
  });

  it('compacts a store grown by hundreds of edits, keeping every edit', async () => {
    const id = shownMapId(page);
    const program = (await getMap(page)).nodes.find((node) => node.type === 'program')!;
    const recordsBefore = (await storedRecords(page, id)).length;
    // Each edit is a transaction of its own, so a record of its own.
    await page.evaluate(
      ({ nodeId, edits }) => {
        for (let i = 1; i <= edits; i++) window.pathways.updateNode(nodeId, { label: `Renamed ${i} times` });
      },
      { nodeId: program.id, edits: COMPACT_AFTER_RECORDS + 20 },
    );
    const grown = (await storedRecords(page, id)).length;
    expect(grown).toBeGreaterThanOrEqual(recordsBefore + COMPACT_AFTER_RECORDS);
    // Once the edits have been quiet a while, the worker compacts the store.
    await page.waitForFunction(
      ({ name, under }) =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => {
            const request = open.result.transaction('updates', 'readonly').objectStore('updates').count();
            request.onsuccess = () => {
              open.result.close();
              resolve(request.result < under);
            };
          };
        }),
      { name: `pathways-map:${id}`, under: grown / 4 },
      { timeout: 30_000, polling: 250 },
    );
    const shown = await getMap(page);
    await page.reload();
    await page.evaluate(() => window.pathways.ready);
    await waitForCanvas(page);
    expect(await getMap(page)).toEqual(shown);
    expect((await getMap(page)).nodes.find((node) => node.id === program.id)!.label).toBe(`Renamed ${COMPACT_AFTER_RECORDS + 20} times`);
  });
});
