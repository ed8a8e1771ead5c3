// Uncaught errors in any page of a browser the tests launched. Every browser test fails on one
// (test/e2e/setup.ts checks after each test and each file), so a broken page never passes quietly.
import type { Browser, BrowserContext } from 'playwright-core';

const errors: string[] = [];

/** Errors since the last call, emptied. */
export function takePageErrors(): string[] {
  return errors.splice(0);
}

function watch(context: BrowserContext): BrowserContext {
  context.on('weberror', (webError) => {
    const error = webError.error();
    errors.push(`${error.message}${error.stack ? `\n${error.stack.split('\n').slice(1, 4).join('\n')}` : ''}`);
  });
  return context;
}

/** Records page errors of every context and page the browser opens. */
export function watchPageErrors(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => watch(await newContext(...args));
  browser.newPage = async (...args) => {
    const context = await browser.newContext(...args);
    const page = await context.newPage();
    // Closing the page closes its own context, as Browser.newPage does.
    page.on('close', () => void context.close().catch(() => {}));
    return page;
  };
  return browser;
}
