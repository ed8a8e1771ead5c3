// Labels are readable wherever they are drawn (issue 15): a label smaller than MIN_LABEL_PX on screen is
// not drawn at all, lane titles and area names read at the default fit, and zooming in brings the
// organizations' and then the programs' names. What is drawn is read from the pixels of a screenshot
// (label ink under each node), the zoom from `pathways.viewport()`, the font sizes from the stylesheet.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { getMap, openStudio, waitForCanvas } from '../support/studio-page.ts';
import { LABEL_FONT, LABEL_GAP, MIN_LABEL_PX, NODE_HEIGHT } from '../../src/canvas/style.ts';
import { LANE } from '../../src/canvas/layouts/lanes.ts';
import { lifeStageIds } from '../../src/model/rules.ts';
import type { PathwaysMap } from '../../src/model/types.ts';

/** A probe: a page-pixel box where a label's first line would be, and the ink colour to look for there. */
interface Probe {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  ink: 'node' | 'lane' | 'marker';
}

type Viewport = { zoom: number; pan: { x: number; y: number } };
const viewport = (page: Page) => page.evaluate(() => window.pathways.viewport()) as Promise<Viewport>;

/** The first line of a node's label: centred under the node, its glyphs a few pixels below the gap. */
async function nodeProbes(page: Page, map: PathwaysMap, zoom: number): Promise<(Probe & { px: number })[]> {
  const probes: (Probe & { px: number })[] = [];
  for (const node of map.nodes) {
    if (node.status === 'closed') continue; // drawn grey, not in ink: not probed
    const at = await page.evaluate((id) => window.pathways.nodeScreenPosition(id), node.id);
    if (!at) continue;
    const font = node.type === 'organization' ? LABEL_FONT.organization : LABEL_FONT.program;
    // Below the node's border (backbone organizations are a little taller), above the label's second line.
    const top = at.y + (NODE_HEIGHT[node.type] / 2 + LABEL_GAP + (node.type === 'organization' ? 6 : 3)) * zoom;
    const half = 22 * zoom;
    probes.push({ id: node.id, x1: at.x - half, x2: at.x + half, y1: top, y2: top + font * 0.75 * zoom, ink: 'node', px: font * zoom });
  }
  return probes;
}

/** How many label-ink pixels each probe holds in a screenshot, or null where the canvas is covered there. */
async function inkIn(page: Page, probes: Probe[]): Promise<Record<string, number | null>> {
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(
    async ({ png, probes }) => {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const scale = bitmap.width / window.innerWidth;
      const onCanvas = (x: number, y: number) => document.elementFromPoint(x, y) instanceof HTMLCanvasElement;
      const out: Record<string, number | null> = {};
      for (const p of probes) {
        if (![[p.x1, p.y1], [p.x2, p.y1], [p.x1, p.y2], [p.x2, p.y2]].every(([x, y]) => onCanvas(x, y))) {
          out[p.id] = null;
          continue;
        }
        const x = Math.round(p.x1 * scale);
        const y = Math.round(p.y1 * scale);
        const data = context.getImageData(x, y, Math.max(1, Math.round((p.x2 - p.x1) * scale)), Math.max(1, Math.round((p.y2 - p.y1) * scale))).data;
        let count = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
          // Node labels are near-black grey (#1b1f24); lane titles slate (#334155). Ties are blue, teal or light grey.
          // Gap markers' words are dark red (#9b1c1c) on pale red.
          const ink =
            p.ink === 'node'
              ? Math.max(r, g, b) <= 110 && Math.max(r, g, b) - Math.min(r, g, b) <= 24
              : p.ink === 'lane'
                ? Math.abs(r - 0x33) <= 40 && Math.abs(g - 0x41) <= 40 && Math.abs(b - 0x55) <= 40
                : Math.abs(r - 0x9b) <= 45 && g <= 90 && b <= 90;
          if (ink) count++;
        }
        out[p.id] = count;
      }
      return out;
    },
    { png, probes },
  );
}

/** Waits until the canvas has drawn the viewport it reports (two animation frames after it settles). */
async function settled(page: Page): Promise<Viewport> {
  let last = JSON.stringify(await viewport(page));
  for (let i = 0; i < 100; i++) {
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const now = JSON.stringify(await viewport(page));
    if (now === last) break;
    last = now;
  }
  return JSON.parse(last) as Viewport;
}

function drawnAsTheRuleSays(probes: (Probe & { px: number })[], ink: Record<string, number | null>) {
  const drawnSmall = probes.filter((p) => p.px < MIN_LABEL_PX && (ink[p.id] ?? 0) > 0).map((p) => p.id);
  const missingLarge = probes.filter((p) => p.px >= MIN_LABEL_PX && ink[p.id] === 0).map((p) => p.id);
  return { drawnSmall, missingLarge, checked: probes.filter((p) => ink[p.id] !== null).length };
}

describe('labels on the canvas', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  for (const size of [
    { width: 1280, height: 720 },
    { width: 1440, height: 900 },
  ]) {
    it(`at ${size.width}×${size.height}: only labels of at least ${MIN_LABEL_PX} px are drawn, titles read at fit, zooming in brings names`, async () => {
      const page = await openStudio(browser, inject('baseUrl'), size);
      await waitForCanvas(page);
      const map = await getMap(page);
      const fit = await settled(page);
      const shots = process.env.LABEL_SHOTS;
      if (shots) await page.screenshot({ path: `${shots}/fit-${size.width}.png` });

      // Lane titles and area names read at the default fit, and are drawn.
      expect(LABEL_FONT.stageTitle * fit.zoom).toBeGreaterThanOrEqual(MIN_LABEL_PX);
      expect(LABEL_FONT.areaName * fit.zoom).toBeGreaterThanOrEqual(MIN_LABEL_PX);
      const titleProbes: Probe[] = [];
      // A stage's title sits in the header band, between the lane's top and the first area row's rule.
      const firstRule = await page.evaluate((id) => window.pathways.nodeScreenPosition(id), `lane-area-${map.meta.areas?.[0]?.id ?? '*'}`);
      expect(firstRule).not.toBeNull();
      for (const stage of lifeStageIds(map.meta)) {
        const at = await page.evaluate((id) => window.pathways.nodeScreenPosition(id), `lane-stage-${stage}`);
        expect(at, stage).not.toBeNull();
        const half = 30 * fit.zoom;
        titleProbes.push({ id: stage, x1: at!.x - half, x2: at!.x + half, y1: firstRule!.y - (LANE.headerHeight - 4) * fit.zoom, y2: firstRule!.y - 4 * fit.zoom, ink: 'lane' });
      }
      for (const area of map.meta.areas ?? []) {
        const at = await page.evaluate((id) => window.pathways.nodeScreenPosition(id), `lane-area-${area.id}-label`);
        expect(at, area.id).not.toBeNull();
        // Drawn to the right of its anchor, vertically centred on it.
        titleProbes.push({ id: area.id, x1: at!.x + 8 * fit.zoom, x2: at!.x + 90 * fit.zoom, y1: at!.y - 8 * fit.zoom, y2: at!.y + 8 * fit.zoom, ink: 'lane' });
      }
      const titleInk = await inkIn(page, titleProbes);
      for (const probe of titleProbes) expect(titleInk[probe.id], `title ${probe.id}`).toBeGreaterThan(0);


      // At fit: every node label is drawn exactly when it is at least MIN_LABEL_PX tall on screen.
      const atFit = await nodeProbes(page, map, fit.zoom);
      const fitResult = drawnAsTheRuleSays(atFit, await inkIn(page, atFit));
      expect(fitResult.checked).toBeGreaterThan(map.nodes.length / 2);
      expect(fitResult.drawnSmall, 'labels drawn below the minimum size').toEqual([]);
      expect(fitResult.missingLarge, 'readable labels not drawn').toEqual([]);
      // Program names are below the minimum at fit on these screens: they wait for zooming in.
      expect(LABEL_FONT.program * fit.zoom).toBeLessThan(MIN_LABEL_PX);

      // The gap markers ("No open service") read at fit: the planner sees every gap without zooming.
      expect(LABEL_FONT.marker * fit.zoom).toBeGreaterThanOrEqual(MIN_LABEL_PX);
      await page.getByRole('tab', { name: /Insights/ }).click();
      await page.getByLabel('Show problems').check();
      const { report } = await page.evaluate(() => window.pathways.analyze());
      const markerIds = report.gaps.flatMap((g) => (g.kind === 'coverage' && !g.population ? [`gap-${g.stage}-${g.area ?? 'all'}`] : []));
      expect(markerIds.length).toBeGreaterThan(0);
      const markerProbes: Probe[] = [];
      for (const id of markerIds) {
        const handle = await page.waitForFunction((id) => window.pathways.nodeScreenPosition(id), id, { timeout: 10_000 });
        const at = (await handle.jsonValue()) as { x: number; y: number };
        // Around the words' middle (between the two lines of "No open / service", or on "None open").
        markerProbes.push({ id, x1: at!.x - 40 * fit.zoom, x2: at!.x + 40 * fit.zoom, y1: at!.y - 16 * fit.zoom, y2: at!.y + 16 * fit.zoom, ink: 'marker' });
      }
      const markerInk = await inkIn(page, markerProbes);
      for (const probe of markerProbes) expect(markerInk[probe.id], `gap marker ${probe.id}`).toBeGreaterThan(20);
      if (shots) await page.screenshot({ path: `${shots}/gaps-${size.width}.png` });
      await page.getByLabel('Show problems').uncheck();
      await page.waitForFunction((id) => window.pathways.nodeScreenPosition(id) === null, markerIds[0]);

      // Between the two, where Cytoscape's own check (at the zoom rounded up to a power of two) would
      // still draw the programs' names at under MIN_LABEL_PX: organizations read, programs wait.
      const between = (MIN_LABEL_PX - 0.5) / LABEL_FONT.program;
      expect(LABEL_FONT.organization * between).toBeGreaterThanOrEqual(MIN_LABEL_PX);
      await page.evaluate((v) => window.pathways.setViewport(v), { zoom: between, pan: { x: (fit.pan.x * between) / fit.zoom, y: (fit.pan.y * between) / fit.zoom } });
      const middle = await settled(page);
      expect(middle.zoom).toBeCloseTo(between, 5);
      const atMiddle = await nodeProbes(page, map, middle.zoom);
      const middleResult = drawnAsTheRuleSays(atMiddle, await inkIn(page, atMiddle));
      expect(middleResult.checked).toBeGreaterThan(10);
      expect(middleResult.drawnSmall, 'labels drawn below the minimum size (between)').toEqual([]);
      expect(middleResult.missingLarge, 'readable labels not drawn (between)').toEqual([]);

      // Zoomed in 2× about the canvas centre, then about the organizations' column: organizations and
      // programs read, and the rule still holds.
      const canvasBox = await page.evaluate(() => {
        const box = document.querySelector('canvas')!.parentElement!.getBoundingClientRect();
        return { width: box.width, height: box.height };
      });
      let programsSeen = 0;
      let organizationsSeen = 0;
      for (const [name, anchor] of [
        ['centre', { x: canvasBox.width / 2, y: canvasBox.height / 2 }],
        ['organizations', { x: canvasBox.width / 8, y: canvasBox.height / 2 }],
      ] as const) {
        const zoomed: Viewport = { zoom: fit.zoom * 2, pan: { x: 2 * fit.pan.x - anchor.x, y: 2 * fit.pan.y - anchor.y } };
        await page.evaluate((v) => window.pathways.setViewport(v), zoomed);
        const close = await settled(page);
        expect(close.zoom).toBeCloseTo(zoomed.zoom, 5);
        if (shots) await page.screenshot({ path: `${shots}/zoom-${name}-${size.width}.png` });
        expect(LABEL_FONT.program * close.zoom).toBeGreaterThanOrEqual(MIN_LABEL_PX);
        expect(LABEL_FONT.organization * close.zoom).toBeGreaterThanOrEqual(MIN_LABEL_PX);
        const near = await nodeProbes(page, map, close.zoom);
        const nearInk = await inkIn(page, near);
        const typeOf = (id: string) => map.nodes.find((n) => n.id === id)?.type;
        programsSeen += near.filter((p) => nearInk[p.id] !== null && typeOf(p.id) === 'program').length;
        organizationsSeen += near.filter((p) => nearInk[p.id] !== null && typeOf(p.id) === 'organization').length;
        expect(drawnAsTheRuleSays(near, nearInk).missingLarge, `readable labels not drawn when zoomed in (${name})`).toEqual([]);
      }
      expect(programsSeen).toBeGreaterThan(5);
      expect(organizationsSeen).toBeGreaterThan(5);
      await page.context().close();
    }, 60_000);
  }
});
