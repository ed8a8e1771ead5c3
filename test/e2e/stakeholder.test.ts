// Issue 15, the stakeholder: a new map, then their organization, two programs and a referral between
// them in at most 12 actions (a click, a name typed with Enter, a drag, an option chosen each count one).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getMap, launchStudio } from '../support/studio-page.ts';

describe('the stakeholder adds their organization', () => {
  let browser: Browser;
  let page: Page;
  let actions = 0;
  const act = async <T>(step: Promise<T>) => {
    actions++;
    return step;
  };
  /** Types into whatever has focus (the Name field must have it), then Enter: one action. */
  const typeName = async (name: string) => {
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent?.trim())).toBe('Name');
    actions++;
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(name);
    await page.keyboard.press('Enter');
    await page.waitForFunction((label) => window.pathways.getMap().nodes.some((n) => n.label === label), name);
  };
  const idOf = async (label: string) => (await getMap(page)).nodes.find((n) => n.label === label)!.id;
  /** Where a node is drawn once the view has stopped moving (two reads a frame apart agree). */
  const settledPosition = async (id: string) => {
    let last = '';
    for (let i = 0; i < 100; i++) {
      const at = await page.evaluate((node) => new Promise((done) => requestAnimationFrame(() => done(window.pathways.nodeScreenPosition(node)))), id);
      if (JSON.stringify(at) === last) return at as { x: number; y: number };
      last = JSON.stringify(at);
    }
    throw new Error(`node ${id} never stopped moving`);
  };

  beforeAll(async () => {
    ({ browser, page } = await launchStudio(inject('baseUrl'), { width: 1280, height: 720 }));
  });
  afterAll(async () => browser?.close());

  it('new map → organization, two programs in it, a referral: at most 12 actions', async () => {
    await act(page.getByRole('button', { name: 'All maps' }).click());
    await act(page.getByRole('button', { name: /New map/ }).click());
    await page.getByRole('button', { name: '+ Organization' }).waitFor();
    await page.waitForFunction(() => document.body.dataset.canvasReady === 'true' && window.pathways.getMap().nodes.length === 0);

    await act(page.getByRole('button', { name: '+ Organization' }).click());
    await typeName('Eastside Family Center');
    const org = await idOf('Eastside Family Center');

    // With the organization selected, the program is created in it; the inspector is at its top.
    await act(page.getByRole('button', { name: '+ Program' }).click());
    expect(await page.getByRole('tabpanel').evaluate((el) => el.scrollTop)).toBe(0);
    await typeName('Parent Navigators');
    // With a program selected, the next program goes to that program's organization.
    await act(page.getByRole('button', { name: '+ Program' }).click());
    await typeName('Family Literacy Nights');
    const [first, second] = [await idOf('Parent Navigators'), await idOf('Family Literacy Nights')];
    const map = await getMap(page);
    expect(map.nodes.filter((n) => n.type === 'program').map((n) => (n as { organization?: string }).organization)).toEqual([org, org]);

    await act(page.getByRole('button', { name: /Draw ties/ }).click());
    await page.evaluate(() => window.pathways.select([]));
    const from = await settledPosition(first);
    const to = await settledPosition(second);
    actions++; // one drag
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 12, from.y + ((to.y - from.y) * i) / 12);
    await page.mouse.up();
    await act(page.getByRole('menuitem', { name: /Referral/ }).click());
    await page.waitForFunction(([a, b]) => window.pathways.getMap().edges.some((e) => e.type === 'referral' && e.source === a && e.target === b), [first, second]);
    expect(actions).toBeLessThanOrEqual(12);
  });

  it('shows life-stage labels, never raw ids, on the canvas lanes and the legend', async () => {
    await page.getByRole('button', { name: /Draw ties/ }).click();
    const lanes = await page.evaluate(() => window.pathways.canvasLanes());
    expect(lanes).toEqual(expect.arrayContaining(['Prenatal & birth', 'K–12']));
    expect(lanes.join(' ')).not.toMatch(/prenatal-birth|early-childhood|\bk12\b/);
    await page.getByRole('complementary', { name: 'Legend' }).getByRole('button', { name: /Legend/ }).click();
    const legend = await page.getByRole('complementary', { name: 'Legend' }).textContent();
    expect(legend).toContain('Prenatal & birth');
    expect(legend).not.toMatch(/prenatal-birth|early-childhood|\bk12\b/);
  });

  it('choosing a life stage keeps the program in view (the viewport follows it to its lane)', async () => {
    const id = await idOf('Parent Navigators');
    await page.evaluate((node) => window.pathways.select([node]), id);
    await page.getByRole('tab', { name: 'Inspect' }).click();
    // Zoomed in on the program, so its new lane (Aging, the last column) starts off screen.
    const canvasBox = (await page.getByTestId('canvas').boundingBox())!;
    const at = await settledPosition(id);
    await page.evaluate(
      ({ at, box }) => {
        const { zoom, pan } = window.pathways.viewport()!;
        const model = { x: (at.x - box.x - pan.x) / zoom, y: (at.y - box.y - pan.y) / zoom };
        const z = 2.5;
        window.pathways.setViewport({ zoom: z, pan: { x: box.width / 2 - model.x * z, y: box.height / 2 - model.y * z } });
      },
      { at, box: canvasBox },
    );
    await page.getByRole('group', { name: 'Life stages' }).getByRole('button', { name: 'Aging' }).click();
    await page.waitForFunction((node) => JSON.stringify(window.pathways.getMap().nodes.find((n) => n.id === node)).includes('"aging"'), id);
    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    await expect
      .poll(async () => {
        const at = await page.evaluate((node) => window.pathways.nodeScreenPosition(node), id);
        return !!at && at.x > canvas.x && at.x < canvas.x + canvas.width && at.y > canvas.y && at.y < canvas.y + canvas.height;
      })
      .toBe(true);
  });

  it('refuses a name over the limit at the field, never cutting it', async () => {
    const name = page.getByLabel('Name', { exact: true });
    await name.fill('x'.repeat(2000));
    await name.press('Enter');
    const message = page.getByRole('alert').filter({ hasText: /2,000 characters; at most 200/ });
    await message.waitFor();
    expect(await name.inputValue()).toHaveLength(2000);
    expect((await getMap(page)).nodes.some((n) => n.label.startsWith('xxx'))).toBe(false);
  });
});
