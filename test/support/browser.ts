// Real Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core.
// Each call launches a separate browser process with its own fresh profile (two of them talk
// over real WebRTC).
import { chromium, type Browser } from 'playwright-core';
import { watchPageErrors } from './page-errors.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `extraArgs`: e.g. `--host-resolver-rules=MAP studio.lan 127.0.0.1`, to reach loopback by a LAN-like name. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--allow-loopback-in-peer-connection',
      '--use-fake-ui-for-media-stream',
      ...extraArgs,
    ],
  });
  // A page error fails the test that caused it (test/e2e/setup.ts).
  return watchPageErrors(browser);
}
