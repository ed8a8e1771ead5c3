// The import dialog's state: the files dropped or picked, the detected format, the column mapping
// for spreadsheets whose headers are not ours, the import result and the merge preview. Pure
// importers do the work; this class only holds what the dialog shows.
import { countMap, IMPORT_LIMIT_BYTES, type ImportResult, type InputFile } from '../../formats/common.ts';
import { needsMapping, parseCsvTable, suggestMapping, tableKind, type ColumnMapping, type TableKind } from '../../formats/csv.ts';
import { isSettingsTable } from '../../formats/csv-settings.ts';
import { ELEMENT_COLUMNS, CONNECTION_COLUMNS } from '../../formats/fields.ts';
import { expandZips, FORMAT_NAMES, importFiles, type ImportFormat } from '../../formats/index.ts';
import { applyMerge, planMerge, type MergePlan } from '../../formats/merge.ts';
import { readMapFile } from '../../model/snapshot.ts';
import type { Problem } from '../../model/types.ts';
import type { Session } from '../state/session.svelte.ts';
import type { Studio } from '../state/studio.svelte.ts';

export interface SheetMapping {
  file: string;
  kind: TableKind;
  headers: string[];
  mapping: ColumnMapping;
}

export type ImportMode = 'new' | 'merge';

export function fieldChoices(kind: TableKind): { value: string; label: string }[] {
  const columns = kind === 'elements' ? ELEMENT_COLUMNS : CONNECTION_COLUMNS;
  return [...columns.map((c) => ({ value: c.field, label: c.header })), { value: 'extra', label: 'Keep as extra field' }, { value: 'ignore', label: 'Ignore' }];
}

export async function readInputFiles(files: File[]): Promise<InputFile[]> {
  // A file over the limit is not read at all: the importer reports its size.
  return Promise.all(
    files.map(async (file) => (file.size > IMPORT_LIMIT_BYTES ? { name: file.name, bytes: new Uint8Array(0), size: file.size } : { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
}

export class ImportState {
  files = $state.raw<InputFile[]>([]);
  sheets = $state<SheetMapping[]>([]);
  result = $state.raw<(ImportResult & { format: ImportFormat | null }) | null>(null);
  mode = $state<ImportMode>('merge');
  plan = $state.raw<MergePlan | null>(null);
  applied = $state(false);

  constructor(private studio: Studio, private session: Session) {}

  get formatName(): string {
    return this.result?.format ? FORMAT_NAMES[this.result.format] : 'Unknown format';
  }
  get counts() {
    return this.result?.map ? countMap(this.result.map) : null;
  }
  get problems(): Problem[] {
    return [...(this.result?.problems ?? []), ...(this.mode === 'merge' ? (this.plan?.problems ?? []) : [])];
  }
  get canApply(): boolean {
    return !!this.result?.map && (this.mode === 'new' || !!this.plan?.merged);
  }

  /** Reads the files, offers a column mapping for spreadsheets, and runs the import. */
  load(files: InputFile[]): void {
    this.files = files;
    const expanded = expandZips(files).files;
    const sheets: SheetMapping[] = [];
    if (expanded.length && expanded.every((f) => /\.csv$/i.test(f.name)) && !expanded.some((f) => /(^|\/)services\.csv$/i.test(f.name))) {
      for (const file of expanded) {
        const parsed = parseCsvTable(file, []);
        if ('table' in parsed && !isSettingsTable(parsed.table.headers)) {
          const kind = tableKind(parsed.table.headers);
          sheets.push({ file: file.name, kind, headers: parsed.table.headers, mapping: suggestMapping(parsed.table.headers, kind) });
        }
      }
    }
    this.sheets = sheets;
    this.run();
  }

  /** True when a spreadsheet's headers are not ours: the dialog opens on the mapping step. */
  get mappingNeeded(): boolean {
    return this.sheets.some((s) => needsMapping(s.headers, s.kind));
  }

  setKind(index: number, kind: TableKind): void {
    const sheet = this.sheets[index];
    sheet.kind = kind;
    sheet.mapping = suggestMapping(sheet.headers, kind);
    this.run();
  }

  setColumn(index: number, header: string, choice: string): void {
    this.sheets[index].mapping[header] = choice;
    this.run();
  }

  run(): void {
    const mappings = Object.fromEntries(this.sheets.map((s) => [s.file, $state.snapshot(s.mapping)]));
    this.result = importFiles(this.files, this.sheets.length ? { mappings } : {});
    this.preview();
  }

  preview(): void {
    this.plan = this.result?.map && this.mode === 'merge' ? planMerge(readMapFile(this.studio.doc), this.result.map) : null;
  }

  setMode(mode: ImportMode): void {
    this.mode = mode;
    this.preview();
  }

  /** Merge: one local transaction (one undo step). New map: a new map in this browser, opened. */
  async apply(): Promise<string> {
    const map = this.result?.map;
    if (!map) throw new Error('Nothing to import');
    if (this.mode === 'merge') {
      if (!this.plan) throw new Error('No merge preview');
      applyMerge(this.studio.doc, this.plan);
      this.applied = true;
      const { added, updated } = this.plan;
      return `Merged: ${added.nodes} nodes and ${added.edges} ties added, ${updated.nodes + updated.edges} updated`;
    }
    await this.session.createAndOpen(map);
    this.applied = true;
    return `Imported as a new map: ${map.meta.title}`;
  }
}
