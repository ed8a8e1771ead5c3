// One entry point for importing: detects the format of the files given (several at once: a CSV
// pair, an HSDS data package, a zip) and runs the right importer. Also the list of exporters.
import type { PathwaysMap, Problem } from '../model/types.ts';
import { decodeText, failed, parseJson, problem, sizeProblem, type ImportResult, type InputFile } from './common.ts';
import { importCsv, type CsvOptions } from './csv.ts';
import { exportCsv } from './csv-export.ts';
import { exportSettings } from './csv-settings.ts';
import { exportGexf, importGexf } from './gexf.ts';
import { exportGraphml, importGraphml } from './graphml.ts';
import { importHsds, isHsdsJson } from './hsds-import.ts';
import { exportCyjs, exportJson, importCyjs, importJson, isCytoscapeJson } from './json.ts';
import { importKumu, isKumuBlueprint } from './kumu.ts';
import { unpackZip } from './zip.ts';

export type ImportFormat = 'json' | 'csv' | 'kumu' | 'hsds' | 'graphml' | 'gexf' | 'cyjs';
export const IMPORT_FORMATS: ImportFormat[] = ['json', 'csv', 'kumu', 'hsds', 'graphml', 'gexf', 'cyjs'];
export const FORMAT_NAMES: Record<ImportFormat, string> = {
  json: 'Pathways map (JSON)', csv: 'Spreadsheet (CSV)', kumu: 'Kumu blueprint', hsds: 'Open Referral HSDS', graphml: 'GraphML', gexf: 'GEXF', cyjs: 'Cytoscape JSON',
};

const HSDS_TABLES = ['organizations.csv', 'services.csv'];

/** A services table (1.1 exports sometimes name it in the singular) beside another HSDS table or a datapackage.json. */
function isHsdsPackage(names: string[]): boolean {
  const has = (...options: string[]) => options.some((n) => names.includes(n));
  return has('services.csv', 'service.csv') && has('organizations.csv', 'organization.csv', 'datapackage.json', 'services_at_location.csv', 'service_at_location.csv', 'locations.csv', 'services_taxonomy.csv');
}

/** Unpacks zips (one level, sizes checked before inflating: zip.ts) so the rest only sees plain files. */
export function expandZips(files: InputFile[]): { files: InputFile[]; problems: Problem[] } {
  const out: InputFile[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const tooBig = sizeProblem(file);
    if (tooBig) problems.push(tooBig);
    else if (!/\.zip$/i.test(file.name)) out.push(file);
    else {
      const unpacked = unpackZip(file);
      if ('problem' in unpacked) problems.push(unpacked.problem);
      else out.push(...unpacked.files);
    }
  }
  return { files: out, problems };
}

const baseName = (name: string) => name.replace(/^.*[\\/]/, '').toLowerCase();

/** Which importer fits these files, or null with the reason. */
export function detectFormat(files: InputFile[]): { format: ImportFormat } | { problem: Problem } {
  if (!files.length) return { problem: problem('', 'no files to import') };
  const names = files.map((f) => baseName(f.name));
  if (isHsdsPackage(names)) return { format: 'hsds' };
  if (names.every((n) => n.endsWith('.csv'))) return { format: 'csv' };
  if (names.length > 1 && names.every((n) => n.endsWith('.json'))) return hsdsPages(files);
  if (names.length === 1) {
    const name = names[0];
    if (name.endsWith('.graphml')) return { format: 'graphml' };
    if (name.endsWith('.gexf')) return { format: 'gexf' };
    if (name.endsWith('.cyjs')) return { format: 'cyjs' };
    if (name.endsWith('.json')) {
      const warnings: Problem[] = [];
      const decoded = decodeText(files[0], warnings);
      if ('problem' in decoded) return { problem: decoded.problem };
      const parsed = parseJson(decoded.text, files[0].name);
      if ('problem' in parsed) return { problem: parsed.problem };
      const value = parsed.value as Record<string, unknown>;
      if (value && value.format === 'pathways-map') return { format: 'json' };
      if (isKumuBlueprint(value)) return { format: 'kumu' };
      if (isCytoscapeJson(value)) return { format: 'cyjs' };
      if (isHsdsJson(value, name)) return { format: 'hsds' };
      return { problem: problem(files[0].name, 'is JSON, but not a pathways map, a Kumu blueprint, Cytoscape JSON or HSDS') };
    }
  }
  if (names.some((n) => n.endsWith('.csv')) && names.includes('datapackage.json')) return { problem: problem(files[0].name, `an HSDS data package needs ${HSDS_TABLES.join(' and ')}`) };
  return { problem: problem(files.map((f) => f.name).join(', '), 'cannot tell the format: give CSV files, one JSON, GraphML, GEXF or an HSDS package (zip or its CSV files)') };
}

/** Several JSON files are HSDS API pages (or records) when every one of them reads as HSDS. */
function hsdsPages(files: InputFile[]): { format: ImportFormat } | { problem: Problem } {
  for (const file of files) {
    const decoded = decodeText(file, []);
    if ('problem' in decoded) return { problem: decoded.problem };
    const parsed = parseJson(decoded.text, file.name);
    if ('problem' in parsed) return { problem: parsed.problem };
    if (!isHsdsJson(parsed.value, file.name)) return { problem: problem(file.name, 'several JSON files are read as HSDS pages, and this one is not HSDS: import it on its own', 'not-this-format') };
  }
  return { format: 'hsds' };
}

export interface ImportOptions extends CsvOptions {
  format?: ImportFormat;
}

/** Imports files of any supported format. Zips are unpacked first. Never throws: an importer's
 * unforeseen failure is still a problem naming the files, not an exception in the worker or CLI. */
export function importFiles(input: InputFile[], options: ImportOptions = {}): ImportResult & { format: ImportFormat | null } {
  try {
    return importUnguarded(input, options);
  } catch (error) {
    // Last resort: an importer bug must still come back as a problem naming the files, never a crash.
    const names = input.map((f) => f.name).join(', ');
    return { ...failed([problem(names, `could not be imported (${error instanceof Error ? error.message : String(error)})`, 'internal-error')]), format: null };
  }
}

function importUnguarded(input: InputFile[], options: ImportOptions): ImportResult & { format: ImportFormat | null } {
  const { files, problems } = expandZips(input);
  if (problems.length) return { ...failed(problems), format: null };
  if (input.some((f) => /\.zip$/i.test(f.name)) && !files.length) return { ...failed([problem(input[0].name, 'is empty')]), format: null };
  let format = options.format;
  if (!format) {
    const detected = detectFormat(files);
    if ('problem' in detected) return { ...failed([detected.problem]), format: null };
    format = detected.format;
  }
  return { ...runImporter(format, files, options), format };
}

function runImporter(format: ImportFormat, files: InputFile[], options: ImportOptions): ImportResult {
  const single = (fn: (f: InputFile) => ImportResult) => (files.length === 1 ? fn(files[0]) : failed([problem(files.map((f) => f.name).join(', '), `${FORMAT_NAMES[format]} is one file; got ${files.length}`)]));
  switch (format) {
    case 'json': return single(importJson);
    case 'kumu': return single(importKumu);
    case 'graphml': return single(importGraphml);
    case 'gexf': return single(importGexf);
    case 'cyjs': return single(importCyjs);
    case 'csv': return importCsv(files, options);
    case 'hsds': return importHsds(files, options.title);
  }
}

export type ExportFormat = 'json' | 'csv' | 'graphml' | 'gexf' | 'cyjs';
export const EXPORT_FORMATS: ExportFormat[] = ['json', 'csv', 'graphml', 'gexf', 'cyjs'];

/** The files an export produces: name suffix → content (CSV gives two files). */
export function exportMap(map: PathwaysMap, format: ExportFormat): { suffix: string; text: string; type: string }[] {
  switch (format) {
    case 'json': return [{ suffix: '.json', text: exportJson(map), type: 'application/json' }];
    case 'graphml': return [{ suffix: '.graphml', text: exportGraphml(map), type: 'application/xml' }];
    case 'gexf': return [{ suffix: '.gexf', text: exportGexf(map), type: 'application/xml' }];
    case 'cyjs': return [{ suffix: '.cyjs', text: exportCyjs(map), type: 'application/json' }];
    case 'csv': {
      const { elements, connections } = exportCsv(map);
      return [
        { suffix: '-elements.csv', text: elements, type: 'text/csv' },
        { suffix: '-connections.csv', text: connections, type: 'text/csv' },
        { suffix: '-map.csv', text: exportSettings(map), type: 'text/csv' },
      ];
    }
  }
}

export type { ImportResult, InputFile } from './common.ts';
export { importHsds } from './hsds-import.ts';
