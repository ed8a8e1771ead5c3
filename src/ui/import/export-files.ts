// Export downloads from the browser: the map in each file format (same exporters as the CLI), and
// PNG / SVG pictures of the current view of the canvas.
import type { CanvasPort } from '../../canvas/port.svelte.ts';
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

export function downloadPng(canvas: CanvasPort, map: PathwaysMap): void {
  downloadBlob(canvas.exportPngBlob(), `${baseNameFor(map)}.png`);
}

export function downloadSvg(canvas: CanvasPort, map: PathwaysMap): void {
  downloadText(canvas.exportSvg(), `${baseNameFor(map)}.svg`, 'image/svg+xml');
}
