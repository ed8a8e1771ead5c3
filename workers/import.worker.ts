// Thin comlink entry: reading imported files (zips, spreadsheets, directories), parsing and validating a
// big map file, and planning a merge run here, off the page's main thread. The open map crosses as JSON
// text, in parts (text-parts.ts).
import * as Comlink from 'comlink';
import type { ImportOptions } from '../src/formats/index.ts';
import { importFiles } from '../src/formats/index.ts';
import type { InputFile } from '../src/formats/common.ts';
import { planMerge } from '../src/formats/merge.ts';
import { parseMapText } from '../src/model/validate.ts';
import { inspectSheets } from '../src/formats/sheets.ts';
import type { PathwaysMap } from '../src/model/types.ts';
import { TextInbox, type TextRef } from '../src/workers-client/text-parts.ts';

const inbox = new TextInbox();

const api = {
  inspect: (files: InputFile[]) => inspectSheets(files),
  importFiles: (files: InputFile[], options: ImportOptions) => importFiles(files, options),
  openMap: (text: string, fileName: string) => parseMapText(text, fileName),
  textPart: inbox.textPart,
  planMerge: (current: TextRef, incoming: PathwaysMap) => planMerge(JSON.parse(inbox.take(current)), incoming),
};
export type ImportWorkerApi = typeof api;
Comlink.expose(api);
