// Yielding to the page between slices of long work (loading, drawing, reading a stored map).

/** In a task of its own, after whatever the page has queued: the page draws and takes input first. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

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
