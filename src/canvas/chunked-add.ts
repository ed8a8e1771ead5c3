// Adding a big map's elements without freezing the page (issue 14): Cytoscape styles each element
// as it is added (~0.25 ms each on a slow laptop), so 25,000 elements in one go block the page for
// seconds. Above CHUNKED_ADD_FROM elements they go in slices, each within a frame's time budget,
// nodes before the edges that need them. Framework-free.
import type { CollectionReturnValue, Core, ElementDefinition } from 'cytoscape';
import { nextTask } from '../model/tasks.ts';

export const CHUNKED_ADD_FROM = 5000;
/**
 * Main-thread time one slice's task may take (a long task is 50 ms). Its frame then styles what it added,
 * in a task of its own of about half that. A slice's cost per element varies 4× (the first ones, before the
 * JIT warms up; nodes with long labels; a garbage collection), so the budget leaves room for a bad guess.
 */
const SLICE_BUDGET_MS = 25;
/**
 * Elements in the first slice, and the fewest in any (a slice also pays a frame's fixed cost). The first slices
 * run before the JIT has warmed up, at ~0.3 ms an element: a first slice of 100 was a 50 ms task at 2,000 programs.
 */
const FIRST_SLICE = 50;
const SMALLEST_SLICE = 50;
/** How much a slice may grow on the last one's time: growing by more overshot into 80–110 ms tasks. */
const MOST_GROWTH = 1.5;

export interface ChunkedAdd {
  /** Resolves once every element is in (false: cancelled first). */
  done: Promise<boolean>;
  cancel(): void;
}

// After the frame is drawn, in a task of its own (not inside the frame's rendering task).
export const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Adds `elements` (nodes first) in slices of adaptive size, one slice per animation frame. */
export function addInSlices(cy: Core, elements: ElementDefinition[]): ChunkedAdd {
  let cancelled = false;
  const done = (async () => {
    let at = 0;
    // While slices arrive nothing is drawn (level-of-detail.ts pauseDrawing: not even z-ordered), so a frame
    // costs about what its slice does and slices can be as small as the budget asks.
    let size = FIRST_SLICE;
    // The first slice in a task of its own too, not in the one that worked out what to add.
    await nextTask();
    while (at < elements.length) {
      if (cancelled) return false;
      const started = performance.now();
      const slice = elements.slice(at, at + size);
      let added: CollectionReturnValue | undefined;
      cy.batch(() => (added = cy.add(slice)));
      // Styled now, slice by slice (Cytoscape styles an element when a style is first read: asking whether it is
      // `interactive` does), not all in the frames that follow, which the slice's timing would not see.
      added?.forEach((ele) => void (ele as unknown as { interactive(): boolean }).interactive());
      at += slice.length;
      const spent = performance.now() - started;
      await nextFrame();
      if (cancelled) return false;
      const scale = Math.min(MOST_GROWTH, Math.max(0.5, SLICE_BUDGET_MS / Math.max(spent, 1)));
      size = Math.max(SMALLEST_SLICE, Math.min(8000, Math.round(slice.length * scale)));
    }
    return !cancelled;
  })();
  return { done, cancel: () => (cancelled = true) };
}
