// Runs around every browser test: a page error (an uncaught exception in the studio) fails the test
// in which it happened, whatever the test itself asserted.
import { afterEach, beforeEach } from 'vitest';
import { takePageErrors } from '../support/browser.ts';

beforeEach(() => {
  takePageErrors();
});

afterEach(() => {
  const errors = takePageErrors();
  if (errors.length) throw new Error(`The page raised ${errors.length} uncaught error(s):\n${errors.join('\n')}`);
});
