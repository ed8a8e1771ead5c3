import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { takePageErrors } from '../support/page-errors.ts';

describe('the served studio', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('loads in Chromium with the page title', async () => {
    const page = await browser.newPage();
    await page.goto(inject('baseUrl'));
    await expect(page.title()).resolves.toBe('Pathways Studio');
  });

  it('records an uncaught page error, which fails the test that caused it', async () => {
    const page = await browser.newPage();
    await page.goto(inject('baseUrl'));
    await page.evaluate(() => void setTimeout(() => { throw new Error('deliberate page error'); }));
    // Taken here, so this test passes; left, test/e2e/setup.ts would fail it.
    await expect.poll(() => takePageErrors().join('\n'), { timeout: 5000 }).toContain('deliberate page error');
  });
});
