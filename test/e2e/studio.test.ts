// Issue 2, as a new user meets it: first start opens the demo; add a program, draw a referral, edit
// it, undo, reload and find it persisted, export then import the same map; bad files replace nothing.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getMap, launchStudio, waitForCanvas } from '../support/studio-page.ts';

/** Two animation frames: whatever the last input started has been drawn. */
const nextFrames = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/** Waits until a node is drawn at the same place on two consecutive frames (a viewport animation ended). */
async function waitForStill(page: Page, id: string): Promise<void> {
  await page.waitForFunction(async (nodeId) => {
    const at = () => JSON.stringify(window.pathways.nodeScreenPosition(nodeId));
    const before = at();
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return before === at();
  }, id);
}

describe('the studio in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await launchStudio(inject('baseUrl')));
  });
  afterAll(async () => browser?.close());

  it('opens the demo map on a first start', async () => {
    await expect(page.getByTestId('map-title').textContent()).resolves.toBe('Harbor County Cradle-to-Career');
    const map = await getMap(page);
    expect(map.nodes.filter((n) => n.type === 'program').length).toBeGreaterThanOrEqual(80);
    expect(page.url()).toMatch(/#map=map-/);
    // With nothing selected, the inspector sums the map up: each figure counts its own kind.
    const figures = await page.locator('.stats > div').evaluateAll((rows) => rows.map((row) => [row.querySelector('dt')!.textContent, Number(row.querySelector('dd')!.textContent)]));
    const ofType = (list: { type: string }[], type: string) => list.filter((e) => e.type === type).length;
    expect(figures).toEqual([
      ['Organizations', ofType(map.nodes, 'organization')],
      ['Programs', ofType(map.nodes, 'program')],
      ['Referrals', ofType(map.edges, 'referral')],
      ['Partnerships', ofType(map.edges, 'partnership')],
      ['Funding ties', ofType(map.edges, 'funding')],
      ['Data sharing', ofType(map.edges, 'data-sharing')],
    ]);
  });

  it('adds a program from the toolbar and names it in the inspector', async () => {
    await page.getByRole('button', { name: '+ Program' }).click();
    await expect(page.getByTestId('inspector-title').textContent()).resolves.toBe('New program');
    const name = page.getByLabel('Name', { exact: true });
    await name.fill('Harbor Test Navigators');
    await name.press('Enter');
    await page.waitForFunction(() => window.pathways.getMap().nodes.some((n) => n.label === 'Harbor Test Navigators'));
    const program = (await getMap(page)).nodes.find((n) => n.label === 'Harbor Test Navigators')!;
    expect(program.type).toBe('program');
  });

  it('draws a referral by dragging between two programs, then edits it in the inspector', async () => {
    const map = await getMap(page);
    const source = map.nodes.find((n) => n.label === 'Harbor Test Navigators')!.id;
    await page.getByRole('button', { name: /Draw ties/ }).click();
    await page.evaluate(() => window.pathways.select([]));
    await waitForStill(page, source); // the new program was framed: wait until the animation ends
    const from = (await page.evaluate((id) => window.pathways.nodeScreenPosition(id), source))!;
    const to = (await page.evaluate(() => window.pathways.nodeScreenPosition('job-center')))!;
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 12, from.y + ((to.y - from.y) * i) / 12);
    await nextFrames(page); // the pointer reaches the target before the button is released
    await page.mouse.up();
    await page.getByRole('menuitem', { name: /Referral/ }).click();
    await page.getByRole('button', { name: /Draw ties/ }).click();
    const referral = (await getMap(page)).edges.find((e) => e.source === source && e.target === 'job-center')!;
    expect(referral).toMatchObject({ type: 'referral', status: 'active' });
    expect(await page.evaluate(() => window.pathways.selection())).toEqual([referral.id]);

    // Each committed field is its own undo step, however quickly the next one follows (no capture window to wait out).
    await page.getByLabel('Status').selectOption('informal');
    const volume = page.getByLabel(/Volume/);
    await volume.fill('-3');
    await volume.press('Enter');
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/Volume must be a whole number of at least 0/);
    await volume.fill('25');
    await volume.press('Enter');
    await page.waitForFunction((id) => window.pathways.getMap().edges.find((e) => e.id === id)?.volume === 25, referral.id);
    expect((await getMap(page)).edges.find((e) => e.id === referral.id)).toMatchObject({ status: 'informal', volume: 25 });

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    const undone = (await getMap(page)).edges.find((e) => e.id === referral.id)!;
    expect(undone.volume).toBeUndefined();
    expect(undone.status).toBe('informal');
    await page.keyboard.press('Control+z');
    expect((await getMap(page)).edges.find((e) => e.id === referral.id)!.status).toBe('active');
    await page.keyboard.press('Control+Shift+z');
    expect((await getMap(page)).edges.find((e) => e.id === referral.id)!.status).toBe('informal');
  });

  it('finds everything again after a reload (IndexedDB)', async () => {
    const before = await getMap(page);
    await page.reload();
    await page.evaluate(() => window.pathways.ready);
    await waitForCanvas(page);
    expect(await getMap(page)).toEqual(before);
    expect(before.nodes.some((n) => n.label === 'Harbor Test Navigators')).toBe(true);
    // An edit after the reopen is stored too (the store listens again once the stored map is applied): a
    // second tab opening the same map finds it.
    const program = before.nodes.find((n) => n.label === 'Harbor Test Navigators')!;
    await page.evaluate((id) => window.pathways.updateNode(id, { label: 'Harbor Navigators, reopened' }), program.id);
    const second = await page.context().newPage();
    await second.goto(page.url());
    await second.evaluate(() => window.pathways.ready);
    await second.waitForFunction((id) => window.pathways.getMap().nodes.find((n) => n.id === id)?.label === 'Harbor Navigators, reopened', program.id);
    await second.close();
    await page.evaluate((id) => window.pathways.updateNode(id, { label: 'Harbor Test Navigators' }), program.id);
  });

  it('exports JSON and opens it again as the same map', async () => {
    const before = await getMap(page);
    await page.getByRole('button', { name: 'Export' }).click(); // the "Export ▾" menu (issue 6)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported).toEqual(before);
    await page.evaluate(() => window.pathways.removeNode('job-center'));
    expect((await getMap(page)).nodes.some((n) => n.id === 'job-center')).toBe(false);
    await page.getByTestId('open-file').setInputFiles({ name: 'harbor.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await page.waitForFunction(() => window.pathways.getMap().nodes.some((n) => n.id === 'job-center'));
    expect(await getMap(page)).toEqual(before);
  });

  it('shows an invalid file’s problems and replaces nothing', async () => {
    const before = await getMap(page);
    const bad = { ...before, edges: [...before.edges, { id: 'x1', type: 'referral', source: 'prenatal-clinic', target: 'P99' }] };
    await page.getByTestId('open-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const problems = page.getByTestId('file-problems');
    await expect(problems.textContent()).resolves.toContain(`broken.json: edges[${before.edges.length}].target: no node "P99"`);
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('open-file').setInputFiles({ name: 'notjson.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') });
    await expect(problems.textContent()).resolves.toMatch(/notjson\.json: not JSON/);
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await getMap(page)).toEqual(before);
  });

  it('scripting API: loadMap validates and throws with the problems, changing nothing', async () => {
    const before = await getMap(page);
    const message = await page.evaluate(() => {
      try {
        window.pathways.loadMap({ format: 'pathways-map', version: 1, meta: { title: 'x' }, nodes: [{ id: 'a', type: 'program', label: 'x'.repeat(10_000) }], edges: [] });
        return 'no error';
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(message).toMatch(/nodes\[0\]\.label: is 10000 characters long; the limit is 200/);
    expect(await getMap(page)).toEqual(before);
    const id = await page.evaluate(() => window.pathways.addNode({ type: 'organization', label: 'Scripted Org', sector: 'business' }));
    expect((await getMap(page)).nodes.find((n) => n.id === id)).toMatchObject({ label: 'Scripted Org', sector: 'business' });
    await page.evaluate(() => window.pathways.undo());
    expect((await getMap(page)).nodes.some((n) => n.id === id)).toBe(false);
    await page.evaluate(() => window.pathways.redo());
    expect((await getMap(page)).nodes.some((n) => n.id === id)).toBe(true);
  });

  it('arranges the network again on request, writing the new arrangement to the map; one undo takes it back', async () => {
    const allPlaced = () => page.waitForFunction(() => { const map = window.pathways.getMap(); return map.nodes.every((n) => map.positions[n.id]); }, undefined, { timeout: 30_000 });
    // The demo was never arranged as a network: the first arrangement is written when its layout stops.
    await page.getByRole('radio', { name: 'Network' }).click();
    await allPlaced();
    const first = (await getMap(page)).positions;
    await page.getByRole('button', { name: 'Arrange again' }).click();
    await page.waitForFunction((before) => JSON.stringify(window.pathways.getMap().positions) !== before, JSON.stringify(first), { timeout: 30_000 });
    expect(Object.keys((await getMap(page)).positions).sort()).toEqual(Object.keys(first).sort());
    await page.evaluate(() => window.pathways.undo());
    expect((await getMap(page)).positions).toEqual(first);
    await page.getByRole('radio', { name: 'Life-stage lanes' }).click();
  });
});
