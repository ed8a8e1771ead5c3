// Issue 17 in Chromium: take versions at two convenings, look back at the first read-only, compare it
// with now on the canvas and in words, print the change report, see who changed an element, restore
// the first version and undo it.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { getMap, launchStudio, openStudio, waitForCanvas } from '../support/studio-page.ts';
import type { PathwaysMap } from '../../src/model/types.ts';

const shots = process.env.TMPDIR ?? '.tmp';
const sortById = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
const content = (map: PathwaysMap) => JSON.stringify({ nodes: sortById(map.nodes), edges: sortById(map.edges), meta: map.meta });

describe('versions and history in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let baseline: PathwaysMap;

  beforeAll(async () => {
    ({ browser, page } = await launchStudio(inject('baseUrl')));
    // The name this browser signs its edits with (as the room's name card would set it).
    await page.evaluate(() => localStorage.setItem('pathways:name', 'Ana Ruiz'));
    await page.getByRole('tab', { name: 'History' }).click();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('takes a version from the panel; a bad label is named', async () => {
    const panel = page.getByRole('tabpanel');
    await panel.getByRole('button', { name: 'Take version' }).click();
    await panel.getByText('Label must not be empty').waitFor();
    await panel.getByLabel('Take a version').fill('Baseline, convening 1');
    await panel.getByRole('button', { name: 'Take version' }).click();
    await panel.getByTestId('versions').getByText('Baseline, convening 1').waitFor();
    const versions = await page.evaluate(() => window.pathways.versions());
    expect(versions).toMatchObject([{ label: 'Baseline, convening 1', by: 'Ana Ruiz', stored: 'content' }]);
    baseline = await getMap(page);
  });

  it('a later version stores only the changes', async () => {
    await page.evaluate(() => {
      window.pathways.updateNode('nurse-home-visits', { status: 'active', capacity: 300 });
      window.pathways.removeNode('wic');
      window.pathways.addNode({ id: 'doula-network', type: 'program', label: 'Community Doula Network', lifeStages: ['prenatal-birth'], organization: 'family-health', status: 'active' });
      window.pathways.addEdge({ type: 'referral', source: 'doula-network', target: 'birthing-center', status: 'active' });
    });
    await page.getByRole('tabpanel').getByLabel('Take a version').fill('Convening 3');
    await page.getByRole('tabpanel').getByRole('button', { name: 'Take version' }).click();
    await page.getByRole('tabpanel').getByTestId('versions').getByText('Convening 3').waitFor();
    expect((await page.evaluate(() => window.pathways.versions())).map((v) => v.stored)).toEqual(['content', 'changes']);
    // The demo's shared outcomes, charted across the versions and now.
    const chart = page.getByRole('tabpanel').getByTestId('outcomes-over-time');
    await page.getByRole('tabpanel').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.screenshot({ path: `${shots}/history-panel.png` });
    expect(await chart.getByRole('img').first().getAttribute('aria-label')).toMatch(/Baseline, convening 1 [\d.]+, Convening 3 [\d.]+, Now [\d.]+; target/);
  });

  it('views the first version read-only, with a banner and one click back to now', async () => {
    await page.getByRole('button', { name: 'View Baseline, convening 1' }).click();
    const banner = page.getByTestId('past-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/Viewing Baseline, convening 1 — .*read-only/);
    // The canvas shows the map as it was: WIC is back, the doula network is not there yet.
    await page.waitForFunction(() => window.pathways.nodeScreenPosition('wic') !== null);
    expect(await page.evaluate(() => window.pathways.nodeScreenPosition('doula-network'))).toBeNull();
    await page.screenshot({ path: `${shots}/history-viewing.png` });
    await banner.getByRole('button', { name: 'Back to now' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.waitForFunction(() => window.pathways.nodeScreenPosition('doula-network') !== null);
  });

  it('while viewing a version the inspector shows the selected element as it was then, every field disabled', async () => {
    const was = baseline.nodes.find((n) => n.id === 'nurse-home-visits') as Extract<PathwaysMap['nodes'][number], { type: 'program' }>;
    const now = (await getMap(page)).nodes.find((n) => n.id === 'nurse-home-visits') as typeof was;
    // The version and now differ in the fields checked, so the old values cannot come from the live map.
    expect([was.capacity, was.status]).not.toEqual([now.capacity, now.status]);
    await page.getByRole('button', { name: 'View Baseline, convening 1' }).click();
    await page.getByTestId('past-banner').waitFor();
    await page.evaluate(() => window.pathways.select(['nurse-home-visits']));
    await page.getByRole('tab', { name: 'Inspect' }).click();
    const panel = page.getByRole('tabpanel');
    const note = panel.getByTestId('past-inspector-note');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/As it was in “Baseline, convening 1” — .*Read-only/);
    expect(await panel.getByTestId('inspector-title').textContent()).toBe(was.label);
    const capacity = panel.getByLabel('Capacity');
    expect(await capacity.inputValue()).toBe(String(was.capacity));
    expect(await capacity.isDisabled()).toBe(true);
    expect(await panel.getByLabel('Status').inputValue()).toBe(was.status);
    expect(await panel.getByLabel('Name').isEditable()).toBe(false);
    // Nothing in the panel takes an edit: every control is disabled, and nothing deletes or shows live history.
    const enabled = await panel.locator('input:enabled, select:enabled, textarea:enabled, button:enabled').count();
    expect(enabled).toBe(0);
    expect(await panel.getByRole('button', { name: /^Delete/ }).count()).toBe(0);
    expect(await panel.getByTestId('element-history').count()).toBe(0);
    await page.screenshot({ path: `${shots}/history-viewing-inspector.png` });
    // An element removed since is there too, as it was.
    const wic = baseline.nodes.find((n) => n.id === 'wic')!;
    await page.evaluate(() => window.pathways.select(['wic']));
    await panel.getByTestId('inspector-title').getByText(wic.label).waitFor();
    // Back to now: the same element is editable again, with today's values.
    await page.getByTestId('past-banner').getByRole('button', { name: 'Back to now' }).click();
    await page.evaluate(() => window.pathways.select(['nurse-home-visits']));
    await panel.getByTestId('inspector-title').getByText(was.label).waitFor();
    expect(await panel.getByTestId('past-inspector-note').count()).toBe(0);
    expect(await panel.getByLabel('Capacity').inputValue()).toBe(String(now.capacity));
    expect(await panel.getByLabel('Capacity').isEditable()).toBe(true);
    await page.evaluate(() => window.pathways.select([]));
    await page.getByRole('tab', { name: 'History' }).click();
  });

  it('compares the first version with now: listed, drawn with a legend, and printable on one page', async () => {
    const panel = page.getByRole('tabpanel');
    await panel.getByRole('button', { name: 'Compare Baseline, convening 1 with now' }).click();
    const summary = panel.getByTestId('change-summary');
    await summary.waitFor({ timeout: 30_000 });
    // WIC went with each of its ties; the doula network came with one referral; home visiting changed.
    const wicTies = baseline.edges.filter((e) => e.source === 'wic' || e.target === 'wic').length;
    expect(await summary.textContent()).toContain(`+2 added · −${1 + wicTies} removed · 1 changed`);
    expect(await summary.textContent()).toContain('Community Doula Network');
    expect(await summary.textContent()).toMatch(/Nurse-Family Home Visiting: capacity, status/);
    const banner = page.getByTestId('past-banner');
    expect(await banner.textContent()).toMatch(/Comparing Baseline, convening 1 → Now/);
    expect(await banner.getByRole('list', { name: 'Legend' }).textContent()).toMatch(/Added.*Changed.*Removed/);
    // Removed elements are drawn where they were, beside the added ones.
    expect(await page.evaluate(() => window.pathways.nodeScreenPosition('wic'))).not.toBeNull();
    expect(await page.evaluate(() => window.pathways.nodeScreenPosition('doula-network'))).not.toBeNull();
    await page.screenshot({ path: `${shots}/history-compare.png` });
    await panel.getByRole('button', { name: 'Change report' }).click();
    const report = page.getByTestId('change-report');
    await report.waitFor();
    expect(await report.textContent()).toMatch(/Who did the work.*Ana Ruiz/s);
    await report.screenshot({ path: `${shots}/history-report.png` });
    await page.emulateMedia({ media: 'print' });
    const height = await report.evaluate((el) => el.getBoundingClientRect().height);
    await page.emulateMedia({ media: 'screen' });
    // One A4 page: 297 mm less the margins, at 96 px per inch.
    expect(height).toBeLessThan(((297 - 24) / 25.4) * 96);
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('past-banner').getByRole('button', { name: 'Back to now' }).click();
  });

  it('the inspector names who changed an element; "select their changes" selects them', async () => {
    await page.evaluate(() => window.pathways.select(['nurse-home-visits']));
    await page.getByRole('tab', { name: 'Inspect' }).click();
    const history = page.getByTestId('element-history');
    await history.waitFor();
    expect(await history.textContent()).toMatch(/Ana Ruiz changed capacity, status/);
    await history.getByRole('button', { name: 'Ana Ruiz' }).first().click();
    expect((await page.evaluate(() => window.pathways.selection())).sort()).toEqual(expect.arrayContaining(['doula-network', 'nurse-home-visits']));
  });

  it('restores the first version (confirmed) as one change that undo takes back', async () => {
    const before = await getMap(page);
    await page.getByRole('tab', { name: 'History' }).click();
    const panel = page.getByRole('tabpanel');
    await panel.getByRole('button', { name: 'Restore Baseline, convening 1' }).click();
    await panel.getByRole('alertdialog', { name: 'Confirm restore' }).getByRole('button', { name: 'Restore' }).click();
    await panel.getByText(/Restored “Baseline, convening 1”/).waitFor();
    expect(content(await getMap(page))).toBe(content(baseline));
    await page.evaluate(() => window.pathways.undo());
    expect(content(await getMap(page))).toBe(content(before));
  });

  it('compares now with a map file; a bad file is named with its problems', async () => {
    const panel = page.getByRole('tabpanel');
    const older = { ...baseline, versions: undefined, nodes: baseline.nodes.filter((n) => n.id !== 'promotoras'), edges: baseline.edges.filter((e) => e.source !== 'promotoras' && e.target !== 'promotoras') };
    await panel.getByLabel('Compare now with a map file…').setInputFiles({ name: 'march.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(older)) });
    await page.getByTestId('past-banner').getByText('Comparing march.json → Now').waitFor({ timeout: 30_000 });
    expect(await panel.getByTestId('change-summary').textContent()).toContain('Promotoras de Salud');
    const broken = { ...older, edges: [{ id: 'x', type: 'referral', source: 'nowhere', target: 'wic' }] };
    await panel.getByLabel('Compare now with a map file…').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    expect(await panel.getByRole('alert').textContent()).toContain('broken.json: edges[0].source: no node "nowhere"');
    await page.getByTestId('past-banner').getByRole('button', { name: 'Back to now' }).click();
  });

  it('opening another map leaves the past view: the versions now are that map\'s', async () => {
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByRole('button', { name: 'View Baseline, convening 1' }).click();
    await page.getByTestId('past-banner').waitFor();
    await page.evaluate((map) => window.pathways.loadMap({ ...map, versions: undefined }), baseline);
    await page.getByTestId('past-banner').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => window.pathways.versions())).toEqual([]);
  });
});

describe('who changed what, from two browsers in one room', () => {
  let first: Browser;
  let second: Browser;
  let ana: Page;
  let ben: Page;

  beforeAll(async () => {
    [first, second] = await Promise.all([launchBrowser(), launchBrowser()]);
    ana = await openStudio(first, inject('baseUrl'));
    await waitForCanvas(ana);
    await ana.evaluate(() => localStorage.setItem('pathways:name', 'Ana Ruiz'));
    const url = await ana.evaluate(() => window.pathways.share());
    ben = await openStudio(second, url!);
    await ben.evaluate(() => localStorage.setItem('pathways:name', 'Ben Okafor'));
    await ben.waitForFunction(() => window.pathways.getMap().nodes.length > 100, undefined, { timeout: 30_000 });
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  it('names the right person for each edit, on both screens, and shares versions', async () => {
    await ana.evaluate(() => window.pathways.updateNode('prenatal-clinic', { capacity: 640 }));
    await ben.waitForFunction(() => window.pathways.getMap().nodes.find((n) => n.id === 'prenatal-clinic')?.capacity === 640, undefined, { timeout: 20_000 });
    await ben.evaluate(() => window.pathways.updateNode('prenatal-clinic', { label: 'Prenatal Care Clinic (Eastside)' }));
    await ben.evaluate(() => window.pathways.takeVersion('Ben’s checkpoint'));
    await ana.waitForFunction(() => window.pathways.versions().some((v) => v.by === 'Ben Okafor') && window.pathways.changesOf('prenatal-clinic').length === 2, undefined, { timeout: 20_000 });
    for (const page of [ana, ben]) {
      const entries = await page.evaluate(() => window.pathways.changesOf('prenatal-clinic'));
      expect(entries.map((e) => [e.by, e.fields])).toEqual(expect.arrayContaining([['Ana Ruiz', ['capacity']], ['Ben Okafor', ['label']]]));
    }
    // Ana's inspector says who did what.
    await ana.evaluate(() => window.pathways.select(['prenatal-clinic']));
    await ana.getByRole('tab', { name: 'Inspect' }).click();
    const history = ana.getByTestId('element-history');
    await history.waitFor();
    expect(await history.textContent()).toMatch(/Ben Okafor changed label.*Ana Ruiz changed capacity/s);
  });

  it('when Ben restores a version, Ana is told who restored what', async () => {
    const id = await ben.evaluate(() => window.pathways.versions().find((v) => v.label === 'Ben’s checkpoint')!.id);
    await ana.evaluate(() => window.pathways.updateNode('prenatal-clinic', { capacity: 700 }));
    await ben.waitForFunction(() => window.pathways.getMap().nodes.find((n) => n.id === 'prenatal-clinic')?.capacity === 700, undefined, { timeout: 20_000 });
    await ben.evaluate((versionId) => window.pathways.restoreVersion(versionId), id);
    const notice = ana.getByTestId('restored-notice');
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.textContent()).toContain('Ben Okafor restored “Ben’s checkpoint”');
    await ana.waitForFunction(() => window.pathways.getMap().nodes.find((n) => n.id === 'prenatal-clinic')?.capacity === 640);
    expect((await ana.evaluate(() => window.pathways.changesOf('prenatal-clinic')))[0]).toMatchObject({ by: 'Ben Okafor', action: 'restored', version: 'Ben’s checkpoint' });
  });
});
