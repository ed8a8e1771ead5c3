// A sheet's rows as fields: cells of our columns read by their kind, other columns kept as extra
// fields (JSON where the header says `:json`, numbers where the whole column is numeric). Ragged rows
// and oversized cells are named, never fatal.
import type { Problem } from '../model/types.ts';
import { MAX_NESTING, nestedTooDeep, place, problem } from './common.ts';
import { EMPTY_LIST_CELL, unescapeCell } from './csv-export.ts';
import { extraField, NUMBER_TEXT, type FieldColumn } from './fields.ts';
import { problemsFull } from './lenient.ts';

/** A sheet as read: its file, header row and data rows (the header is row 1). */
export interface CsvTable {
  file: string;
  headers: string[];
  rows: string[][];
}

/** For each header: one of our fields, `extra` (kept under its own name) or `ignore`. */
export type ColumnChoice = string;
export type ColumnMapping = Record<string, ColumnChoice>;

/** An extra cell longer than this is shortened (a description of ours has its own, smaller limit). */
export const MAX_CELL = 20_000;

export interface SheetRow {
  row: number;
  /** Our fields, by field name. */
  fields: Record<string, unknown>;
  /** Other columns, by their own names (never overwriting ours). */
  extras: Record<string, unknown>;
  /** Header of each field, for messages. */
  headers: Record<string, string>;
}

function readCell(raw: string, column: FieldColumn, at: string, problems: Problem[], warnings: Problem[]): unknown {
  const value = unescapeCell(raw.trim());
  if (value === '') return undefined;
  switch (column.kind) {
    case 'list':
      if (value === EMPTY_LIST_CELL) return [];
      return value.split('|').map((v) => v.trim()).filter(Boolean);
    case 'number': {
      const plain = value.replace(/,/g, '');
      const n = Number(plain);
      if (Number.isFinite(n)) {
        if (plain !== value) warnings.push(problem(at, `"${value}" read as ${n}`, 'coerced-number'));
        return n;
      }
      problems.push(problem(at, `"${value.slice(0, 40)}" is not a number`, 'not-a-number'));
      return undefined;
    }
    case 'boolean':
      if (/^(true|yes|y|1|x)$/i.test(value)) return true;
      if (/^(false|no|n|0)$/i.test(value)) return false;
      problems.push(problem(at, `"${value.slice(0, 40)}" is not yes or no`, 'not-a-boolean'));
      return undefined;
    default:
      return value;
  }
}

/** Extra (non-JSON) columns in which every filled cell is a number: read as numbers. */
function numericColumns(table: CsvTable, mapping: ColumnMapping): Set<number> {
  const numeric = new Set<number>();
  table.headers.forEach((header, i) => {
    if ((mapping[header] ?? 'extra') !== 'extra' || extraField(header).json) return;
    let filled = 0;
    for (const cells of table.rows) {
      // Negative numbers come back from our export quote-escaped (`'-3`), as a spreadsheet would.
      const cell = unescapeCell((cells[i] ?? '').trim());
      if (!cell) continue;
      if (!NUMBER_TEXT.test(cell)) return;
      filled++;
    }
    if (filled) numeric.add(i);
  });
  return numeric;
}

export function readRows(table: CsvTable, columns: FieldColumn[], mapping: ColumnMapping, problems: Problem[], warnings: Problem[]): SheetRow[] {
  const byField = new Map(columns.map((c) => [c.field, c]));
  const numeric = numericColumns(table, mapping);
  const rows: SheetRow[] = [];
  for (const [index, cells] of table.rows.entries()) {
    if (problemsFull(problems, table.file)) break;
    const row = index + 2;
    const fields: Record<string, unknown> = {};
    const extras: Record<string, unknown> = {};
    const headers: Record<string, string> = {};
    if (cells.length > table.headers.length && cells.slice(table.headers.length).some((c) => c.trim())) {
      warnings.push(problem(place(table.file, row), `has ${cells.length} cells but the header names ${table.headers.length}; the cells past the last column are dropped`, 'dropped-value'));
    }
    table.headers.forEach((header, i) => {
      const choice = mapping[header] ?? 'extra';
      const raw = cells[i] ?? '';
      if (choice === 'ignore' || !header) return;
      const at = place(table.file, row, header);
      if (choice === 'extra') {
        let text = unescapeCell(raw);
        if (text === '') return;
        const { field, json } = extraField(header);
        if (json) {
          try {
            const value: unknown = JSON.parse(text);
            if (nestedTooDeep(value)) problems.push(problem(at, `nests values deeper than ${MAX_NESTING} levels`, 'too-deep'));
            else extras[field] = value;
          } catch {
            problems.push(problem(at, 'is not valid JSON', 'malformed'));
          }
          return;
        }
        if (text.length > MAX_CELL) {
          warnings.push(problem(at, `is ${text.length} characters; shortened to ${MAX_CELL}`, 'shortened'));
          text = text.slice(0, MAX_CELL - 1) + '…';
        }
        extras[field] = numeric.has(i) ? Number(text.trim()) : text;
        return;
      }
      const column = byField.get(choice) ?? { field: choice, header, kind: 'string' as const };
      const value = readCell(raw, column, at, problems, warnings);
      if (value !== undefined) fields[choice] = value;
      headers[choice] = header;
    });
    rows.push({ row, fields, extras, headers });
  }
  return rows;
}
