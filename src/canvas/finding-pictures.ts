// A small picture of one finding for the printable report: the canvas framed on the finding's own
// elements, drawn to an image, then put back exactly where the person had it.
import type { Core } from 'cytoscape';

/** PNG data URLs, one per list of element ids (null where none of them is on the canvas). */
export function findingPictures(cy: Core | undefined, findings: string[][], maxZoom = 1.1): (string | null)[] {
  if (!cy) return findings.map(() => null);
  const saved = { zoom: cy.zoom(), pan: { ...cy.pan() } };
  cy.stop(true, false);
  try {
    return findings.map((ids) => {
      const elements = ids.reduce((all, id) => all.union(cy.$id(id)), cy.collection());
      const nodes = elements.nodes().union(elements.edges().connectedNodes()).not('.lane');
      if (nodes.empty()) return null;
      cy.fit(nodes, 36);
      // The finding's own elements glow (the search highlight), only while this picture is drawn.
      const marked = elements.not('.search-hit');
      marked.addClass('search-hit');
      // Two programs should not fill the frame at giant size: cap the zoom around their centre.
      if (cy.zoom() > maxZoom) cy.zoom({ level: maxZoom, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      try {
        return cy.png({ full: false, scale: 1.5, bg: '#ffffff', maxWidth: 1200 });
      } catch {
        return null;
      } finally {
        marked.removeClass('search-hit');
      }
    });
  } finally {
    cy.viewport(saved);
  }
}
