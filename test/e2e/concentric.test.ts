// Issue 15: the "Brokers and silos" slide (concentric rings by betweenness, organizations sized by it)
// places every organization's box, and its name, clear of the others. Boxes are read from Cytoscape's
// own bounding boxes of what it draws, in real Chromium at 1280×720.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getMap, launchStudio } from '../support/studio-page.ts';

type Box = { id: string; x1: number; y1: number; x2: number; y2: number };
const intersect = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Visible nodes' boxes in model pixels: the node alone, and with its label. */
function boxesOf(page: Page): Promise<{ nodes: Box[]; labelled: Box[] }> {
  return page.evaluate(() => {
    const container = document.querySelector('[data-testid="canvas"]') as HTMLElement & { _cyreg?: { cy: import('cytoscape').Core } };
    const cy = container._cyreg!.cy;
    const shown = cy.nodes(':visible').filter((n) => !n.hasClass('lane'));
    const box = (n: import('cytoscape').SingularElementArgument, includeLabels: boolean) => ({ id: n.id(), ...n.boundingBox({ includeLabels, includeOverlays: false, includeUnderlays: false }) });
    return { nodes: shown.map((n) => box(n, false)), labelled: shown.map((n) => box(n, true)) };
  });
}

/** Waits until the viewport has stopped moving (unchanged for 12 frames). */
async function settled(page: Page): Promise<void> {
  let last = '';
  let same = 0;
  for (let i = 0; i < 400 && same < 12; i++) {
    const now = JSON.stringify(await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(window.pathways.viewport())))));
    same = now === last ? same + 1 : 0;
    last = now;
  }
}

describe('the concentric slide', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ browser, page } = await launchStudio(inject('baseUrl'), { width: 1280, height: 720 }));
    await page.waitForFunction(() => window.pathways.analysisStatus().runs > 0);
  });
  afterAll(async () => browser?.close());

  it('no two organizations’ boxes (or names) overlap on the "Brokers and silos" slide', async () => {
    const views = (await getMap(page)).views;
    const view = views.find((v) => v.layout === 'concentric' && v.sizeBy === 'betweenness');
    expect(view).toBeDefined();
    await page.locator('header.bar').getByRole('button', { name: 'Present', exact: true }).click();
    await page.getByTestId('slide-title').waitFor();
    for (let i = 0; i < views.length && (await page.evaluate(() => window.pathways.presenting()?.viewId)) !== view!.id; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => window.pathways.presenting()?.viewId)).toBe(view!.id);
    // Sized by betweenness: the organizations differ in size once the slide is applied.
    await expect.poll(async () => new Set((await boxesOf(page)).nodes.map((b) => Math.round(b.x2 - b.x1))).size).toBeGreaterThan(2);
    await settled(page);
    const { nodes, labelled } = await boxesOf(page);
    expect(nodes.length).toBeGreaterThan(10);
    // The names' boxes are counted even where the zoom hides them (they show when zooming in).
    expect(labelled.every((b, i) => b.y2 - b.y1 > nodes[i].y2 - nodes[i].y1)).toBe(true);
    if (process.env.SLIDE_SHOTS) await page.screenshot({ path: `${process.env.SLIDE_SHOTS}/concentric.png` });
    const clashes = (boxes: Box[]) => boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => intersect(a, b)).map((b) => `${a.id} × ${b.id}`));
    expect(clashes(nodes), 'node boxes overlapping').toEqual([]);
    expect(clashes(labelled), 'nodes with their names overlapping').toEqual([]);
    await page.keyboard.press('Escape');
  });
});
