// Issue 6 in the browser: import a CSV pair through the dialog, see the preview, merge it, and take
// it all back with one undo.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getMap, launchStudio, waitForCanvas } from '../support/studio-page.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/formats');
/** The import worker has finished reading (or re-reading after a column choice). */
async function settled(page: Page): Promise<void> {
  await page.getByTestId('import-format').waitFor(); // the dialog opens once the files are read
  await page.getByTestId('import-busy').waitFor({ state: 'detached' });
}

describe('import in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await launchStudio(inject('baseUrl')));
  });
  afterAll(async () => browser?.close());

  it('imports a CSV pair with a preview, merges it as one change, and one undo restores the map', async () => {
    const before = await getMap(page);
    await page.setInputFiles('[data-testid="import-file"]', [join(FIXTURES, 'town-elements.csv'), join(FIXTURES, 'town-connections.csv')]);
    await settled(page);
    await expect(page.getByTestId('import-format').textContent()).resolves.toContain('Spreadsheet (CSV) · 2 files');
    // The files were read in the import worker, not on the page's main thread.
    expect(page.workers().map((w) => w.url()).some((url) => /import\.worker/.test(url))).toBe(true);
    await expect(page.getByTestId('import-counts').innerText()).resolves.toMatch(/2\s+organizations\s+3\s+programs\s+3\s+ties/);
    // The fixture's five elements and three ties are all new to the demo map.
    await expect(page.getByTestId('merge-preview').innerText()).resolves.toMatch(/Adds 5 nodes and 3 ties · updates 0 · skips 0/);
    expect((await getMap(page)).nodes.length).toBe(before.nodes.length);

    await page.getByTestId('import-apply').click();
    await page.waitForFunction((n) => window.pathways.getMap().nodes.length === n + 5, before.nodes.length);
    const after = await getMap(page);
    expect(after.nodes.find((n) => n.label === 'Home Visits')).toMatchObject({ type: 'program', capacity: 120, organization: 'harbor-family-center' });
    expect(after.edges.length).toBe(before.edges.length + 3);

    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction((n) => window.pathways.getMap().nodes.length === n, before.nodes.length);
    const undone = await getMap(page);
    expect(undone.nodes).toEqual(before.nodes);
    expect(undone.edges).toEqual(before.edges);
  });

  it('shows problems with file, row and column and offers nothing to apply', async () => {
    await page.setInputFiles('[data-testid="import-file"]', [
      { name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from('Label,Capacity\nAda,lots\n') },
      { name: 'links.csv', mimeType: 'text/csv', buffer: Buffer.from('From,To\nAda,Ada\n') },
    ]);
    await settled(page);
    await expect(page.getByTestId('import-problems').innerText()).resolves.toContain('people.csv row 2, column "Capacity": "lots" is not a number');
    await expect(page.getByTestId('import-apply').isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('routes dropped files: a Kumu blueprint to the import dialog, our own map straight in', async () => {
    const blueprint = readFileSync(join(FIXTURES, 'kumu-small.json'), 'utf8');
    await page.evaluate((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'network.json', { type: 'application/json' }));
      document.querySelector('.studio')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, blueprint);
    await settled(page);
    await expect(page.getByTestId('import-format').textContent()).resolves.toContain('Kumu blueprint · 1 file');
    await expect(page.getByTestId('import-counts').innerText()).resolves.toMatch(/2\s+organizations\s+2\s+programs\s+2\s+ties/);
    await page.getByRole('button', { name: 'Cancel' }).click();

    // A pathways-map JSON still opens directly, as before: no dialog.
    const current = await getMap(page);
    const smaller = { ...current, nodes: current.nodes.filter((n) => n.id !== 'job-center'), edges: current.edges.filter((e) => e.source !== 'job-center' && e.target !== 'job-center') };
    delete smaller.positions['job-center'];
    await page.evaluate((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'harbor.json', { type: 'application/json' }));
      document.querySelector('.studio')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, JSON.stringify(smaller));
    await page.waitForFunction(() => !window.pathways.getMap().nodes.some((n) => n.id === 'job-center'));
    await expect(page.getByTestId('import-format').count()).resolves.toBe(0);
  });

  it('exports GraphML, a PNG and an SVG of the view from the Export menu', async () => {
    const download = async (id: string) => {
      await page.getByRole('button', { name: 'Export' }).click();
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${id}`).click()]);
      return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
    };
    const graphml = await download('graphml');
    expect(graphml.name).toBe('harbor-county-cradle-to-career.graphml');
    expect(graphml.bytes.toString('utf8')).toContain('<key id="n0" for="node" attr.name="type" attr.type="string"/>');
    const png = await download('png');
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const svg = await download('svg');
    expect(svg.name).toMatch(/\.svg$/);
    expect(svg.bytes.toString('utf8')).toMatch(/<svg[\s\S]*<\/svg>/);
  });

  it('groups warnings by kind with counts, expands a group, and downloads them as CSV', async () => {
    const gexf = `<gexf><graph><nodes><node id="0" label="Ada"/><node id="1" label="Ben"/></nodes>
      <edges><edge id="0" source="0" target="1"/><edge source="0" target="9"/><edge source="1" target="8"/></edges></graph></gexf>`;
    await page.setInputFiles('[data-testid="import-file"]', { name: 'study.gexf', mimeType: 'application/xml', buffer: Buffer.from(gexf) });
    await settled(page);
    const box = page.getByTestId('import-warnings');
    await expect(box.locator('.warn-head strong').innerText()).resolves.toBe('3 warnings');
    await expect(box.locator('details.warn-group summary').allInnerTexts()).resolves.toEqual(['2 References to something missing (skipped)', '1 Ids renamed to stay unique']);
    const missing = box.locator('details[data-kind="dangling-reference"]');
    await expect(missing.locator('li').first().isVisible()).resolves.toBe(false);
    await missing.locator('summary').click();
    await expect(missing.locator('li').allInnerTexts()).resolves.toEqual(['study.gexf edge 2: skipped: target "9" is not a node', 'study.gexf edge 3: skipped: target "8" is not a node']);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-warnings-csv').click()]);
    expect(file.suggestedFilename()).toBe('study-warnings.csv');
    const csv = readFileSync((await file.path())!, 'utf8').trim().split('\r\n');
    expect(csv).toEqual([
      'file,place,kind,message',
      'study.gexf,edge 2,dangling-reference,"skipped: target ""9"" is not a node"',
      'study.gexf,edge 3,dangling-reference,"skipped: target ""8"" is not a node"',
      'study.gexf,,id-namespaced,"1 edge id is also used by a node or an earlier edge; renamed ""0"" → ""e:0"""',
    ]);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('maps the columns of a foreign spreadsheet, then imports it as a new map', async () => {
    await page.setInputFiles('[data-testid="import-file"]', join(FIXTURES, 'agencies.csv'));
    await settled(page);
    await expect(page.getByTestId('import-problems').innerText()).resolves.toContain('has no "Label" column');
    await page.getByLabel('Column "Agency Name" means').selectOption('label');
    await page.getByLabel('Column "What they do" means').selectOption('description');
    await settled(page);
    await expect(page.getByTestId('import-counts').innerText()).resolves.toMatch(/2\s+organizations\s+0\s+programs\s+0\s+ties/);
    await page.getByLabel('New map').check();
    await settled(page);
    await page.getByTestId('import-apply').click();
    // getMap throws while one map closes and the next opens.
    await page.waitForFunction(() => { try { return window.pathways.getMap().meta.title === 'agencies'; } catch { return false; } });
    await waitForCanvas(page);
    const map = await getMap(page);
    expect(map.nodes.map((n) => [n.label, n.description, n.Phone])).toEqual([
      ['Harbor Family Center', 'Home visits', '555-0100'],
      ['Eastside Library', 'Books and story time', '555-0101'],
    ]);
  });
});
