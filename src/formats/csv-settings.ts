// The third CSV of an export, `…-map.csv`: what is not a node or a tie (the map's meta, its views,
// unknown top-level fields) as `Setting,Value` rows, each value JSON. Kumu ignores it; our importer
// reads it back so a CSV round trip keeps the whole map.
import Papa from 'papaparse';
import type { PathwaysMap, Problem } from '../model/types.ts';
import { place, problem } from './common.ts';
import { escapeCell, unescapeCell } from './csv-export.ts';

const TOP_LEVEL = new Set(['format', 'version', 'meta', 'nodes', 'edges', 'views', 'positions']);

export function isSettingsTable(headers: string[]): boolean {
  return headers.length === 2 && headers[0].toLowerCase() === 'setting' && headers[1].toLowerCase() === 'value';
}

export function exportSettings(map: PathwaysMap): string {
  const rows: string[][] = [];
  for (const [key, value] of Object.entries(map.meta)) if (value !== undefined) rows.push([`meta.${key}`, JSON.stringify(value)]);
  rows.push(['views', JSON.stringify(map.views)]);
  for (const [key, value] of Object.entries(map)) if (!TOP_LEVEL.has(key)) rows.push([`extra.${key}`, JSON.stringify(value)]);
  return Papa.unparse({ fields: ['Setting', 'Value'], data: rows.map(([k, v]) => [escapeCell(k), escapeCell(v)]) }, { newline: '\r\n' }) + '\r\n';
}

export interface Settings {
  meta: Record<string, unknown>;
  views?: PathwaysMap['views'];
  extra: Record<string, unknown>;
}

export function readSettings(file: string, rows: string[][], problems: Problem[]): Settings {
  const settings: Settings = { meta: {}, extra: {} };
  rows.forEach(([rawKey = '', rawValue = ''], i) => {
    const key = unescapeCell(rawKey.trim());
    let value: unknown;
    try {
      value = JSON.parse(unescapeCell(rawValue));
    } catch {
      problems.push(problem(place(file, i + 2, 'Value'), 'is not valid JSON'));
      return;
    }
    if (key === 'views') settings.views = value as PathwaysMap['views'];
    else if (key.startsWith('meta.')) settings.meta[key.slice(5)] = value;
    else if (key.startsWith('extra.')) settings.extra[key.slice(6)] = value;
    else problems.push(problem(place(file, i + 2, 'Setting'), `"${key}" is not a map setting (meta.…, views or extra.…)`));
  });
  return settings;
}
