// Yielding to the page between slices of long work (loading, drawing, reading a stored map).

// A message to ourselves, not setTimeout(0): browsers hold a timeout nested five deep for at least 4 ms, so
// work done 8 ms per task with timeouts idled a third of the time (reopening a county map: ~1 s of its 3).
const waiting: (() => void)[] = [];
const channel = typeof MessageChannel === 'undefined' ? null : new MessageChannel();
if (channel) {
  const port = channel.port1 as unknown as { onmessage: (() => void) | null; unref?(): void };
  port.onmessage = () => waiting.shift()?.();
  // In Node (the CLI, tests) an open port would keep the process alive.
  port.unref?.();
}

/** In a task of its own, after whatever the page has queued: the page draws and takes input first. */
export const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    if (!channel) return void setTimeout(resolve, 0);
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

/**
 * Runs `steps` (a generator that pauses now and then) about `budgetMs` per task, so long work never holds
 * the page for more than a frame. Null if `wanted()` turns false between tasks (the work was superseded).
 */
export async function runInSlices<T>(steps: Generator<void, T>, budgetMs: number, wanted: () => boolean = () => true): Promise<{ value: T } | null> {
  let deadline = performance.now() + budgetMs;
  let step = steps.next();
  while (!step.done) {
    if (performance.now() > deadline) {
      await nextTask();
      if (!wanted()) return null;
      deadline = performance.now() + budgetMs;
    }
    step = steps.next();
  }
  return { value: step.value };
}
