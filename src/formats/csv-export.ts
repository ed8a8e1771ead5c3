// Elements and connections as two Kumu-compatible CSV files. Our fields become extra columns; extra
// fields that are not all text are written as JSON in a `name:json` column. Spreadsheet-safe: a cell
// that a spreadsheet would run as a formula gets a leading `'` (the importer removes exactly that).
import Papa from 'papaparse';
import type { PathwaysMap } from '../model/types.ts';
import { CONNECTION_COLUMNS, ELEMENT_COLUMNS, FIELD_SUFFIX, fieldForHeader, JSON_SUFFIX, NUMBER_TEXT, type FieldColumn } from './fields.ts';

const FORMULA_START = /^'*[=+\-@\t\r]/;
/** A list column's cell for an empty list (an empty cell means the field is not set). */
export const EMPTY_LIST_CELL = '[]';

/** `=SUM(A1)` → `'=SUM(A1)`; `'=x` (a quote the user typed) → `''=x`, so the import gives it back. */
export function escapeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unescapeCell(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function cell(value: unknown, column: FieldColumn | null): string {
  if (value === undefined || value === null) return '';
  // An empty list is `[]`, not an empty cell (which is "not set"), so the round trip tells them apart.
  if (column?.kind === 'list' && Array.isArray(value)) return value.length ? value.join('|') : EMPTY_LIST_CELL;
  if (!column) return typeof value === 'string' ? value : JSON.stringify(value);
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** How an extra field is written: plain when a re-import gives it back as it is, else JSON. */
function extraKind(rows: Record<string, unknown>[], key: string): 'text' | 'number' | 'json' {
  const values = rows.map((r) => r[key]).filter((v) => v !== undefined);
  if (values.every((v) => typeof v === 'number' && Number.isFinite(v))) return 'number';
  // Empty strings, and text a re-import would read as numbers (a column of `12`), go as JSON.
  if (values.every((v) => typeof v === 'string' && v !== '' && !NUMBER_TEXT.test(v.trim()) && v.trim() === v)) return 'text';
  return 'json';
}

function table(rows: Record<string, unknown>[], known: FieldColumn[], always: string[]): string {
  const used = known.filter((c) => always.includes(c.field) || rows.some((r) => r[c.field] !== undefined));
  const knownFields = new Set(known.map((c) => c.field));
  const extras: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!knownFields.has(key) && !extras.includes(key)) extras.push(key);
  const extraColumns = extras.map((key) => {
    const kind = extraKind(rows, key);
    // A field a column of ours would claim (`name` → Label, `x` → X) is marked as the node's own.
    const header = fieldForHeader(key, known) ? key + FIELD_SUFFIX : key;
    return { key, header: kind === 'json' ? header + JSON_SUFFIX : header, json: kind === 'json' };
  });
  const fields = [...used.map((c) => c.header), ...extraColumns.map((c) => c.header)];
  const data = rows.map((row) => [
    ...used.map((c) => escapeCell(cell(row[c.field], c))),
    ...extraColumns.map((c) => (row[c.key] === undefined ? '' : escapeCell(c.json ? JSON.stringify(row[c.key]) : String(row[c.key])))),
  ]);
  return Papa.unparse({ fields, data }, { newline: '\r\n' }) + '\r\n';
}

export interface CsvExport {
  elements: string;
  connections: string;
}

export function exportCsv(map: PathwaysMap): CsvExport {
  // X and Y are positions; a node's own `x`/`y` fields go in `x:field`/`y:field` columns.
  const positionKeys = new Set(['x', 'y']);
  const elements = map.nodes.map((node) => {
    const position = map.positions[node.id];
    const row: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) row[positionKeys.has(key) ? `${key}${FIELD_SUFFIX}` : key] = value;
    if (position) Object.assign(row, { x: position.x, y: position.y });
    return row;
  });
  return {
    elements: table(elements, ELEMENT_COLUMNS, ['id', 'label', 'type']),
    connections: table(map.edges as unknown as Record<string, unknown>[], CONNECTION_COLUMNS, ['id', 'source', 'target', 'type']),
  };
}
