// Adding a big map's elements without freezing the page (issue 14): Cytoscape styles each element
// as it is added (~0.25 ms each on a slow laptop), so 25,000 elements in one go block the page for
// seconds. Above CHUNKED_ADD_FROM elements they go in slices, each within a frame's time budget,
// nodes before the edges that need them. Framework-free.
import type { Core, ElementDefinition } from 'cytoscape';

export const CHUNKED_ADD_FROM = 5000;
/** Main-thread time one slice and the frame that styles and draws it may take together (a long task is 50 ms). */
const FRAME_BUDGET_MS = 35;

export interface ChunkedAdd {
  /** Resolves once every element is in (false: cancelled first). */
  done: Promise<boolean>;
  cancel(): void;
}

// After the frame is drawn, in a task of its own (not inside the frame's rendering task).
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Adds `elements` (nodes first) in slices of adaptive size, one slice per animation frame. */
export function addInSlices(cy: Core, elements: ElementDefinition[]): ChunkedAdd {
  let cancelled = false;
  const done = (async () => {
    let at = 0;
    // Each of Cytoscape's frames also costs time in proportion to all elements so far (z-order,
    // bounds): at most ~20 slices, or the load takes minutes of frames.
    const smallest = Math.max(400, Math.ceil(elements.length / 20));
    let size = smallest;
    while (at < elements.length) {
      if (cancelled) return false;
      const started = performance.now();
      const slice = elements.slice(at, at + size);
      cy.batch(() => cy.add(slice));
      at += slice.length;
      await nextFrame();
      // Cytoscape styles and draws what was added in its next frame: the whole span counts.
      const spent = performance.now() - started;
      const scale = Math.min(2, Math.max(0.5, FRAME_BUDGET_MS / Math.max(spent, 1)));
      size = Math.max(smallest, Math.min(8000, Math.round(slice.length * scale)));
    }
    return !cancelled;
  })();
  return { done, cancel: () => (cancelled = true) };
}
