// Yielding to the page between slices of long work: each wait is a task of its own, taken in order.
import { describe, expect, it } from 'vitest';
import { nextTask, runInSlices } from '../../../src/model/tasks.ts';

describe('tasks', () => {
  it('resumes waiters in the order they asked, each after what was already queued', async () => {
    const order: string[] = [];
    const waits = ['a', 'b', 'c'].map((name) => nextTask().then(() => order.push(name)));
    queueMicrotask(() => order.push('microtask'));
    await Promise.all(waits);
    expect(order).toEqual(['microtask', 'a', 'b', 'c']);
  });

  it('runs sliced work to its result, pausing when over budget, and stops when no longer wanted', async () => {
    let pauses = 0;
    function* steps(): Generator<void, number> {
      for (let i = 0; i < 5; i++) {
        pauses++;
        yield;
      }
      return 42;
    }
    expect(await runInSlices(steps(), 0)).toEqual({ value: 42 });
    expect(pauses).toBe(5);
    let wanted = true;
    const stopped = runInSlices(steps(), 0, () => wanted);
    wanted = false;
    expect(await stopped).toBeNull();
  });
});
