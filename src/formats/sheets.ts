// Which files of an import are spreadsheets of ours or a stranger's, and what each column likely means:
// the column-mapping step of the import dialog starts from this.
import type { InputFile } from './common.ts';
import { parseCsvTable, suggestMapping, tableKind, type ColumnMapping, type TableKind } from './csv.ts';
import { isSettingsTable } from './csv-settings.ts';
import { expandZips } from './index.ts';

export interface SheetMapping {
  file: string;
  kind: TableKind;
  headers: string[];
  mapping: ColumnMapping;
}

/** The element and connection sheets among the files (none unless every file is CSV and not an HSDS package). */
export function inspectSheets(files: InputFile[]): SheetMapping[] {
  const expanded = expandZips(files).files;
  if (!expanded.length || !expanded.every((f) => /\.csv$/i.test(f.name)) || expanded.some((f) => /(^|\/)services\.csv$/i.test(f.name))) return [];
  const sheets: SheetMapping[] = [];
  for (const file of expanded) {
    const parsed = parseCsvTable(file, []);
    if ('table' in parsed && !isSettingsTable(parsed.table.headers)) {
      const kind = tableKind(parsed.table.headers);
      sheets.push({ file: file.name, kind, headers: parsed.table.headers, mapping: suggestMapping(parsed.table.headers, kind) });
    }
  }
  return sheets;
}
