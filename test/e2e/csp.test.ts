// The built studio under the server's Content-Security-Policy (no inline script, no eval): it runs, shares
// a room through signaling and the relay, and embeds in an iframe only through an embed link. Any page
// error or CSP violation fails the test.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { smallMap } from '../fixtures/small-map.ts';

describe('the studio under its Content-Security-Policy', () => {
  let browser: Browser;
  const problems: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  async function watchedPage(): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (/Content.Security.Policy|unsafe-eval|Refused to/i.test(message.text())) problems.push(`console: ${message.text()}`);
    });
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`Refused to: CSP violation ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
      ),
    );
    return page;
  }

  it('runs, validates a map, shares it and moves it to the relay with no CSP violation', async () => {
    const page = await watchedPage();
    const response = await page.goto(inject('baseUrl'));
    expect(response!.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await page.waitForFunction(() => window.pathways !== undefined);
    await page.evaluate(() => window.pathways.ready);
    await page.waitForFunction(() => document.body.dataset.canvasReady === 'true', undefined, { timeout: 30_000 });
    // Loading runs the precompiled Ajv validators.
    await page.evaluate((json) => window.pathways.loadMap(json), smallMap());
    expect((await page.evaluate(() => window.pathways.getMap())).nodes.length).toBe(smallMap().nodes.length);
    // Analysis runs in a Web Worker (worker-src).
    const { report } = await page.evaluate(() => window.pathways.analyze());
    expect(report).toBeTruthy();
    const id = await page.evaluate(() => window.pathways.addNode({ type: 'organization', label: 'Under the CSP' }));
    expect(id).toBeTruthy();
    const url = await page.evaluate(() => window.pathways.share());
    expect(url).toContain('#room=');
    const relayUrl = await page.evaluate(() => window.pathways.setRelay(true));
    expect(relayUrl).toMatch(/&relay=1$/);
    // A viewer reaches the map through the relay's websocket (connect-src).
    const viewer = await watchedPage();
    await viewer.goto((await page.evaluate(() => window.pathways.room()))!.viewerUrl!);
    // Until the room's map arrives the viewer has none open (getMap throws): keep waiting.
    await viewer.waitForFunction(
      (nodeId) => {
        try {
          return window.pathways?.getMap().nodes.some((n) => n.id === nodeId) ?? false;
        } catch {
          return false;
        }
      },
      id,
      { timeout: 30_000 },
    );
    expect(problems).toEqual([]);
  });

  it('frames only an embed link', async () => {
    const base = inject('baseUrl');
    const host = await watchedPage();
    // A page that embeds the studio twice: through an embed link, and plainly. Served by the same server
    // (from this run's own build folder); frame-ancestors 'none' refuses even its own origin.
    const framed = base;
    writeFileSync(
      join(inject('distDir'), 'embedder.html'),
      `<!doctype html><iframe id="embed" width="900" height="600" src="${framed}/?embed=1#embed=1"></iframe><iframe id="plain" src="${framed}/"></iframe>`,
    );
    await host.goto(`${base}/embedder.html`);
    const embed = host.frameLocator('#embed');
    await embed.locator('[data-testid="embed-bar"]').waitFor({ timeout: 30_000 });
    // The plain studio refuses to be framed: Chromium says so, and the frame never gets the app.
    await expect.poll(() => problems.some((p) => /frame-ancestors/.test(p)), { timeout: 15_000 }).toBe(true);
    const plain = host.frames().find((f) => f.url() === `${framed}/`);
    expect(await plain?.evaluate(() => 'pathways' in window).catch(() => false)).toBeFalsy();
    const violations = problems.filter((p) => !/frame-ancestors/.test(p));
    expect(violations).toEqual([]);
    problems.length = 0;
  });
});
