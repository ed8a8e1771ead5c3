// Saving the open map as a file and opening a file: an invalid file reports its problems and
// replaces nothing.
import { LIMITS } from '../model/constants.ts';
import { formatProblems, parseMapText, type ValidationResult } from '../model/validate.ts';
import { ImportClient } from '../workers-client/import.ts';
import type { PathwaysMap, Problem } from '../model/types.ts';

export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function fileNameFor(map: PathwaysMap, extension = 'json'): string {
  const slug = (map.meta.title || 'map').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'map';
  return `${slug}.pathways.${extension}`;
}

export interface OpenedFile {
  fileName: string;
  map: PathwaysMap | null;
  problems: Problem[];
  /** The problems as lines `file: path: message`. */
  report: string;
}

/** From this many characters a map file is parsed off the main thread (the demo's is ~60 kB). */
const PARSE_IN_WORKER_FROM = 512 * 1024;

async function parseInWorker(text: string, fileName: string): Promise<ValidationResult> {
  const client = new ImportClient();
  try {
    return await client.openMap(text, fileName);
  } finally {
    client.destroy();
  }
}

export async function readMapFromFile(file: File): Promise<OpenedFile> {
  if (file.size > LIMITS.fileBytes) {
    const problems = [{ path: '', message: `the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${LIMITS.fileBytes / 1024 / 1024} MB` }];
    return { fileName: file.name, map: null, problems, report: formatProblems(problems, file.name) };
  }
  const text = await file.text();
  // A county's map file (megabytes) is parsed and validated in the import worker: the page never blocks on it.
  const { map, problems } = text.length < PARSE_IN_WORKER_FROM ? parseMapText(text, file.name) : await parseInWorker(text, file.name);
  return { fileName: file.name, map, problems, report: formatProblems(problems, file.name) };
}
