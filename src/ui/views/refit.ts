// When the stage changes size (window resized, moved to a projector, side panel shown or hidden), what
// was on screen stays on screen: the canvas port keeps the same centre and scales the zoom.
import type { CanvasPort } from '../../canvas/port.svelte.ts';

export function refitOnResize(stage: HTMLElement, getCanvas: () => CanvasPort | undefined, paused: () => boolean): () => void {
  let last: { width: number; height: number } | null = null;
  const observer = new ResizeObserver(([entry]) => {
    const size = { width: entry.contentRect.width, height: entry.contentRect.height };
    const before = last;
    // While paused (presenting) the slides set the viewport, and on the way out the viewport from before
    // is put back as it was: the size change that ends a pause is not the person's to scale.
    last = paused() ? null : size;
    const canvas = getCanvas();
    if (!canvas || !before || paused() || !size.width || !size.height || !before.width || !before.height) return;
    if (size.width === before.width && size.height === before.height) return;
    canvas.keepCentre(before, size);
  });
  observer.observe(stage);
  return () => observer.disconnect();
}
