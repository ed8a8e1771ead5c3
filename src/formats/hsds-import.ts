// Open Referral HSDS in every published form, as files: a 1.1 or 3.x data package (a folder's CSV
// files, or a zip already unpacked by expandZips), 3.x tabular JSON (`{"services.csv": [rows]}`),
// 3.x nested JSON (one record or a list) and 3.x API pages (`contents`; several pages add up).
import type { Problem } from '../model/types.ts';
import { decodeText, failed, nestedTooDeep, parseJson, problem, MAX_NESTING, type ImportResult, type InputFile } from './common.ts';
import { hsdsToMap } from './hsds.ts';
import { fromNested, fromTables, readTables, tablesFromJson, type HsdsData } from './hsds-read.ts';

/** A package is named by its folder or zip (`v1.1-sample`, `directory.zip/…`), a JSON file by itself. */
function titleOf(files: InputFile[]): string {
  const parts = (files[0]?.name ?? '').split(/[\\/]/);
  const zip = parts.find((p) => /\.zip$/i.test(p));
  const last = parts[parts.length - 1];
  const named = zip ?? (/\.json$/i.test(last) ? last : parts.length > 1 ? parts[parts.length - 2] : '');
  return named.replace(/\.(zip|json)$/i, '') || 'HSDS import';
}

export function importHsds(files: InputFile[], title?: string): ImportResult {
  const warnings: Problem[] = [];
  const problems: Problem[] = [];
  const defaultTitle = title ?? titleOf(files);
  const csvs = files.filter((f) => /\.csv$/i.test(f.name));
  if (csvs.length) {
    const tables = readTables(csvs, warnings, problems);
    if (problems.length) return failed(problems, warnings);
    if (!tables.has('services') && !tables.has('organizations')) return failed([problem(files[0].name, 'the HSDS package has neither organizations.csv nor services.csv', 'not-this-format')], warnings);
    for (const table of ['organizations', 'services']) if (!tables.has(table)) warnings.push(problem(files[0].name, `the HSDS package has no ${table}.csv`, 'missing-table'));
    return withWarnings(hsdsToMap(fromTables(tables, warnings), defaultTitle), warnings);
  }
  const jsons = files.filter((f) => /\.json$/i.test(f.name) && !/(^|[\\/])datapackage\.json$/i.test(f.name));
  if (!jsons.length) return failed([problem(files[0]?.name ?? '', 'no HSDS JSON or CSV tables found', 'not-this-format')]);
  let data: HsdsData | undefined;
  for (const json of jsons) {
    const decoded = decodeText(json, warnings);
    if ('problem' in decoded) return failed([decoded.problem], warnings);
    const parsed = parseJson(decoded.text, json.name);
    if ('problem' in parsed) return failed([parsed.problem], warnings);
    if (nestedTooDeep(parsed.value)) return failed([problem(json.name, `nests values deeper than ${MAX_NESTING} levels`, 'too-deep')], warnings);
    const tables = tablesFromJson(parsed.value, json.name);
    if (tables) {
      if (jsons.length > 1) return failed([problem(json.name, 'is a whole HSDS package in tabular JSON; import it on its own', 'not-this-format')], warnings);
      return withWarnings(hsdsToMap(fromTables(tables, warnings), defaultTitle), warnings);
    }
    const read = fromNested(parsed.value, json.name, warnings, data);
    if (!read) return failed([problem(json.name, 'has no HSDS organizations or services', 'not-this-format')], warnings);
    data = read;
  }
  return withWarnings(hsdsToMap(data!, defaultTitle), warnings);
}

const withWarnings = (result: ImportResult, warnings: Problem[]): ImportResult => ({ ...result, warnings: [...warnings, ...result.warnings] });

/** True when these JSON files are HSDS (tabular, nested or API pages); for format detection. */
export function isHsdsJson(value: unknown, file: string): boolean {
  return !!tablesFromJson(value, file) || !!fromNested(value, file);
}
