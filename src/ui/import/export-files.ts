// Export downloads from the browser: the map in each file format (same exporters as the CLI), and
// PNG / SVG pictures of the current view of the canvas.
import cytoscape, { type Core } from 'cytoscape';
import svgExtension from 'cytoscape-svg';
import { exportMap, type ExportFormat } from '../../formats/index.ts';
import type { PathwaysMap } from '../../model/types.ts';
import { downloadBlob, downloadText } from '../files.ts';

export function baseNameFor(map: PathwaysMap): string {
  return (map.meta.title || 'map').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'map';
}

export function downloadMapAs(map: PathwaysMap, format: ExportFormat): void {
  const base = baseNameFor(map) + (format === 'json' ? '.pathways' : '');
  for (const file of exportMap(map, format)) downloadText(file.text, base + file.suffix, file.type);
}

export function downloadPng(cy: Core, map: PathwaysMap): void {
  const blob = cy.png({ full: true, scale: 2, bg: '#fff', output: 'blob' }) as unknown as Blob;
  downloadBlob(blob, `${baseNameFor(map)}.png`);
}

let svgRegistered = false;

export function downloadSvg(cy: Core, map: PathwaysMap): void {
  if (!svgRegistered) {
    cytoscape.use(svgExtension);
    svgRegistered = true;
  }
  const svg = (cy as unknown as { svg(options: object): string }).svg({ full: true, scale: 1, bg: '#fff' });
  downloadText(svg, `${baseNameFor(map)}.svg`, 'image/svg+xml');
}
