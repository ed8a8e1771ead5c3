// Pictures of the canvas for downloads: PNG as a blob and SVG text (the cytoscape-svg extension,
// registered once, on the first SVG export).
import cytoscape, { type Core } from 'cytoscape';
import svgExtension from 'cytoscape-svg';

export function pngBlob(cy: Core): Blob {
  return cy.png({ full: true, scale: 2, bg: '#fff', output: 'blob' }) as unknown as Blob;
}

let svgRegistered = false;

export function svgText(cy: Core): string {
  if (!svgRegistered) {
    cytoscape.use(svgExtension);
    svgRegistered = true;
  }
  return (cy as unknown as { svg(options: object): string }).svg({ full: true, scale: 1, bg: '#fff' });
}
