import { describe, expect, it } from 'vitest';
import { ignoreForeignSignaling, isFailedDecryption } from '../../../src/ui/state/foreign-signaling.ts';

describe('signaling that does not decrypt with the room key', () => {
  it.each([
    ['a WebCrypto decryption failure', new DOMException('', 'OperationError'), true],
    ['another DOMException', new DOMException('', 'AbortError'), false],
    ['an ordinary error', new Error('OperationError'), false],
    ['a plain object named like one', { name: 'OperationError' }, false],
    ['nothing', undefined, false],
  ])('%s → dropped: %s', (_, reason, expected) => {
    expect(isFailedDecryption(reason)).toBe(expected);
  });

  it('drops only those rejections, and installs once', () => {
    const listeners: ((event: { reason: unknown; preventDefault(): void }) => void)[] = [];
    const scope = { addEventListener: (_type: string, listener: never) => listeners.push(listener) } as unknown as Window;
    ignoreForeignSignaling(scope);
    ignoreForeignSignaling(scope);
    expect(listeners).toHaveLength(1);
    const prevented = (reason: unknown) => {
      let yes = false;
      listeners[0]({ reason, preventDefault: () => (yes = true) });
      return yes;
    };
    expect(prevented(new DOMException('', 'OperationError'))).toBe(true);
    expect(prevented(new TypeError('a real bug'))).toBe(false);
  });
});
