// Issue 7 in real Chromium: build a view through the UI, present the saved views as slides with the
// clicker keys, open `#view=` and embed links, and let axe-core check the main screens.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { getMap, launchStudio, openStudio, waitForCanvas } from '../support/studio-page.ts';

const SHOTS = join(process.cwd(), '.test-results');

/** Two frames later: layout has run and resize observers (the canvas keeping its centre) have answered. */
/** The slide has faded in and the canvas has finished framing it (for screenshots). */
const afterTheFade = async (page: Page) => {
  await page.waitForFunction(() => !window.pathways.canvasMoving() && document.querySelector('[data-testid="presentation"]')!.getAnimations({ subtree: true }).every((a) => a.playState === 'finished'));
};
const afterResizeObservers = (page: Page) => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

describe('views and presentation in Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ browser, page } = await launchStudio(inject('baseUrl')));
    await page.waitForFunction(() => window.pathways.analysisStatus().runs > 0);
  });
  afterAll(async () => browser?.close());

  it('the studio has no serious or critical accessibility violation', async () => {
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('builds and saves a view through the editor, and the legend follows it', async () => {
    const before = (await getMap(page)).views.length;
    await page.getByRole('tab', { name: /Views/ }).click();
    await page.getByRole('button', { name: '+ Save current view' }).click();
    await page.getByLabel('Name').fill('Organizations by community');
    await page.getByLabel('Caption (shown on the slide)').fill('Each colour is a group of organizations that work closely together.');
    await page.getByLabel('Colour by').selectOption('community');
    await page.getByRole('group', { name: 'Node types' }).getByRole('button', { name: 'Organizations' }).click();
    await page.getByRole('button', { name: 'Save view' }).click();
    const views = (await getMap(page)).views;
    expect(views).toHaveLength(before + 1);
    const saved = views.at(-1)!;
    expect(saved).toMatchObject({ label: 'Organizations by community', colorBy: 'community', filter: { nodeTypes: ['organization'] } });
    const legend = page.getByRole('complementary', { name: 'Legend' });
    // Collapsed while editing (it never hides framed nodes); opened, it follows the view.
    expect(await legend.getByRole('button', { name: /Legend/ }).getAttribute('aria-expanded')).toBe('false');
    await legend.getByRole('button', { name: /Legend/ }).click();
    await expect.poll(() => legend.textContent()).toContain('Colour: community');
    await legend.getByRole('button', { name: /Legend/ }).click();
    expect(await page.getByRole('button', { name: /^\d+ Organizations by community/ }).getAttribute('aria-pressed')).toBe('true');
  });

  it('the table view lists, filters and edits, with no serious violation', async () => {
    await page.getByRole('button', { name: 'Whole map' }).click();
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const table = page.getByTestId('table-view');
    await table.getByRole('searchbox').fill('Prenatal Care');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await table.getByLabel('Capacity of Prenatal Care Clinic').fill('950');
    await table.getByLabel('Capacity of Prenatal Care Clinic').press('Enter');
    await table.getByLabel('Capacity of Prenatal Care Clinic').blur();
    await expect.poll(async () => (await getMap(page)).nodes.find((n) => n.id === 'prenatal-clinic')?.capacity).toBe(950);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Map', exact: true }).click();
  });

  it('a view that hides every organization draws no empty Organizations lane', async () => {
    await page.evaluate(() => window.pathways.showView(null));
    await page.waitForFunction(() => window.pathways.canvasLanes().includes('Organizations'));
    const id = await page.evaluate(() => window.pathways.putView({ label: 'Programs only', layout: 'lanes', filter: { nodeTypes: ['program'] } }));
    await page.evaluate((viewId) => window.pathways.showView(viewId), id);
    await page.waitForFunction(() => !window.pathways.canvasLanes().includes('Organizations'), undefined, { timeout: 5_000 });
    expect(await page.evaluate(() => window.pathways.canvasLanes())).toContain('Prenatal & birth');
    await page.evaluate(() => window.pathways.showView(null));
    await page.waitForFunction(() => window.pathways.canvasLanes().includes('Organizations'), undefined, { timeout: 5_000 });
    await page.evaluate((viewId) => window.pathways.removeView(viewId), id);
  });

  it('presents the views as slides: captions, clicker keys, Escape, screenshots at two sizes', async () => {
    const views = (await getMap(page)).views;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await afterResizeObservers(page);
    // Escape must bring back exactly this viewport, however the window changed while presenting.
    await page.evaluate(() => window.pathways.setViewport({ zoom: 0.61, pan: { x: 123, y: 45 } }));
    const before = await page.evaluate(() => window.pathways.viewport());
    await page.getByRole('button', { name: /^Present from / }).first().click();
    const title = page.getByTestId('slide-title');
    const caption = page.getByTestId('slide-caption');
    await title.waitFor();
    expect(await title.textContent()).toBe(views[0].label);
    expect(await caption.textContent()).toBe(views[0].caption);
    // No editing chrome while presenting.
    expect(await page.getByRole('button', { name: '+ Organization' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: /Views/ }).count()).toBe(0);
    await afterTheFade(page);
    await page.screenshot({ path: join(SHOTS, 'present-1920x1080.png') });

    const expectSlide = async (index: number) => {
      await expect.poll(() => title.textContent()).toBe(views[index].label);
      expect(await caption.textContent()).toBe(views[index].caption ?? '');
      expect(await page.getByTestId('slide-count').textContent()).toBe(`${index + 1} / ${views.length}`);
    };
    await page.keyboard.press('ArrowRight');
    await expectSlide(1);
    await page.keyboard.press('PageDown');
    await expectSlide(2);
    await page.keyboard.press('Space');
    await expectSlide(3);
    await page.keyboard.press('PageUp');
    await expectSlide(2);
    await page.keyboard.press('ArrowLeft');
    await expectSlide(1);
    expect(await seriousViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 1280, height: 720 });
    await page.keyboard.press('ArrowRight');
    await expectSlide(2);
    await afterTheFade(page);
    await page.screenshot({ path: join(SHOTS, 'present-1280x720.png') });

    await page.keyboard.press('Escape');
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '+ Organization' }).waitFor();
    await afterResizeObservers(page);
    expect(await page.evaluate(() => window.pathways.viewport())).toEqual(before);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('a second browser process shows the presenter’s slides through the room; its person can step out and rejoin', async () => {
    // The presenter is a fresh page of its own, so the room does not outlive this test in the others.
    const presenter = await openStudio(browser, inject('baseUrl'));
    await waitForCanvas(presenter);
    const other = await launchBrowser();
    try {
      const url = (await presenter.evaluate(() => window.pathways.share()))!;
      const views = (await getMap(presenter)).views;
      const participant = await openStudio(other, url);
      await participant.waitForFunction((count) => window.pathways.getMap().views.length === count, views.length, { timeout: 30_000 });
      await presenter.waitForFunction(() => window.pathways.room()!.participants.length === 2, undefined, { timeout: 30_000 });
      await presenter.getByRole('tab', { name: /Views/ }).click();
      await presenter.getByRole('button', { name: /^Present from / }).nth(1).click();
      const slide = () => participant.getByTestId('slide-title').textContent({ timeout: 15_000 });
      await expect.poll(slide, { timeout: 15_000 }).toBe(views[1].label);
      await presenter.keyboard.press('ArrowRight');
      await expect.poll(slide, { timeout: 15_000 }).toBe(views[2].label);
      await participant.getByRole('button', { name: 'Step out' }).click();
      await presenter.keyboard.press('ArrowRight');
      await presenter.waitForFunction((id) => window.pathways.presenting()?.viewId === id, views[3].id);
      expect(await participant.getByTestId('presentation').count()).toBe(0);
      await participant.getByRole('button', { name: 'Back to the presenter’s slides' }).click();
      await expect.poll(slide, { timeout: 15_000 }).toBe(views[3].label);
      await presenter.keyboard.press('Escape');
      await participant.getByTestId('presentation').waitFor({ state: 'detached', timeout: 15_000 });
    } finally {
      await other.close();
      await presenter.context().close();
    }
  });

  it('arrow keys move focus between nodes on the canvas, Enter selects and inspects', async () => {
    await page.getByRole('button', { name: 'Whole map' }).click();
    await page.getByTestId('canvas').focus();
    await page.keyboard.press('ArrowRight');
    const announced = await page.locator('[data-testid="canvas"] + [role="status"]').textContent();
    expect(announced).toMatch(/^(Organization|Program): .+\. \d+ ties\. Enter to inspect\.$/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const selection = await page.evaluate(() => window.pathways.selection());
    expect(selection).toHaveLength(1);
    const label = (await getMap(page)).nodes.find((n) => n.id === selection[0])!.label;
    expect(await page.locator('[data-testid="canvas"] + [role="status"]').textContent()).toContain(label);
    expect(await page.getByRole('tab', { name: 'Inspect' }).getAttribute('aria-selected')).toBe('true');
  });

  it('the start screen has no serious or critical accessibility violation', async () => {
    await page.getByRole('button', { name: 'All maps' }).click();
    await page.getByRole('button', { name: 'Duplicate' }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('a #view= link opens that view, and an embed link hides the editing chrome', async () => {
    const shared = await openStudio(browser, `${inject('baseUrl')}/#view=view-brokers`);
    await waitForCanvas(shared);
    await shared.getByRole('tab', { name: /Views/ }).click();
    expect(await shared.getByRole('button', { name: /^\d+ Brokers and silos/ }).getAttribute('aria-pressed')).toBe('true');
    expect(shared.url()).toContain('view=view-brokers');
    await shared.context().close();

    const embed = await openStudio(browser, `${inject('baseUrl')}/#embed=1&view=view-fall-through`);
    await waitForCanvas(embed);
    expect(await embed.getByTestId('embed-bar').textContent()).toContain('Where families fall through');
    expect(await embed.getByRole('button', { name: '+ Organization' }).count()).toBe(0);
    expect(await embed.getByRole('tab').count()).toBe(0);
    await embed.context().close();
  });
});
