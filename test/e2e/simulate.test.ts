// Issue 5 in Chromium: a planner runs a cohort on the demo, sees the reach chart and the equity gap,
// clicks where people are lost to find it on the canvas, and compares fixing a broken referral.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { openStudio, waitForCanvas } from '../support/studio-page.ts';

describe('simulation in Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openStudio(browser, inject('baseUrl'));
    await waitForCanvas(page);
    await page.getByRole('tab', { name: 'Simulate' }).click();
  });
  afterAll(async () => browser?.close());

  it('runs a cohort in the worker and shows reach, mode and where people are lost', async () => {
    const panel = page.getByRole('tabpanel');
    await panel.getByLabel('People entering').fill('4000');
    await panel.getByRole('button', { name: 'Run' }).click();
    await panel.getByTestId('sim-mode').waitFor();
    expect(await panel.getByTestId('sim-mode').textContent()).toContain('Monte-Carlo, 4,000 people, seed 1');
    expect(await panel.getByTestId('sim-mode').textContent()).toContain('cycle');
    // The chart is drawn, and its text alternative names every stage.
    const chart = panel.getByRole('img', { name: /Share reaching each life stage/ });
    expect(await chart.locator('canvas').count()).toBe(1);
    expect(await chart.getAttribute('aria-label')).toMatch(/Prenatal & birth \d+%.*Aging \d+%/);
    // The result has the SPEC shape the report reads, with both populations.
    const result = await page.evaluate(() => window.pathways.simulationResult());
    expect(result?.cohort).toBe(4000);
    expect(Object.keys(result?.byPopulation ?? {}).sort()).toEqual(['spanish-speaking', 'vietnamese-speaking']);
  });

  it('frames a place where people are lost on the canvas', async () => {
    const first = page.getByRole('tabpanel').locator('ol.lost li button').first();
    await first.click();
    expect((await page.evaluate(() => window.pathways.selection())).length).toBeGreaterThan(0);
  });

  it('compares fixing a broken referral beside the baseline', async () => {
    const panel = page.getByRole('tabpanel');
    await panel.getByRole('combobox', { name: /^Change/ }).selectOption('fix-referral');
    await panel.getByRole('combobox', { name: /^Referral/ }).selectOption('ref-5');
    await panel.getByRole('button', { name: 'Compare' }).click();
    const table = panel.getByRole('table', { name: /Fix referral Birthing Center → Nurse-Family Home Visiting/ });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(6);
    expect(await table.locator('tbody td').first().textContent()).toMatch(/^[+-]?\d+\s?±\d+$/);
  });

  it('compares closing an organization, and ranks who is critical', async () => {
    const panel = page.getByRole('tabpanel');
    await panel.getByRole('combobox', { name: /^Change/ }).selectOption('remove-organization');
    await panel.getByRole('combobox', { name: /^Organization/ }).selectOption({ label: 'Harbor Health System' });
    await panel.getByRole('button', { name: 'Compare' }).click();
    await panel.getByRole('table', { name: /Without Harbor Health System/ }).waitFor();
    await panel.getByRole('button', { name: 'Who is critical?' }).click();
    const ranking = panel.getByRole('list', { name: /Organizations by life-stage reaches lost/ });
    await ranking.waitFor();
    expect(await ranking.locator('li').count()).toBe(6);
  });
});
