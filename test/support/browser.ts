// Real Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core.
// Each call launches a separate browser process with its own fresh profile (two of them talk
// over real WebRTC). Every page of every browser launched here is watched: an uncaught error in a
// page fails the test that was running (test/e2e/setup.ts), never just a log line.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const pageErrors: string[] = [];

/** The page errors seen since the last call (and forgets them). */
export function takePageErrors(): string[] {
  return pageErrors.splice(0);
}

/** For a test that provokes a page error on purpose: the errors matching `pattern` are expected. */
export function expectPageErrors(pattern: RegExp): string[] {
  const matching = pageErrors.filter((message) => pattern.test(message));
  const rest = pageErrors.filter((message) => !pattern.test(message));
  pageErrors.splice(0, pageErrors.length, ...rest);
  return matching;
}

function watch(page: Page): void {
  page.on('pageerror', (error) => {
    pageErrors.push(`${page.url()}: ${error.message}`);
    console.error(`[page error] ${error.message}`);
  });
}

function watchContext(context: BrowserContext): BrowserContext {
  context.pages().forEach(watch);
  context.on('page', watch);
  return context;
}

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
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => watchContext(await newContext(...args));
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args) => {
    const page = await newPage(...args);
    watch(page);
    return page;
  };
  return browser;
}
