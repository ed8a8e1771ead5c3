// Spreadsheet import: an elements CSV (Kumu: `Label` or `ID` first, `Type`, `Description`, `Tags`
// with `|` between values) and a connections CSV (`From`, `To`, `Type`), plus our fields as extra
// columns. Rows are named as a spreadsheet shows them: the header is row 1.
import Papa from 'papaparse';
import type { EdgeType, MapEdge, MapNode, Problem } from '../model/types.ts';
import { EDGE_TYPES } from '../model/constants.ts';
import { ENDPOINT_DEFAULT } from './foreign.ts';
import { cleanLabel, cleanText, decodeText, failed, finish, place, problem, slug, type Draft, type ImportResult, type InputFile } from './common.ts';
import { unescapeCell } from './csv-export.ts';
import { isSettingsTable, readSettings, type Settings } from './csv-settings.ts';
import { CONNECTION_COLUMNS, ELEMENT_COLUMNS, fieldForHeader } from './fields.ts';
import { readRows, type ColumnMapping, type CsvTable } from './csv-rows.ts';
import { assignForeign } from './lenient.ts';

/** Extra fields never overwrite these (a `type:field` column is kept as `csv:type`). */
const NODE_RESERVED = new Set(['id', 'label', 'type']);
const EDGE_RESERVED = new Set(['id', 'type', 'source', 'target']);

export type { ColumnChoice, ColumnMapping, CsvTable } from './csv-rows.ts';
export type TableKind = 'elements' | 'connections';

export function parseCsvTable(file: InputFile, warnings: Problem[]): { table: CsvTable } | { problems: Problem[] } {
  const decoded = decodeText(file, warnings);
  if ('problem' in decoded) return { problems: [decoded.problem] };
  const parsed = Papa.parse<string[]>(decoded.text, { skipEmptyLines: 'greedy' });
  const problems = parsed.errors
    .filter((e) => e.type === 'Quotes')
    .map((e) => problem(place(file.name, (e.row ?? 0) + 1), 'a quoted cell is never closed (unbalanced ")'));
  if (problems.length) return { problems };
  const [headers = [], ...rows] = parsed.data;
  if (!headers.some((h) => h.trim())) return { problems: [problem(file.name, 'has no header row')] };
  return { table: { file: file.name, headers: headers.map((h) => h.trim()), rows } };
}

export function tableKind(headers: string[], mapping?: ColumnMapping): TableKind {
  const fields = headers.map((h) => mapping?.[h] ?? fieldForHeader(h, CONNECTION_COLUMNS)?.field);
  return fields.includes('source') || fields.includes('target') ? 'connections' : 'elements';
}

/** Our best guess for each header; unknown headers are kept as extra fields. */
export function suggestMapping(headers: string[], kind: TableKind): ColumnMapping {
  const columns = kind === 'elements' ? ELEMENT_COLUMNS : CONNECTION_COLUMNS;
  const mapping: ColumnMapping = {};
  // Each field is claimed once, exact names before aliases: beside a `Label` column, `name` is a field of its own.
  const squash = (h: string) => h.toLowerCase().replace(/[\s_-]+/g, '');
  const exact = (header: string, field: string) => columns.some((c) => c.field === field && (squash(c.header) === squash(header) || squash(c.field) === squash(header)));
  const claimed = new Set<string>();
  const ordered = [...headers].sort((a, b) => Number(exact(b, fieldForHeader(b, columns)?.field ?? '')) - Number(exact(a, fieldForHeader(a, columns)?.field ?? '')));
  for (const header of ordered) {
    const field = fieldForHeader(header, columns)?.field;
    mapping[header] = field && !claimed.has(field) ? field : 'extra';
    if (field) claimed.add(field);
  }
  return Object.fromEntries(headers.map((h) => [h, mapping[h]]));
}

/** True when a spreadsheet's headers are not ours, so the user should map its columns. */
export function needsMapping(headers: string[], kind: TableKind): boolean {
  const mapping = suggestMapping(headers, kind);
  const fields = Object.values(mapping);
  return kind === 'elements' ? !fields.includes('label') && !fields.includes('id') : !fields.includes('source') || !fields.includes('target');
}

function nodeType(raw: unknown, typeNotes: Map<string, string>): MapNode['type'] {
  const text = String(raw ?? '').trim().toLowerCase();
  if (text === 'organization' || text === 'program') return text;
  const type = /program|service|initiative|project/.test(text) ? 'program' : 'organization';
  if (text) typeNotes.set(String(raw), type);
  return type;
}

export interface CsvOptions {
  /** Per file name: how its columns map to our fields (default: `suggestMapping`). */
  mappings?: Record<string, ColumnMapping>;
  title?: string;
}

export function importCsv(files: InputFile[], options: CsvOptions = {}): ImportResult {
  const warnings: Problem[] = [];
  const problems: Problem[] = [];
  const tables: { table: CsvTable; kind: TableKind; mapping: ColumnMapping }[] = [];
  let settings: Settings | undefined;
  for (const file of files) {
    const parsed = parseCsvTable(file, warnings);
    if ('problems' in parsed) problems.push(...parsed.problems);
    else if (isSettingsTable(parsed.table.headers) && !options.mappings?.[file.name]) settings = readSettings(file.name, parsed.table.rows, problems);
    else {
      const given = options.mappings?.[file.name];
      const kind = tableKind(parsed.table.headers, given);
      tables.push({ table: parsed.table, kind, mapping: given ?? suggestMapping(parsed.table.headers, kind) });
    }
  }
  if (problems.length) return failed(problems, warnings);
  const elementTables = tables.filter((t) => t.kind === 'elements');
  const connectionTables = tables.filter((t) => t.kind === 'connections');
  for (const { table, mapping } of elementTables) {
    const fields = Object.values(mapping);
    if (!fields.includes('label') && !fields.includes('id')) problems.push(problem(table.file, 'has no "Label" column (nor "ID"): map one of its columns to Label'));
  }
  for (const { table, mapping } of connectionTables) {
    const fields = Object.values(mapping);
    if (!fields.includes('source')) problems.push(problem(table.file, 'has no "From" column'));
    if (!fields.includes('target')) problems.push(problem(table.file, 'has no "To" column'));
  }
  if (!elementTables.length && connectionTables.length) problems.push(problem(connectionTables[0].table.file, 'connections need an elements file (with a "Label" column) beside them'));
  if (problems.length) return failed(problems, warnings);

  const draft: Draft = { title: options.title ?? titleFrom(files), nodes: [], edges: [], positions: {}, origin: new Map(), meta: settings?.meta, views: settings?.views, extra: settings?.extra };
  const idRow = new Map<string, string>();
  const byLabel = new Map<string, string>();
  const typeNotes = new Map<string, string>();
  const orgRefs: { node: MapNode; ref: string; at: string }[] = [];
  for (const { table, mapping } of elementTables) {
    for (const { row, fields, extras, headers } of readRows(table, ELEMENT_COLUMNS, mapping, problems, warnings)) {
      const rawLabel = typeof fields.label === 'string' ? fields.label : typeof fields.id === 'string' ? fields.id : '';
      if (!rawLabel) {
        warnings.push(problem(place(table.file, row, headers.label ?? 'Label'), 'is empty; the row is skipped', 'skipped-row'));
        continue;
      }
      const { x, y, id: givenId, label: _label, type: rawType, organization, ...rest } = fields;
      const label = cleanLabel(rawLabel, place(table.file, row, headers.label ?? 'Label'), warnings);
      let id = typeof givenId === 'string' ? givenId : slug(label);
      // SPEC import policy, as for graph files: the first row with an id wins, a repeat is skipped with a warning.
      if (typeof givenId === 'string' && idRow.has(id)) {
        warnings.push(problem(place(table.file, row, headers.id ?? 'ID'), `skipped: the id "${id}" is used by an earlier row (${idRow.get(id)})`, 'duplicate-id'));
        continue;
      }
      if (typeof givenId !== 'string') for (let n = 2; idRow.has(id); n++) id = `${slug(label)}-${n}`;
      idRow.set(id, place(table.file, row));
      if (!byLabel.has(label.toLowerCase())) byLabel.set(label.toLowerCase(), id);
      const type = nodeType(rawType, typeNotes);
      if (rawType !== undefined && String(rawType).toLowerCase() !== type) rest.elementType = rawType;
      if (typeof rest.description === 'string') rest.description = cleanText(rest.description, place(table.file, row, headers.description), warnings);
      const node = { id, label, type, ...rest } as MapNode;
      assignForeign(node as unknown as Record<string, unknown>, extras, NODE_RESERVED, 'csv:', place(table.file, row), warnings);
      if (typeof organization === 'string') orgRefs.push({ node, ref: organization, at: place(table.file, row, headers.organization) });
      draft.nodes.push(node);
      draft.origin!.set(`nodes:${id}`, place(table.file, row));
      if (typeof x === 'number' && typeof y === 'number') draft.positions[id] = { x, y };
    }
  }
  const nodeById = new Map(draft.nodes.map((n) => [n.id, n]));
  const resolve = (ref: string) => (nodeById.has(ref) ? ref : byLabel.get(ref.toLowerCase()));
  for (const { node, ref, at } of orgRefs) {
    const org = resolve(ref);
    if (!org) warnings.push(problem(at, `no element "${ref}"; imported without its organization`, 'dangling-reference'));
    else (node as Record<string, unknown>).organization = org;
  }
  for (const [raw, type] of typeNotes) warnings.push(problem(`Type "${raw}"`, `is not one of ours; imported as ${type} (the original is kept as elementType)`, 'renamed-value'));

  const edgeRow = new Map<string, string>();
  let counter = 0;
  for (const { table, mapping } of connectionTables) {
    for (const { row, fields, extras, headers } of readRows(table, CONNECTION_COLUMNS, mapping, problems, warnings)) {
      const { source: from, target: to, id: givenId, type: rawType, ...rest } = fields;
      const ends: string[] = [];
      for (const [end, ref] of [['source', from], ['target', to]] as const) {
        const header = headers[end] ?? (end === 'source' ? 'From' : 'To');
        if (typeof ref !== 'string') warnings.push(problem(place(table.file, row, header), 'is empty; the connection is skipped', 'dangling-reference'));
        else if (!resolve(ref)) warnings.push(problem(place(table.file, row, header), `no element "${ref}"; the connection is skipped`, 'dangling-reference'));
        else ends.push(resolve(ref)!);
      }
      if (ends.length < 2) continue;
      const [source, target] = ends;
      const typeText = String(rawType ?? '').trim().toLowerCase().replace(/\s+/g, '-');
      let type = (EDGE_TYPES as readonly string[]).includes(typeText) ? (typeText as EdgeType) : null;
      if (!type) {
        type = ENDPOINT_DEFAULT[`${nodeById.get(source)!.type}>${nodeById.get(target)!.type}`];
        if (rawType !== undefined) rest.connectionType = rawType;
      }
      if (!type) {
        warnings.push(problem(place(table.file, row), `skipped: a tie from a program to an organization has no type of ours`, 'skipped-tie'));
        continue;
      }
      // A connection id used before (by a connection or an element) is renamed, never refused: the tie is kept.
      let id = typeof givenId === 'string' ? givenId : '';
      const clash = id && (edgeRow.get(id) ?? draft.origin!.get(`nodes:${id}`));
      while (!id || edgeRow.has(id) || nodeById.has(id)) id = `conn-${++counter}`;
      if (clash) warnings.push(problem(place(table.file, row, headers.id ?? 'ID'), `the id "${givenId}" is used by an earlier row (${clash}); the connection is kept as "${id}"`, 'id-namespaced'));
      edgeRow.set(id, place(table.file, row));
      const edge = { id, type, source, target, ...rest } as Record<string, unknown>;
      assignForeign(edge, extras, EDGE_RESERVED, 'csv:', place(table.file, row), warnings);
      draft.edges.push(edge as unknown as MapEdge);
      draft.origin!.set(`edges:${id}`, place(table.file, row));
    }
  }
  if (problems.length) return failed(problems, warnings);
  return finish(draft, warnings);
}

function titleFrom(files: InputFile[]): string {
  const base = files[0]?.name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '').replace(/[-_](elements|connections|map)$/i, '') ?? 'Imported map';
  return base.replace(/[<>]/g, '') || 'Imported map';
}
