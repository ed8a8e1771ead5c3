// Every browser test fails on an uncaught error in any page it opened (test/support/page-errors.ts).
import { afterAll, afterEach } from 'vitest';
import { takePageErrors } from '../support/page-errors.ts';

function failOnPageErrors(): void {
  const errors = takePageErrors();
  if (errors.length) throw new Error(`${errors.length} page error${errors.length > 1 ? 's' : ''}:\n${errors.join('\n')}`);
}

afterEach(failOnPageErrors);
afterAll(failOnPageErrors);
