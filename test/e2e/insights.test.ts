// Issue 3: the demo's planted problems appear in the insights panel, each clickable to its elements,
// and an edit is reflected after the analysis reruns in the worker.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { openStudio, waitForCanvas } from '../support/studio-page.ts';
import { syntheticMap } from '../../src/model/synthetic.ts';

describe('insights in Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openStudio(browser, inject('baseUrl'));
    await waitForCanvas(page);
    await page.getByRole('tab', { name: /Insights/ }).click();
  });
  afterAll(async () => browser?.close());

  it('lists the planted gaps, broken pathways and redundancies as sentences', async () => {
    const panel = page.getByRole('tabpanel');
    await panel.getByText('Up to date').waitFor();
    const text = await panel.textContent();
    expect(text).toContain('No open program serves early childhood in South Side.');
    expect(text).toContain('No open program serves K–12 in Downtown for Vietnamese-speaking families.');
    expect(text).toContain('No working referral carries people from postsecondary to workforce in South Side.');
    expect(text).toContain('Child Care Resource & Referral still refers people to South Side Child Care Center, which is closed.');
    expect(text).toContain('Teen Parent Program refers no one onward');
    expect(text).toContain('No entry point leads to Digital Skills for Seniors');
  });

  it('selects a finding’s elements on the canvas when clicked', async () => {
    await page.getByRole('button', { name: 'The referral Birthing Center → Nurse-Family Home Visiting is broken.' }).click();
    const selection = await page.evaluate(() => window.pathways.selection());
    const edge = (await page.evaluate(() => window.pathways.getMap())).edges.find((e) => e.source === 'birthing-center' && e.target === 'nurse-home-visits')!;
    expect(selection.sort()).toEqual([edge.id, 'birthing-center', 'nurse-home-visits'].sort());
  });

  it('reruns after an edit: fixing the dead end removes it from the panel', async () => {
    const panel = page.getByRole('tabpanel');
    await page.evaluate(() => window.pathways.addEdge({ type: 'referral', source: 'teen-parents', target: 'early-head-start', status: 'active' }));
    await page.waitForFunction(() => !document.querySelector('[role=tabpanel]')?.textContent?.includes('Teen Parent Program refers no one onward'));
    expect(await panel.textContent()).toContain('Camino a la Universidad refers no one onward');
  });
});

describe('analysis on several threads in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(async () => browser?.close());

  it('gives the same report on one thread and on a pool of nested workers', async () => {
    const page = await openStudio(browser, inject('baseUrl'));
    await page.evaluate((map) => window.pathways.loadMap(map), syntheticMap(700, 4));
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const workerCount = () => workers.filter((url) => url.includes('betweenness')).length;
    const single = await page.evaluate(() => window.pathways.analyze({ threads: 1 }));
    expect(workerCount()).toBe(0);
    const pooled = await page.evaluate(() => window.pathways.analyze({ threads: 3 }));
    // The pool's workers really loaded, and their sums make the same report.
    expect(workerCount()).toBe(3);
    expect(pooled.report).toEqual(single.report);
    expect(Object.keys(pooled.report.structure.betweenness)).toHaveLength(840);
  });
});
