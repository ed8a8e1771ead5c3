// Our node and edge fields as spreadsheet columns (Kumu's names first), with how each is written
// in a cell. The CSV importer/exporter and the column-mapping step read this one table.
export type FieldKind = 'string' | 'list' | 'number' | 'boolean';

export interface FieldColumn {
  field: string;
  header: string;
  kind: FieldKind;
  /** Other headers that mean this field (compared lower-case, spaces and `_` ignored). */
  aliases?: string[];
}

export const ELEMENT_COLUMNS: FieldColumn[] = [
  { field: 'id', header: 'ID', kind: 'string', aliases: ['identifier', 'key'] },
  { field: 'label', header: 'Label', kind: 'string', aliases: ['name', 'title'] },
  { field: 'type', header: 'Type', kind: 'string', aliases: ['elementtype', 'kind'] },
  { field: 'description', header: 'Description', kind: 'string', aliases: ['notes', 'summary'] },
  { field: 'tags', header: 'Tags', kind: 'list', aliases: ['keywords'] },
  { field: 'url', header: 'URL', kind: 'string', aliases: ['website', 'link'] },
  { field: 'organization', header: 'Organization', kind: 'string', aliases: ['org', 'agency', 'provider', 'runby'] },
  { field: 'sector', header: 'Sector', kind: 'string' },
  { field: 'backbone', header: 'Backbone', kind: 'boolean' },
  { field: 'lifeStages', header: 'Life Stages', kind: 'list', aliases: ['lifestage', 'stages', 'stage'] },
  { field: 'domains', header: 'Domains', kind: 'list', aliases: ['domain'] },
  { field: 'services', header: 'Services', kind: 'list' },
  { field: 'areas', header: 'Areas', kind: 'list', aliases: ['area', 'neighbourhoods', 'neighborhoods'] },
  { field: 'populations', header: 'Populations', kind: 'list', aliases: ['population'] },
  { field: 'languages', header: 'Languages', kind: 'list', aliases: ['language'] },
  { field: 'capacity', header: 'Capacity', kind: 'number' },
  { field: 'served', header: 'Served', kind: 'number' },
  { field: 'status', header: 'Status', kind: 'string' },
  { field: 'entryPoint', header: 'Entry Point', kind: 'boolean' },
  { field: 'entryWeight', header: 'Entry Weight', kind: 'number' },
  { field: 'cost', header: 'Cost', kind: 'string' },
  { field: 'x', header: 'X', kind: 'number' },
  { field: 'y', header: 'Y', kind: 'number' },
];

export const CONNECTION_COLUMNS: FieldColumn[] = [
  { field: 'id', header: 'ID', kind: 'string' },
  { field: 'source', header: 'From', kind: 'string', aliases: ['source', 'fromlabel'] },
  { field: 'target', header: 'To', kind: 'string', aliases: ['target', 'tolabel'] },
  { field: 'type', header: 'Type', kind: 'string', aliases: ['connectiontype'] },
  { field: 'label', header: 'Label', kind: 'string' },
  { field: 'description', header: 'Description', kind: 'string' },
  { field: 'status', header: 'Status', kind: 'string' },
  { field: 'volume', header: 'Volume', kind: 'number' },
  { field: 'handoffRate', header: 'Handoff Rate', kind: 'number' },
  { field: 'closedLoop', header: 'Closed Loop', kind: 'boolean' },
  { field: 'level', header: 'Level', kind: 'string' },
  { field: 'amount', header: 'Amount', kind: 'number' },
  { field: 'period', header: 'Period', kind: 'string' },
];

/** A column whose values are JSON (extra fields that are not all text): `rating:json`. */
export const JSON_SUFFIX = ':json';
/** A column holding a node's own field whose name a spreadsheet column of ours would claim
 * (`name`, `x`, `from`): `name:field`, so it never becomes the label or a position. */
export const FIELD_SUFFIX = ':field';

/** For an extra column's header: the field it holds and whether its cells are JSON. */
export function extraField(header: string): { field: string; json: boolean } {
  const json = header.endsWith(JSON_SUFFIX);
  let field = json ? header.slice(0, -JSON_SUFFIX.length) : header;
  if (field.endsWith(FIELD_SUFFIX)) field = field.slice(0, -FIELD_SUFFIX.length);
  return { field, json };
}

/** Numbers as a spreadsheet shows them; a leading zero (`02134`) marks a code, kept as text. */
export const NUMBER_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

const squash = (header: string) => header.toLowerCase().replace(/[\s_-]+/g, '');

/** The field a header means, or null for a header that is not ours. */
export function fieldForHeader(header: string, columns: FieldColumn[]): FieldColumn | null {
  if (header.endsWith(JSON_SUFFIX) || header.endsWith(FIELD_SUFFIX)) return null;
  const key = squash(header);
  return columns.find((c) => squash(c.header) === key || squash(c.field) === key || c.aliases?.includes(key)) ?? null;
}
