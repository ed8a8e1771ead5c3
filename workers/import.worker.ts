// Thin comlink entry: reading imported files (zips, spreadsheets, directories), parsing and validating a
// big map file, and planning a merge run here, off the page's main thread. The open map crosses as JSON text.
import * as Comlink from 'comlink';
import type { ImportOptions } from '../src/formats/index.ts';
import { importFiles } from '../src/formats/index.ts';
import type { InputFile } from '../src/formats/common.ts';
import { planMerge } from '../src/formats/merge.ts';
import { parseMapText } from '../src/model/validate.ts';
import { inspectSheets } from '../src/formats/sheets.ts';
import type { PathwaysMap } from '../src/model/types.ts';

const api = {
  inspect: (files: InputFile[]) => inspectSheets(files),
  importFiles: (files: InputFile[], options: ImportOptions) => importFiles(files, options),
  openMap: (text: string, fileName: string) => parseMapText(text, fileName),
  planMerge: (currentJson: string, incoming: PathwaysMap) => planMerge(JSON.parse(currentJson), incoming),
};
export type ImportWorkerApi = typeof api;
Comlink.expose(api);
