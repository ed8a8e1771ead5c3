// The import dialog's state: the files dropped or picked, the detected format, the column mapping
// for spreadsheets whose headers are not ours, the import result and the merge preview. The import
// worker does the reading and planning (a big directory takes a few hundred ms); this class holds
// what the dialog shows.
import { countMap, IMPORT_LIMIT_BYTES, type ImportResult, type InputFile } from '../../formats/common.ts';
import { ImportClient, ImportSuperseded } from '../../workers-client/import.ts';
import { needsMapping, suggestMapping, type TableKind } from '../../formats/csv.ts';
import { ELEMENT_COLUMNS, CONNECTION_COLUMNS } from '../../formats/fields.ts';
import { FORMAT_NAMES, type ImportFormat } from '../../formats/index.ts';
import { applyMerge, type MergePlan } from '../../formats/merge.ts';
import type { SheetMapping } from '../../formats/sheets.ts';
import { readMapFile } from '../../model/snapshot.ts';
import type { Problem } from '../../model/types.ts';
import type { Session } from '../state/session.svelte.ts';
import type { Studio } from '../state/studio.svelte.ts';

export type { SheetMapping };

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
  /** The worker is reading or planning; the result on screen may be a step behind. */
  busy = $state(false);
  /** The worker failed (a bug, not bad input: bad input comes back as problems). */
  error = $state<string | null>(null);
  private readonly client = new ImportClient();
  private job = 0;

  constructor(private studio: Studio, private session: Session) {}

  get formatName(): string {
    return this.result?.format ? FORMAT_NAMES[this.result.format] : this.busy ? 'Reading…' : 'Unknown format';
  }
  get counts() {
    return this.result?.map ? countMap(this.result.map) : null;
  }
  get problems(): Problem[] {
    return [...(this.result?.problems ?? []), ...(this.mode === 'merge' ? (this.plan?.problems ?? []) : [])];
  }
  get canApply(): boolean {
    return !this.busy && !!this.result?.map && (this.mode === 'new' || !!this.plan?.merged);
  }

  /** Reads the files, offers a column mapping for spreadsheets, and runs the import. */
  load(files: InputFile[]): Promise<void> {
    this.files = files;
    return this.work(async () => {
      this.sheets = await this.client.inspect(files);
      await this.importAndPlan();
    });
  }

  /** True when a spreadsheet's headers are not ours: the dialog opens on the mapping step. */
  get mappingNeeded(): boolean {
    return this.sheets.some((s) => needsMapping(s.headers, s.kind));
  }

  setKind(index: number, kind: TableKind): Promise<void> {
    const sheet = this.sheets[index];
    sheet.kind = kind;
    sheet.mapping = suggestMapping(sheet.headers, kind);
    return this.run();
  }

  setColumn(index: number, header: string, choice: string): Promise<void> {
    this.sheets[index].mapping[header] = choice;
    return this.run();
  }

  run(): Promise<void> {
    return this.work(() => this.importAndPlan());
  }

  setMode(mode: ImportMode): Promise<void> {
    this.mode = mode;
    return this.work(() => this.planPreview());
  }

  destroy(): void {
    this.client.destroy();
  }

  private async importAndPlan(): Promise<void> {
    const mappings = Object.fromEntries(this.sheets.map((s) => [s.file, $state.snapshot(s.mapping)]));
    this.result = await this.client.importFiles(this.files, this.sheets.length ? { mappings } : {});
    await this.planPreview();
  }

  private async planPreview(): Promise<void> {
    this.plan = this.result?.map && this.mode === 'merge' ? await this.client.planMerge(readMapFile(this.studio.doc), this.result.map) : null;
  }

  /** Runs a job; a newer job supersedes it (its worker call rejects, quietly). */
  private async work(job: () => Promise<void>): Promise<void> {
    const mine = ++this.job;
    this.busy = true;
    this.error = null;
    try {
      await job();
    } catch (error) {
      if (!(error instanceof ImportSuperseded) && mine === this.job) this.error = (error as Error).message;
    } finally {
      if (mine === this.job) this.busy = false;
    }
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
