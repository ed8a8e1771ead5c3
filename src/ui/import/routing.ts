// What to do with dropped files: one pathways-map JSON opens as before (replacing the map, with its
// own problem report); anything else (CSV, Kumu, HSDS, GraphML, GEXF, a zip, several files) goes to
// the import dialog.
import type { InputFile } from '../../formats/common.ts';
import { readInputFiles } from './import-state.svelte.ts';

export type DropRoute = { kind: 'open'; file: File } | { kind: 'import'; files: InputFile[] } | { kind: 'none' };

export async function routeFiles(files: File[]): Promise<DropRoute> {
  if (!files.length) return { kind: 'none' };
  if (files.length === 1 && /\.json$/i.test(files[0].name) && (await isPathwaysMap(files[0]))) return { kind: 'open', file: files[0] };
  return { kind: 'import', files: await readInputFiles(files) };
}

async function isPathwaysMap(file: File): Promise<boolean> {
  // The format tag sits near the start of our files; a broken JSON that says it is ours still
  // goes to `openFile`, which reports its problems.
  const head = await file.slice(0, 4096).text();
  return /"format"\s*:\s*"pathways-map"/.test(head);
}
