// Issue 5 in Chromium: a planner runs a cohort on the demo, sees the reach chart and the equity gap,
// clicks where people are lost to find it on the canvas, and compares fixing a broken referral.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchStudio } from '../support/studio-page.ts';

describe('simulation in Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ browser, page } = await launchStudio(inject('baseUrl')));
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
    await chart.locator('canvas').waitFor();
    expect(await chart.locator('canvas').count()).toBe(1);
    expect(await chart.getAttribute('aria-label')).toMatch(/Prenatal & birth \d+%.*Aging \d+%/);
    // The result has the SPEC shape the report reads, with both populations.
    const result = await page.evaluate(() => window.pathways.simulationResult());
    expect(result?.cohort).toBe(4000);
    expect(Object.keys(result?.byPopulation ?? {}).sort()).toEqual(['spanish-speaking', 'vietnamese-speaking']);
  });

  it('says where people entered, and where they are lost in people and why', async () => {
    const panel = page.getByRole('tabpanel');
    expect(await panel.getByTestId('sim-entry').textContent()).toMatch(/Entering at: All \d+ entry points/);
    const lost = panel.getByRole('list', { name: 'Where people are lost, most first' });
    expect(await lost.locator('li').first().textContent()).toMatch(/^\s*[\d,]+ people\s*\S.*(hand-off failed|barrier|dead end|over capacity|closed|entry)/);
    expect(await panel.getByTestId('lost-by').textContent()).toMatch(/^\s*[\d,]+ people of 4,000 lost: .*hand-off failed [\d,]+/);
    const result = await page.evaluate(() => window.pathways.simulationResult());
    expect(Object.values(result!.lostBy).reduce((a, b) => a + b!, 0)).toBe(Object.values(result!.lostAt).reduce((a, b) => a + b, 0));
  });

  it('enters only where a chosen life stage is served, and says so beside the result', async () => {
    const panel = page.getByRole('tabpanel');
    await panel.getByLabel('Where do people enter?').selectOption({ label: (await panel.getByRole('option', { name: /Where they serve Prenatal & birth/ }).textContent())! });
    await panel.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => panel.getByTestId('sim-entry').textContent()).toMatch(/Entering at: The \d+ entry points serving Prenatal & birth/);
    const result = await page.evaluate(() => window.pathways.simulationResult());
    expect(result!.entry.stage).toBe('prenatal-birth');
    await panel.getByLabel('Where do people enter?').selectOption('');
    await panel.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => panel.getByTestId('sim-entry').textContent()).toMatch(/All \d+ entry points/);
  });

  it('opens the flow diagram wide, with numbers', async () => {
    await page.getByRole('tabpanel').getByRole('button', { name: 'Open the flow diagram' }).click();
    const dialog = page.getByRole('dialog', { name: /How people move on/ });
    const chart = dialog.getByRole('img', { name: /People moving between life stages/ });
    expect(await chart.getAttribute('aria-label')).toMatch(/to Lost \d+ people/);
    expect((await chart.boundingBox())!.width).toBeGreaterThan(700);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('draws people passing on the map only in the Simulate tab', async () => {
    const flowing = () => page.evaluate(() => window.pathways.simulationOnCanvas().flowing);
    await expect.poll(flowing).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Insights' }).click();
    await expect.poll(flowing).toBe(0);
    await page.getByRole('tab', { name: 'Simulate' }).click();
    await expect.poll(flowing).toBeGreaterThan(0);
  });

  it('frames a place where people are lost on the canvas', async () => {
    const first = page.getByRole('tabpanel').getByRole('list', { name: 'Where people are lost, most first' }).locator('li button').first();
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

  it('removing an organization keeps the baseline’s entry points: no stage gains beyond sampling error', async () => {
    const panel = page.getByRole('tabpanel');
    await panel.getByRole('combobox', { name: /^Change/ }).selectOption('remove-organization');
    await panel.getByRole('combobox', { name: /^Organization/ }).selectOption({ label: 'Harbor Public Library' });
    await panel.getByRole('button', { name: 'Compare' }).click();
    const table = panel.getByRole('table', { name: /Without Harbor Public Library/ });
    await table.waitFor();
    expect(await table.locator('tbody td.up').count()).toBe(0);
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
