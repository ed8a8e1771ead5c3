// A session on a LAN: participants reach the facilitator's laptop by a network name, not localhost.
// Chromium maps `studio.lan` to loopback, so the page is on a non-localhost origin exactly as on a LAN:
// over plain http it is not a secure context (no crypto.subtle for the room secret); `--https` fixes it.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server/app-server.ts';
import { selfSignedCertificate } from '../../src/server/tls.ts';
import { launchBrowser } from '../support/browser.ts';
import { getMap, openStudio, waitForCanvas } from '../support/studio-page.ts';

const LAN_NAME = ['--host-resolver-rules=MAP studio.lan 127.0.0.1'];
const trustTheCertificate = { ignoreHTTPSErrors: true };

describe('a session on a LAN', () => {
  let first: Browser;
  let second: Browser;
  let https: RunningServer;
  let dataDir: string;
  const lanUrl = (url: string) => url.replace(/\/$/, "").replace("127.0.0.1", "studio.lan");

  beforeAll(async () => {
    dataDir = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'lan-'));
    https = await startServer({ host: '127.0.0.1', port: 0, distDir: inject('distDir'), dataDir, tls: selfSignedCertificate(join(dataDir, 'tls')) });
    [first, second] = await Promise.all([launchBrowser(LAN_NAME), launchBrowser(LAN_NAME)]);
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
    await https?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('over --https, two browsers co-edit peer to peer through a network address', async () => {
    expect(https.url).toMatch(/^https:/);
    const ana = await openStudio(first, lanUrl(https.url), undefined, trustTheCertificate);
    await waitForCanvas(ana);
    expect(await ana.evaluate(() => window.isSecureContext && !!crypto.subtle)).toBe(true);
    const url = await ana.evaluate(() => window.pathways.share());
    expect(url).toMatch(/^https:\/\/studio\.lan:\d+\/#room=[\w-]+&key=[\w-]+$/);
    const ben = await openStudio(second, url!, undefined, trustTheCertificate);
    await ben.waitForFunction(() => window.pathways.getMap().nodes.length > 100, undefined, { timeout: 30_000 });
    const id = await ben.evaluate(() => window.pathways.addNode({ type: 'organization', label: 'Joined over the LAN' }));
    await ana.waitForFunction((nodeId) => window.pathways.getMap().nodes.some((n) => n.id === nodeId), id, { timeout: 15_000 });
    await ana.waitForFunction(() => window.pathways.room()!.peers === 1, undefined, { timeout: 15_000 });
    await Promise.all([ana.context().close(), ben.context().close()]);
  });

  it('over plain http on a network address, sharing uses the relay, and a peer-to-peer link explains why it cannot join', async () => {
    const ana = await openStudio(first, lanUrl(inject('baseUrl')));
    await waitForCanvas(ana);
    expect(await ana.evaluate(() => window.isSecureContext)).toBe(false);
    await ana.getByRole('button', { name: 'Share' }).click();
    await ana.getByTestId('insecure-note').waitFor();
    const url = await ana.getByTestId('room-link').inputValue();
    expect(url).toMatch(/&relay=1$/);
    await ana.keyboard.press('Escape');
    const ben = await openStudio(second, url);
    const before = (await getMap(ana)).nodes.length;
    await ben.waitForFunction((count) => window.pathways.getMap().nodes.length === count, before, { timeout: 30_000 });

    // A peer-to-peer link (made on a secure page) opened over plain http: a clear message, no crash.
    const meshLink = `${lanUrl(inject('baseUrl'))}/#room=meshroom123&key=secretsecret123`;
    const carol = await openStudio(second, meshLink);
    await carol.getByRole('alert').filter({ hasText: 'plain http' }).waitFor({ timeout: 10_000 });
    expect((await carol.evaluate(() => window.pathways.room()))!.signaling).toBe(false);
  });
});
