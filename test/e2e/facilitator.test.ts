// Issue 15, the facilitator at 1280×720: slides end where everyone was; nothing of the editor shows
// on slides; the room's bar fits; Tab reaches the map at once; the legend never hides framed nodes;
// the table's Inspect column fits at 1440.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getMap, launchStudio, openStudio, waitForCanvas } from '../support/studio-page.ts';

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the facilitator', () => {
  let browser: Browser;
  let page: Page;
  const viewport = () => page.evaluate(() => window.pathways.viewport()!);
  /** The viewport once it has stopped moving (unchanged for 12 frames: an animation has started and ended). */
  const settled = async () => {
    let last = '';
    let same = 0;
    for (let i = 0; i < 400; i++) {
      const now = JSON.stringify(await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(window.pathways.viewport())))));
      same = now === last ? same + 1 : 0;
      if (same >= 12) return JSON.parse(now) as { zoom: number; pan: { x: number; y: number } };
      last = now;
    }
    throw new Error('the viewport never settled');
  };

  beforeAll(async () => {
    ({ browser, page } = await launchStudio(inject('baseUrl'), { width: 1280, height: 720 }));
  });
  afterAll(async () => browser?.close());

  it('Escape ends the slides where the presenter was: view, layout, viewport; the selection never shows on a slide', async () => {
    await settled();
    const before = { zoom: 0.62, pan: { x: 41, y: 37 } };
    await page.evaluate((v) => window.pathways.setViewport(v), before);
    await page.evaluate(() => window.pathways.select(['wic']));
    expect(await page.evaluate(() => window.pathways.canvasSelection())).toEqual(['wic']);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.getByTestId('presentation').waitFor();
    expect(await page.evaluate(() => window.pathways.canvasSelection())).toEqual([]);
    expect(await page.evaluate(() => window.pathways.simulationOnCanvas())).toEqual({ flowing: 0, lostMarkers: 0, lostLabels: [] });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('slide-count').textContent()).toMatch(/^3 \//);
    await page.keyboard.press('Escape');
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => window.pathways.currentView())).toBeNull();
    expect(await page.getByRole('radio', { name: 'Life-stage lanes' }).getAttribute('aria-checked')).toBe('true');
    const after = await settled();
    expect(after.zoom).toBeCloseTo(before.zoom, 3);
    expect(after.pan.x).toBeCloseTo(before.pan.x, 1);
    expect(after.pan.y).toBeCloseTo(before.pan.y, 1);
    expect(await page.evaluate(() => window.pathways.canvasSelection())).toEqual(['wic']);
  });

  it('after a slide, "Whole map" is the layout it was, with its button selected', async () => {
    const views = (await getMap(page)).views;
    const concentric = views.find((v) => v.layout && v.layout !== 'lanes')!;
    await page.evaluate((id) => window.pathways.showView(id), concentric.id);
    await page.getByRole('tab', { name: /Views/ }).click();
    await page.getByRole('button', { name: /Whole map/ }).click();
    await expect.poll(() => page.getByRole('radio', { name: 'Life-stage lanes' }).getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => page.evaluate(() => window.pathways.canvasLanes().length)).toBeGreaterThan(3);
  });

  it('a participant joining on the first slide gets its filter, and returns to their own view when it ends', async () => {
    const participant = await openStudio(browser, inject('baseUrl'), { width: 1280, height: 720 });
    await waitForCanvas(participant);
    const first = (await getMap(participant)).views[0];
    await participant.evaluate(() => window.pathways.setViewport({ zoom: 0.5, pan: { x: 10, y: 20 } }));
    await participant.evaluate((id) => window.pathways.applyPresenter({ viewId: id, slideIndex: 0, viewport: null }), first.id);
    await expect.poll(() => participant.evaluate(() => window.pathways.currentView()?.id)).toBe(first.id);
    await participant.evaluate(() => window.pathways.applyPresenter(null));
    await participant.keyboard.press('Escape');
    await participant.getByTestId('presentation').waitFor({ state: 'detached' });
    await expect.poll(() => participant.evaluate(() => window.pathways.currentView())).toBeNull();
    await expect.poll(() => participant.evaluate(() => window.pathways.viewport()!.zoom)).toBeCloseTo(0.5, 3);
    await participant.context().close();
  });

  it('Tab reaches the map in at most 3 presses (a skip link), with a visible focus ring', async () => {
    // A fresh page: Tab starts from the top, as it does for someone arriving.
    await page.reload();
    await waitForCanvas(page);
    let presses = 0;
    for (; presses < 3; presses++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
      if (focused === 'Skip to the map') break;
    }
    expect(presses).toBeLessThan(3);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('canvas');
    const outline = await page.getByTestId('canvas').evaluate((el) => getComputedStyle(el).outlineWidth);
    expect(parseFloat(outline)).toBeGreaterThanOrEqual(2);
  });

  it('the legend never covers a node a finding framed', async () => {
    await page.getByRole('tab', { name: /Insights/ }).click();
    const legend = page.getByRole('complementary', { name: 'Legend' });
    const findings = page.locator('button.finding');
    expect(await findings.count()).toBeGreaterThan(3);
    for (const open of [false, true]) {
      if (open) await legend.getByRole('button', { name: /Legend/ }).click();
      for (let i = 0; i < 4; i++) {
        await findings.nth(i).click();
        await settled();
        const legendBox = (await legend.boundingBox())!;
        const selected = await page.evaluate(() => window.pathways.selection().map((id) => window.pathways.nodeScreenPosition(id)).filter((p) => p !== null));
        expect(selected.length).toBeGreaterThan(0);
        for (const at of selected) expect(overlaps(legendBox, { x: at!.x - 10, y: at!.y - 10, width: 20, height: 20 }), `finding ${i}, legend ${open ? 'open' : 'closed'}`).toBe(false);
      }
    }
    await legend.getByRole('button', { name: /Legend/ }).click();
  });

  it('in a room from 1024 to 1280 px the top bar fits and the page never scrolls sideways; a resize keeps the map in view', async () => {
    await page.evaluate(() => window.pathways.share());
    await page.getByRole('button', { name: /Share this map|\d+ here/ }).first().waitFor();
    await expect.poll(() => page.evaluate(() => window.pathways.room()?.participants.length ?? 0)).toBeGreaterThan(0);
    const fits = () =>
      page.evaluate(() => ({
        sideways: document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth,
        rightmost: Math.max(...[...document.querySelectorAll('header button')].map((b) => b.getBoundingClientRect().right)),
      }));
    // From a small laptop up: secondary buttons collapse to icons (their names kept), nothing scrolls sideways.
    for (const width of [1024, 1152, 1280]) {
      await page.setViewportSize({ width, height: 720 });
      await expect.poll(() => page.evaluate(() => window.innerWidth)).toBe(width);
      if (process.env.BAR_SHOTS) await page.screenshot({ path: `${process.env.BAR_SHOTS}/bar-${width}.png`, clip: { x: 0, y: 0, width, height: 120 } });
      const at = await fits();
      expect(at.sideways, `sideways scroll at ${width} px`).toBe(0);
      expect(at.rightmost, `top bar at ${width} px`).toBeLessThanOrEqual(width);
      for (const name of ['+ Organization', '+ Program', 'Open…', 'Export', 'Map settings', 'Keyboard shortcuts']) {
        await expect.poll(() => page.locator('header.bar').getByRole('button', { name }).first().isVisible(), { message: `${name} at ${width} px` }).toBe(true);
      }
    }
    // The centre of the map stays the centre, and the zoom follows the window.
    const before = await settled();
    await page.setViewportSize({ width: 1600, height: 1000 });
    await expect.poll(async () => (await viewport()).zoom).toBeGreaterThan(before.zoom);
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(async () => (await viewport()).zoom).toBeCloseTo(before.zoom, 2);
  });

  it('the table’s Inspect column fits at 1440 px', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('radio', { name: 'Table' }).or(page.getByRole('button', { name: 'Table' })).first().click();
    const inspect = page.getByRole('button', { name: /^Inspect / }).first();
    await inspect.waitFor();
    const box = (await inspect.boundingBox())!;
    const stage = (await page.locator('.stage').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(stage.x + stage.width);
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.textContent?.trim(), { x: box.x + box.width / 2, y: box.y + box.height / 2 })).toBe('Inspect');
  });

  it('the printable report gives each finding its own picture, and reach per population', async () => {
    await page.getByRole('radio', { name: 'Map' }).or(page.getByRole('button', { name: 'Map', exact: true })).first().click();
    await page.getByRole('tab', { name: 'Simulate' }).click();
    await page.getByRole('tabpanel').getByRole('button', { name: 'Run' }).click();
    await page.getByTestId('sim-entry').waitFor();
    const before = await settled();
    await page.getByRole('tab', { name: /Views/ }).click();
    await page.getByRole('button', { name: /Printable report/ }).click();
    const findings = page.getByTestId('report-findings').locator('li');
    expect(await findings.count()).toBeGreaterThanOrEqual(6);
    const pictures = await findings.locator('img').evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).src));
    expect(pictures.length).toBe(await findings.count());
    expect(new Set(pictures).size).toBe(pictures.length);
    const reach = page.getByTestId('report-reach');
    expect(await reach.locator('thead th').allTextContents()).toEqual(['Life stage', 'Everyone', 'Spanish-speaking families', 'Vietnamese-speaking families']);
    expect(await reach.locator('tbody tr').first().locator('td').count()).toBe(3);
    expect(await page.getByTestId('report').textContent()).toMatch(/Entering at: All \d+ entry points/);
    await page.getByRole('button', { name: 'Close' }).click();
    // Drawing the pictures leaves the person's viewport as it was.
    const after = await settled();
    expect(after.zoom).toBeCloseTo(before.zoom, 4);
  });
});
