// Runs around every browser test: a page error (an uncaught exception in the studio) fails the test
// in which it happened, whatever the test itself asserted.
import { afterAll, afterEach, beforeEach } from 'vitest';
import { takePageErrors } from '../support/browser.ts';

const failOnPageErrors = () => {
  const errors = takePageErrors();
  if (errors.length) throw new Error(`The page raised ${errors.length} uncaught error(s):\n${errors.join('\n')}`);
};
// An error while the file set its pages up (beforeAll: opening the studio, loading a map) fails the
// first test, instead of being forgotten before it.
beforeEach(failOnPageErrors);
afterEach(failOnPageErrors);
// An error after the file's last test (while browsers close) fails the file.
afterAll(failOnPageErrors);
