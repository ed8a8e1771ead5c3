// Issue 3: the demo's planted problems appear in the insights panel, each clickable to its elements,
// and an edit is reflected after the analysis reruns in the worker. Issues 14 and 15: findings ranked
// by people affected; a new map shows none; a county map's findings in groups, drawn virtually.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { launchStudio, openStudio } from '../support/studio-page.ts';
import { syntheticMap } from '../../src/model/synthetic.ts';
import { analyze } from '../../src/analysis/index.ts';
import { rankedFindings } from '../../src/analysis/findings.ts';

describe('insights in Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ browser, page } = await launchStudio(inject('baseUrl')));
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
    // The demo's redundancies are the real ones: the two homework clubs, Head Start beside Pre-K.
    expect(await panel.locator('button[data-group=redundancy] [data-count]').getAttribute('data-count')).toBe('2');
    expect(text).toContain('Power Hour Homework Help and After-School Homework Club serve the same people in the same way (100% alike).');
    expect(text).toContain('Head Start Preschool and Universal Pre-K serve the same people in the same way (67% alike).');
    // The tab counts problems, the panel all findings: the panel says how the two numbers differ.
    const badge = Number(await page.locator('#tab-insights .badge').textContent());
    const all = Number(await panel.getByTestId('finding-count').textContent());
    expect(all).toBe(badge + 2);
    expect(await panel.getByTestId('finding-split').textContent()).toBe(`${badge} problems (gaps and broken pathways, the number on the tab) and 2 pairs of programs offering the same services`);
    expect(await page.locator('#tab-insights .badge').getAttribute('title')).toBe(`${badge} problems: gaps and broken pathways`);
  });

  it('names the three problems that affect the most people first', async () => {
    const map = await page.evaluate(() => window.pathways.getMap());
    const expected = rankedFindings(map, analyze(map)).slice(0, 3).map((f) => f.text);
    const top = page.getByRole('tabpanel').locator('ol.top > li');
    await expect.poll(() => top.count()).toBe(3);
    const shown = await top.allTextContents();
    shown.forEach((text, i) => expect(text).toContain(expected[i]));
    // Each says how many people, and from what.
    for (const text of shown) expect(text).toMatch(/≈ [\d,]+ people a year \(from /);
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

describe('insights on a new map and at county scale in Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ browser, page } = await launchStudio(inject('baseUrl')));
    await page.getByRole('tab', { name: /Insights/ }).click();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const runs = () => page.evaluate(() => window.pathways.analysisStatus().runs);
  async function load(map: object): Promise<void> {
    const before = await runs();
    // Loaded, the map is shown before it is analysed: the report is not of it yet.
    expect(await page.evaluate(async (m) => (await window.pathways.loadMap(m), window.pathways.analysisStatus().current), map)).toBe(false);
    await page.waitForFunction(
      (n) => {
        const status = window.pathways.analysisStatus();
        return status.runs > n && status.current && !status.running;
      },
      before,
      { timeout: 120_000 },
    );
  }

  it('shows no insights, and no badge, on a new map', async () => {
    await load({ format: 'pathways-map', version: 1, meta: { title: 'New map' }, nodes: [], edges: [], views: [], positions: {} });
    const panel = page.getByRole('tabpanel');
    await panel.getByText('No insights yet.').waitFor();
    expect(await panel.locator('button.finding').count()).toBe(0);
    expect((await page.getByRole('tab', { name: /Insights/ }).textContent())?.trim()).toBe('Insights');
  });

  describe('a 2,000-program map', () => {
    const big = syntheticMap(2000, 7);
    const findings = rankedFindings(big, analyze(big));
    const countsByKind = findings.reduce<Record<string, number>>((c, f) => ({ ...c, [f.kind]: (c[f.kind] ?? 0) + 1 }), {});
    const rowsInPage = () => page.locator('[data-row]').count();
    const groupCounts = () =>
      page.locator('button[data-group]').evaluateAll((buttons) =>
        Object.fromEntries(buttons.map((b) => [b.getAttribute('data-group'), Number(b.querySelector('[data-count]')!.getAttribute('data-count'))])),
      );

    beforeAll(async () => {
      await load(big);
      await page.waitForFunction((n) => document.querySelector('[data-testid=finding-count]')?.textContent === n, findings.length.toLocaleString('en-US'), { timeout: 30_000 });
    });

    it('groups the findings by kind with the report’s counts', async () => {
      expect(findings.length).toBeGreaterThan(1000);
      // Many findings: only the group affecting the most people starts open; close it to see every group.
      const open = page.locator('button[data-group][aria-expanded=true]');
      expect(await open.count()).toBe(1);
      await open.click();
      await expect.poll(groupCounts).toEqual(countsByKind);
    });

    it('keeps the page light: only the rows in view are drawn, however many there are', async () => {
      await page.getByRole('radio', { name: 'Organization' }).click();
      const firstGroup = page.locator('button[data-group]').first();
      await firstGroup.waitFor();
      if ((await firstGroup.getAttribute('aria-expanded')) !== 'true') await firstGroup.click();
      const organizations = new Set(findings.map((f) => f.organization ?? ''));
      expect(organizations.size).toBeGreaterThan(300);
      expect(await rowsInPage()).toBeLessThan(40);
      // Scrolled to the end: the last groups are drawn, the first are gone, still a handful of rows.
      const scroller = page.getByTestId('finding-scroller');
      await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
      await expect.poll(() => page.locator('button[data-group]').last().getAttribute('data-group')).not.toBe(await firstGroup.getAttribute('data-group'));
      expect(await rowsInPage()).toBeLessThan(40);
      await scroller.evaluate((el) => (el.scrollTop = 0));
    });

    it('frames a finding opened from a group', async () => {
      await page.getByRole('radio', { name: 'Kind' }).click();
      const group = page.locator('button[data-group="dead-end"]');
      if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
      const first = findings.find((f) => f.kind === 'dead-end')!;
      const program = first.source.kind === 'pathway' ? first.source.pathway.node! : '';
      const onCanvas = (id: string) => {
        const at = window.pathways.nodeScreenPosition(id);
        const box = document.querySelector('[data-testid=canvas]')!.getBoundingClientRect();
        return !!at && at.x >= box.left && at.x <= box.right && at.y >= box.top && at.y <= box.bottom;
      };
      // Looking far away from it first.
      await page.evaluate(() => window.pathways.setViewport({ zoom: 2, pan: { x: 1e6, y: 1e6 } }));
      expect(await page.evaluate(onCanvas, program)).toBe(false);
      await page.getByRole('button', { name: first.text }).first().click();
      expect(await page.evaluate(() => window.pathways.selection())).toEqual([program]);
      // The canvas moves to it: the program is drawn inside the canvas.
      await page.waitForFunction(onCanvas, program, { timeout: 10_000 });
    });
  });
});
