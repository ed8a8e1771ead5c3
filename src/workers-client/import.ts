// The page's side of the import worker: one job at a time; a newer one (another column choice, say)
// supersedes the one in flight.
import type { ImportWorkerApi } from '../../workers/import.worker.ts';
import type { PathwaysMap } from '../model/types.ts';
import { CancellableWorker } from './cancellable.ts';
import type { ImportResult, InputFile } from '../formats/common.ts';
import type { ImportFormat, ImportOptions } from '../formats/index.ts';
import type { MergePlan } from '../formats/merge.ts';
import type { SheetMapping } from '../formats/sheets.ts';

export class ImportSuperseded extends Error {
  constructor() {
    super('superseded by a newer import');
  }
}

export class ImportClient {
  private readonly worker = new CancellableWorker<ImportWorkerApi>(
    () => new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'import' }),
    () => new ImportSuperseded(),
  );

  inspect(files: InputFile[]): Promise<SheetMapping[]> {
    return this.worker.run((api) => api.inspect(files));
  }

  importFiles(files: InputFile[], options: ImportOptions): Promise<ImportResult & { format: ImportFormat | null }> {
    return this.worker.run((api) => api.importFiles(files, options));
  }

  /** A pathways-map file's text, parsed and validated (the page receives only the result). */
  openMap(text: string, fileName: string): Promise<ReturnType<ImportWorkerApi['openMap']>> {
    return this.worker.run((api) => api.openMap(text, fileName));
  }

  planMerge(current: PathwaysMap, incoming: PathwaysMap): Promise<MergePlan> {
    return this.worker.runWithText([current], (api, [currentText]) => api.planMerge(currentText, incoming));
  }

  destroy(): void {
    this.worker.destroy();
  }
}
