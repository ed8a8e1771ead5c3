// When the stage changes size (window resized, moved to a projector, side panel shown or hidden), what
// was on screen stays on screen: the same centre, with the zoom scaled as the canvas grew or shrank.
import type { Core } from 'cytoscape';

export function refitOnResize(stage: HTMLElement, getCy: () => Core | undefined, paused: () => boolean): () => void {
  let last: { width: number; height: number } | null = null;
  const observer = new ResizeObserver(([entry]) => {
    const size = { width: entry.contentRect.width, height: entry.contentRect.height };
    const before = last;
    last = size;
    const cy = getCy();
    if (!cy || !before || paused() || !size.width || !size.height || !before.width || !before.height) return;
    if (size.width === before.width && size.height === before.height) return;
    cy.resize();
    const zoom = cy.zoom();
    const pan = cy.pan();
    const centre = { x: (before.width / 2 - pan.x) / zoom, y: (before.height / 2 - pan.y) / zoom };
    // By the change in area (the geometric mean of both ratios): resizing back restores the zoom exactly.
    const ratio = Math.sqrt((size.width / before.width) * (size.height / before.height));
    const scaled = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), zoom * ratio));
    cy.viewport({ zoom: scaled, pan: { x: size.width / 2 - centre.x * scaled, y: size.height / 2 - centre.y * scaled } });
  });
  observer.observe(stage);
  return () => observer.disconnect();
}
