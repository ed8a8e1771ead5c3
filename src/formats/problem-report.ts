// An import's warnings for people: grouped by kind with counts (the dialog), and as a CSV of
// file, place, kind and message (to fix the source, or to keep as a record of what changed).
import Papa from 'papaparse';
import type { Problem } from '../model/types.ts';
import { escapeCell } from './csv-export.ts';

/** What each kind of warning means, in the dialog's words. Unknown kinds show as themselves. */
export const KIND_LABELS: Record<string, string> = {
  'id-namespaced': 'Ids renamed to stay unique',
  'dangling-reference': 'References to something missing (skipped)',
  'duplicate-id': 'Repeated ids (later ones skipped)',
  'generated-id': 'Ids given where there were none',
  'dropped-value': 'Values left out',
  'renamed-field': 'Fields kept under another name',
  'time-series': 'Values over time (latest shown, all kept)',
  'skipped-tie': 'Ties with no type of ours (skipped)',
  'changed-value': 'Text cleaned or shortened',
  shortened: 'Text shortened to fit',
  'coerced-number': 'Numbers read from text',
  'not-a-number': 'Not a number (kept as text or left out)',
  'dropped-table': 'Tables the map has no use for (not read)',
  'skipped-row': 'Rows skipped',
  'not-imported': 'Parts not imported',
  'duplicate-record': 'Repeated records (imported once)',
  'missing-id': 'Records without an id',
  'missing-table': 'Tables missing',
  encoding: 'Text encoding',
  other: 'Other',
};

export interface WarningGroup {
  kind: string;
  label: string;
  items: Problem[];
}

/** Groups by kind, biggest group first (ties keep the order they were first met). */
export function groupByKind(problems: Problem[]): WarningGroup[] {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    const kind = p.kind ?? 'other';
    const group = groups.get(kind);
    if (group) group.push(p);
    else groups.set(kind, [p]);
  }
  return [...groups]
    .map(([kind, items]) => ({ kind, label: KIND_LABELS[kind] ?? kind, items }))
    .sort((a, b) => b.items.length - a.items.length);
}

/** Splits `people.csv row 4, column "To"` into the file (the longest file name it starts with) and the place. */
export function splitPlace(path: string, fileNames: string[]): { file: string; place: string } {
  const file = fileNames.filter((name) => path === name || path.startsWith(`${name} `)).sort((a, b) => b.length - a.length)[0];
  return file ? { file, place: path.slice(file.length).trim() } : { file: '', place: path };
}

/** One row per warning: file, place, kind, message; spreadsheet-safe cells. */
export function problemsCsv(problems: Problem[], fileNames: string[]): string {
  const rows = problems.map((p) => {
    const { file, place } = splitPlace(p.path, fileNames);
    return [file, place, p.kind ?? 'other', p.message].map(escapeCell);
  });
  return Papa.unparse({ fields: ['file', 'place', 'kind', 'message'], data: rows }, { newline: '\r\n' }) + '\r\n';
}
