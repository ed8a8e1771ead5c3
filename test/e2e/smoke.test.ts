import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';

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
});
