import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttle } from '../../../src/collab/throttle.ts';

describe('latest-wins throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the first task at once, then only the newest one per interval, and always the last', () => {
    const sent: number[] = [];
    const throttle = new Throttle(() => 50);
    throttle.run(() => sent.push(1));
    expect(sent).toEqual([1]);
    for (let i = 2; i <= 5; i++) {
      vi.advanceTimersByTime(10);
      throttle.run(() => sent.push(i));
    }
    // 40 ms in: nothing more yet; at 50 ms the newest (5) goes out, the ones it replaced never do.
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(10);
    expect(sent).toEqual([1, 5]);
    vi.advanceTimersByTime(1_000);
    expect(sent).toEqual([1, 5]);
    // Quiet for longer than the interval: the next runs at once again.
    throttle.run(() => sent.push(6));
    expect(sent).toEqual([1, 5, 6]);
  });

  it('asks for the interval at each run, so it can grow with the room', () => {
    let interval = 50;
    const sent: string[] = [];
    const throttle = new Throttle(() => interval);
    throttle.run(() => sent.push('a'));
    interval = 200;
    vi.advanceTimersByTime(100);
    throttle.run(() => sent.push('b'));
    vi.advanceTimersByTime(99);
    expect(sent).toEqual(['a']);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual(['a', 'b']);
  });

  it('now() runs at once and drops what waits; cancel() drops it too', () => {
    const sent: string[] = [];
    const throttle = new Throttle(() => 50);
    throttle.run(() => sent.push('a'));
    throttle.run(() => sent.push('waiting'));
    throttle.now(() => sent.push('now'));
    // Within the interval after now(): this one waits, and cancel() drops it.
    throttle.run(() => sent.push('later'));
    throttle.cancel();
    vi.advanceTimersByTime(1_000);
    expect(sent).toEqual(['a', 'now']);
  });
});
