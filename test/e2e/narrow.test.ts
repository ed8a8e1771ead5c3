// Narrow screens (issue 15): at 1024×768 the demo's fit (zoom ≈ 0.22) puts the canvas's own lane titles
// under MIN_LABEL_PX, so they are drawn as page text at a fixed readable size, over their lanes, never over
// each other; where the canvas draws them (1440×900, or zoomed in) they are not drawn twice. The "N lost"
// labels of a simulation never cover each other.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { getMap, openStudio, waitForCanvas } from '../support/studio-page.ts';
import { LOST_LABEL_GAP } from '../../src/canvas/overlays.ts';
import { LABEL_FONT, MIN_LABEL_PX } from '../../src/canvas/style.ts';
import { lifeStageIds } from '../../src/model/rules.ts';

type Box = { x1: number; y1: number; x2: number; y2: number };
const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && a.x2 > b.x1 && a.y1 < b.y2 && a.y2 > b.y1;
const shots = process.env.TMPDIR ?? '.tmp';

/** Waits until the viewport stops moving (two animation frames alike). */
async function settled(page: Page): Promise<{ zoom: number; pan: { x: number; y: number } }> {
  let last = JSON.stringify(await page.evaluate(() => window.pathways.viewport()));
  for (let i = 0; i < 100; i++) {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const now = JSON.stringify(await page.evaluate(() => window.pathways.viewport()));
    if (now === last) break;
    last = now;
  }
  return JSON.parse(last);
}

/** The lane titles drawn as page text: which lane, the words, font size and box in page pixels. */
const pageTitles = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="lane-titles"] [data-lane]')].map((el) => {
      const r = el.getBoundingClientRect();
      return { lane: el.dataset.lane!, text: el.textContent!.replace(/\u00AD/g, ''), px: parseFloat(getComputedStyle(el).fontSize), box: { x1: r.left, y1: r.top, x2: r.right, y2: r.bottom } };
    }),
  );

describe('narrow screens', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('at 1024×768 the fitted demo names every stage, area and the organizations column, readable and apart', async () => {
    const page = await openStudio(browser, inject('baseUrl'), { width: 1024, height: 768 });
    await waitForCanvas(page);
    const map = await getMap(page);
    const fit = await settled(page);
    // The canvas leaves its own titles out here (the rule labels.test.ts checks): page text stands in.
    expect(LABEL_FONT.stageTitle * fit.zoom).toBeLessThan(MIN_LABEL_PX);
    const stages = lifeStageIds(map.meta);
    // Every lane title the canvas has (stages, the organizations column, each area row and "All areas").
    const lanes = await page.evaluate(() => window.pathways.canvasLanes());
    expect(lanes).toEqual(expect.arrayContaining(['Organizations', ...(map.meta.areas ?? []).map((a) => a.label)]));
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="lane-titles"] [data-lane]').length === n, lanes.length);
    const titles = await pageTitles(page);
    expect(titles.map((t) => t.text).sort()).toEqual([...lanes].sort());
    const stageLabel = new Map((map.meta.lifeStages ?? []).map((s) => [`lane-stage-${s.id}`, s.label]));
    const canvas = await page.getByTestId('canvas').boundingBox();
    for (const title of titles) {
      if (stageLabel.has(title.lane)) expect(title.text, title.lane).toBe(stageLabel.get(title.lane));
      expect(title.px, title.lane).toBeGreaterThanOrEqual(MIN_LABEL_PX);
      // Inside the canvas, not cut off.
      expect(title.box.x1).toBeGreaterThanOrEqual(canvas!.x);
      expect(title.box.y1).toBeGreaterThanOrEqual(canvas!.y);
      expect(title.box.x2).toBeLessThanOrEqual(canvas!.x + canvas!.width);
    }
    // A stage's title is over its own lane.
    for (const stage of stages) {
      const title = titles.find((t) => t.lane === `lane-stage-${stage}`)!;
      const lane = await page.evaluate((id) => window.pathways.nodeScreenPosition(id), `lane-stage-${stage}`);
      expect(Math.abs((title.box.x1 + title.box.x2) / 2 - lane!.x), stage).toBeLessThan(2);
    }
    // No two titles cover each other.
    for (const [i, a] of titles.entries()) for (const b of titles.slice(i + 1)) expect(overlaps(a.box, b.box), `${a.lane} / ${b.lane}`).toBe(false);
    await page.screenshot({ path: `${shots}/narrow-fit-1024.png` });

    // Zoomed in until the canvas draws the stage titles itself: they are not drawn twice.
    const zoom = (MIN_LABEL_PX + 0.5) / LABEL_FONT.stageTitle;
    await page.evaluate((v) => window.pathways.setViewport(v), { zoom, pan: { x: (fit.pan.x * zoom) / fit.zoom, y: (fit.pan.y * zoom) / fit.zoom } });
    await settled(page);
    await page.waitForFunction(() => !document.querySelector('[data-testid="lane-titles"] [data-lane^="lane-stage-"]'));
    // Area names (a little smaller on the canvas) are still page text until they reach the size too.
    const left = await pageTitles(page);
    expect(left.every((t) => t.lane.startsWith('lane-area-'))).toBe(true);
    expect(LABEL_FONT.areaName * zoom).toBeLessThan(MIN_LABEL_PX);
    await page.context().close();
  }, 60_000);

  for (const size of [
    { width: 1024, height: 768 },
    { width: 1280, height: 720 },
    { width: 1440, height: 900 },
  ]) {
    it(`at ${size.width}×${size.height}: ${size.width > 1024 ? 'the canvas draws the titles (no page text twice); ' : ''}the "N lost" labels never cover each other`, async () => {
      const page = await openStudio(browser, inject('baseUrl'), size);
      await waitForCanvas(page);
      const fit = await settled(page);
      if (LABEL_FONT.stageTitle * fit.zoom >= MIN_LABEL_PX) expect(await pageTitles(page)).toEqual([]);
      await page.getByRole('tab', { name: 'Simulate' }).click();
      await page.getByRole('tabpanel').getByRole('button', { name: 'Run' }).click();
      await page.waitForFunction(() => window.pathways.simulationOnCanvas().lostMarkers > 0);
      const { lostLabels, lostMarkers } = await page.evaluate(() => window.pathways.simulationOnCanvas());
      expect(lostLabels.length).toBeGreaterThan(3);
      expect(lostLabels.length).toBeLessThanOrEqual(lostMarkers);
      for (const box of lostLabels) expect(box.x2 - box.x1).toBeGreaterThan(LABEL_FONT.marker * 2);
      // Apart, not even touching (boxes in model pixels, grown by half the gap the canvas keeps).
      const grown = lostLabels.map((b) => ({ x1: b.x1 - LOST_LABEL_GAP / 2 + 0.5, y1: b.y1 - LOST_LABEL_GAP / 2 + 0.5, x2: b.x2 + LOST_LABEL_GAP / 2 - 0.5, y2: b.y2 + LOST_LABEL_GAP / 2 - 0.5 }));
      for (const [i, a] of grown.entries()) for (const b of grown.slice(i + 1)) expect(overlaps(a, b), JSON.stringify([a, b])).toBe(false);
      await page.screenshot({ path: `${shots}/narrow-sim-${size.width}.png` });
      await page.context().close();
    }, 60_000);
  }
});
