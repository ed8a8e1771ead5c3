// Reads Open Referral HSDS in its three published forms into one plain shape: 3.0 nested JSON
// (an organization with its services, a service with its organization, or a list of either),
// the 3.0 CSV data package and the 1.1 data package (tables named as in their datapackage.json).
import Papa from 'papaparse';
import type { Problem } from '../model/types.ts';
import { decodeText, place, problem, type InputFile } from './common.ts';
import { unescapeCell } from './csv-export.ts';

export type Row = Record<string, unknown>;
export type Tables = Map<string, { file: string; rows: Row[] }>;

/** Tables without which a package is not readable; a garbled other table is skipped with a warning. */
const CORE_TABLES = new Set(['organizations', 'services']);

export interface HsdsOrganization {
  id: string;
  name: string;
  at: string;
  fields: Record<string, unknown>;
}

export interface HsdsService {
  id: string;
  organizationId?: string;
  name: string;
  at: string;
  fields: Record<string, unknown>;
  status?: string;
  languages: { name?: string; code?: string }[];
  areas: string[];
  minAge?: number;
  maxAge?: number;
  eligibility: string[];
  terms: string[];
}

export interface HsdsFunding {
  source: string;
  organizationId?: string;
  serviceId?: string;
  at: string;
}

export interface HsdsData {
  version: '1.1' | '3.0';
  organizations: HsdsOrganization[];
  services: HsdsService[];
  funding: HsdsFunding[];
}

/** Each CSV of a data package as rows keyed by header; the file name without `.csv` names the table. */
export function readTables(files: InputFile[], warnings: Problem[], problems: Problem[]): Tables {
  const tables: Tables = new Map();
  const unread: string[] = [];
  for (const file of files) {
    if (!/\.csv$/i.test(file.name)) continue;
    const base = tableName(file.name);
    if (!READ_TABLES.has(base)) {
      unread.push(file.name.replace(/^.*[\\/]/, ''));
      continue;
    }
    const decoded = decodeText(file, warnings);
    if ('problem' in decoded) {
      if (decoded.problem.kind === 'empty') continue;
      if (CORE_TABLES.has(base)) problems.push(decoded.problem);
      else warnings.push({ ...decoded.problem, message: `${decoded.problem.message}; table skipped`, kind: 'dropped-table' });
      continue;
    }
    const parsed = Papa.parse<Row>(decoded.text, { header: true, skipEmptyLines: 'greedy', delimiter: /\t/.test(decoded.text.slice(0, decoded.text.indexOf('\n'))) ? '\t' : ',' });
    const quote = parsed.errors.find((e) => e.type === 'Quotes');
    if (quote) {
      const at = place(file.name, (quote.row ?? 0) + 1);
      if (CORE_TABLES.has(base)) problems.push(problem(at, 'a quoted cell is never closed (unbalanced ")', 'malformed'));
      else warnings.push(problem(at, 'a quoted cell is never closed (unbalanced "); table skipped', 'dropped-table'));
      if (!CORE_TABLES.has(base)) continue;
    }
    tables.set(base, { file: file.name.replace(/^.*[\\/]/, ''), rows: parsed.data });
  }
  const unused = unread.filter((name) => !/^(metadata|meta_table_descriptions)\.csv$/i.test(name));
  if (unused.length) warnings.push(problem(unused.join(', '), 'not imported: the map has no place for these tables (locations, phones, schedules …)', 'not-imported'));
  return tables;
}

/** The tables the mapping reads (hsds.ts); the rest are not parsed at all. */
const READ_TABLES = new Set(['organizations', 'services', 'languages', 'service_areas', 'eligibility', 'taxonomy', 'taxonomy_terms', 'services_taxonomy', 'service_attributes', 'attributes', 'funding']);

/** `dir/Services.csv` → `services`; 211 exports sometimes name 1.1 tables in the singular. */
function tableName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.(csv|json)$/i, '').toLowerCase();
  return TABLE_ALIASES[base] ?? base;
}
const TABLE_ALIASES: Record<string, string> = { organization: 'organizations', service: 'services', language: 'languages', service_area: 'service_areas', service_taxonomy: 'services_taxonomy', taxonomies_services: 'services_taxonomy' };

/** The tabular JSON form (3.x `tabular.json`): `{"organizations.csv": [rows], "services.csv": [rows], …}`. */
export function tablesFromJson(value: unknown, file: string): Tables | null {
  // A record (`organization_full.json` has `services` too) has an id; a set of tables does not.
  if (!value || typeof value !== 'object' || Array.isArray(value) || 'id' in value || 'contents' in value) return null;
  const tables: Tables = new Map();
  for (const [key, rows] of Object.entries(value)) {
    if (!Array.isArray(rows)) continue;
    const name = tableName(key);
    tables.set(name, { file: `${file} ${JSON.stringify(key)}`, rows: rows.filter((r) => r && typeof r === 'object' && !Array.isArray(r)) as Row[] });
  }
  return tables.has('services') || tables.has('organizations') ? tables : null;
}

const text = (v: unknown) => (typeof v === 'string' ? unescapeCell(v.trim()) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
const num = (v: unknown) => (text(v) === '' || !Number.isFinite(Number(text(v))) ? undefined : Number(text(v)));

function group(rows: Row[] | undefined, key: string): Map<string, Row[]> {
  const byKey = new Map<string, Row[]>();
  for (const row of rows ?? []) {
    const k = text(row[key]);
    if (!k) continue;
    if (!byKey.has(k)) byKey.set(k, []);
    byKey.get(k)!.push(row);
  }
  return byKey;
}

const ORG_KEEP = ['alternate_name', 'email', 'tax_status', 'tax_id', 'year_incorporated', 'legal_status'];
const SERVICE_KEEP = ['alternate_name', 'email', 'application_process', 'wait_time', 'fees', 'fees_description', 'eligibility_description', 'interpretation_services', 'accreditations', 'licenses'];

/** HSDS fields declared numeric (3.x schema) among those kept. */
const NUMERIC = new Set(['year_incorporated']);

function keep(row: Record<string, unknown>, names: string[], at: string, warnings: Problem[]): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const name of names) {
    const value = text(row[name]);
    if (!value) continue;
    if (NUMERIC.has(name)) {
      if (/^-?\d+(\.\d+)?$/.test(value)) kept[name] = Number(value);
      else {
        kept[name] = value;
        warnings.push(problem(/ row \d+$/.test(at) ? `${at}, column "${name}"` : `${at}.${name}`, `"${value.slice(0, 40)}" is not a number; kept as text`, 'not-a-number'));
      }
    } else kept[name] = value;
  }
  return kept;
}

/** From data-package tables (1.1 or 3.0: the 3.0 tables name a language `name`/`code`, 1.1 `language`). */
export function fromTables(tables: Tables, warnings: Problem[]): HsdsData {
  const orgs = tables.get('organizations');
  const services = tables.get('services');
  const rowAt = (table: { file: string }, i: number) => (/\.csv$/i.test(table.file) ? place(table.file, i + 2) : `${table.file}[${i}]`);
  const version = tables.has('taxonomy_terms') || tables.has('attributes') || (tables.get('languages')?.rows[0] && 'code' in tables.get('languages')!.rows[0]) ? '3.0' : '1.1';
  const languages = group(tables.get('languages')?.rows, 'service_id');
  const areas = group(tables.get('service_areas')?.rows, 'service_id');
  const eligibility = group(tables.get('eligibility')?.rows, 'service_id');
  const termName = new Map<string, string>();
  for (const row of [...(tables.get('taxonomy')?.rows ?? []), ...(tables.get('taxonomy_terms')?.rows ?? [])]) termName.set(text(row.id), text(row.name));
  const termLinks = group([...(tables.get('services_taxonomy')?.rows ?? []), ...(tables.get('service_attributes')?.rows ?? [])], 'service_id');
  const attributeLinks = group(tables.get('attributes')?.rows, 'link_id');
  return {
    version,
    organizations: (orgs?.rows ?? []).map((row, i) => {
      const at = rowAt(orgs!, i);
      return { id: text(row.id), name: text(row.name), at, fields: { ...keep(row, ORG_KEEP, at, warnings), ...urlAndDescription(row) } };
    }),
    services: (services?.rows ?? []).map((row, i) => {
      const id = text(row.id);
      const at = rowAt(services!, i);
      const termIds = [...(termLinks.get(id) ?? []), ...(attributeLinks.get(id) ?? [])].map((r) => text(r.taxonomy_id || r.taxonomy_term_id));
      const taxonomyIds = text(row.taxonomy_ids).split(/[,|]/).map((t) => t.trim()).filter(Boolean);
      return {
        id,
        organizationId: text(row.organization_id) || undefined,
        name: text(row.name),
        at,
        fields: { ...keep(row, SERVICE_KEEP, at, warnings), ...urlAndDescription(row) },
        status: text(row.status) || undefined,
        languages: (languages.get(id) ?? []).map((r) => ({ name: text(r.name || r.language) || undefined, code: text(r.code) || undefined })),
        areas: (areas.get(id) ?? []).map((r) => text(r.name || r.service_area)).filter(Boolean),
        minAge: num(row.minimum_age),
        maxAge: num(row.maximum_age),
        eligibility: (eligibility.get(id) ?? []).map((r) => text(r.eligibility)).filter(Boolean),
        terms: [...termIds, ...taxonomyIds].map((t) => termName.get(t) || '').filter(Boolean),
      };
    }),
    funding: (tables.get('funding')?.rows ?? []).map((row, i) => ({
      source: text(row.source),
      organizationId: text(row.organization_id) || undefined,
      serviceId: text(row.service_id) || undefined,
      at: rowAt(tables.get('funding')!, i),
    })),
  };
}

type Json = Record<string, unknown>;
const list = (v: unknown): Json[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object' && !Array.isArray(x)) as Json[]) : []);
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

function urlAndDescription(row: Json): Json {
  const url = text(row.url || row.website);
  const description = text(row.description);
  return { ...(url ? { url } : {}), ...(description ? { description } : {}) };
}

/** The records of 3.x JSON: a list, one record, or an API page (`contents` of a paginated list). */
function records(value: unknown, file: string): { item: Json; at: string }[] {
  if (Array.isArray(value)) return list(value).map((item, i) => ({ item, at: `${file} [${i}]` }));
  if (isObject(value) && Array.isArray(value.contents)) return list(value.contents).map((item, i) => ({ item, at: `${file} contents[${i}]` }));
  return isObject(value) ? [{ item: value, at: file }] : [];
}

/** True for the JSON of an HSDS API page (`total_items`, `contents`, …). */
export function isApiPage(value: unknown): boolean {
  return isObject(value) && Array.isArray(value.contents) && ('total_items' in value || 'page_number' in value || 'total_pages' in value);
}

/** From 3.x nested JSON (organizations with `services`, services with `organization`, services at a
 * location with `service`), as one record, a list or API pages; several files add up. */
export function fromNested(value: unknown, file: string, warnings: Problem[] = [], into?: HsdsData): HsdsData | null {
  const items = records(value, file);
  if (!items.length) return null;
  const data: HsdsData = into ?? { version: '3.0', organizations: [], services: [], funding: [] };
  const before = data.organizations.length + data.services.length;
  const orgIds = new Set(data.organizations.map((o) => o.id));
  const addOrg = (org: Json, at: string) => {
    const id = text(org.id);
    if (orgIds.has(id)) return;
    orgIds.add(id);
    data.organizations.push({ id, name: text(org.name), at, fields: { ...keep(org, ORG_KEEP, at, warnings), ...urlAndDescription(org) } });
    list(org.funding).forEach((f, i) => data.funding.push({ source: text(f.source), organizationId: id, at: `${at}.funding[${i}]` }));
  };
  // API pages overlap and lists repeat a record: a service id seen before is the same service.
  const serviceIds = new Set(data.services.map((x) => x.id));
  const repeats = new Map<string, { at: string; count: number }>();
  const addService = (s: Json, at: string, organizationId?: string) => {
    const id = text(s.id);
    if (id && serviceIds.has(id)) {
      const seen = repeats.get(id) ?? { at, count: 0 };
      repeats.set(id, { at: seen.at, count: seen.count + 1 });
      return;
    }
    serviceIds.add(id);
    const attributeTerms = list(s.attributes).map((a) => text((a.taxonomy_term as Json | undefined)?.name)).filter(Boolean);
    const organization = isObject(s.organization) ? s.organization : undefined;
    data.services.push({
      id: text(s.id),
      organizationId: organizationId ?? (text(s.organization_id) || text(organization?.id) || undefined),
      name: text(s.name),
      at,
      fields: { ...keep(s, SERVICE_KEEP, at, warnings), ...urlAndDescription(s) },
      status: text(s.status) || undefined,
      languages: list(s.languages).map((l) => ({ name: text(l.name) || undefined, code: text(l.code) || undefined })),
      areas: list(s.service_areas).map((a) => text(a.name)).filter(Boolean),
      minAge: num(s.minimum_age),
      maxAge: num(s.maximum_age),
      eligibility: [],
      terms: attributeTerms,
    });
    list(s.funding).forEach((f, i) => data.funding.push({ source: text(f.source), serviceId: text(s.id), at: `${at}.funding[${i}]` }));
  };
  for (const { item, at } of items) {
    if (Array.isArray(item.services)) {
      addOrg(item, at);
      list(item.services).forEach((s, j) => addService(s, `${at}.services[${j}]`, text(item.id)));
    } else if (isObject(item.service) && isObject(item.location)) {
      if (isObject(item.service.organization)) addOrg(item.service.organization, `${at}.service.organization`);
      addService(item.service, `${at}.service`);
    } else if (isObject(item.organization)) {
      addOrg(item.organization, `${at}.organization`);
      addService(item, at);
    } else if ('organization_id' in item || 'status' in item) addService(item, at);
    else if (text(item.id) && text(item.name) && !('taxonomy' in item || 'code' in item || 'latitude' in item)) addOrg(item, at);
  }
  for (const [id, { at, count }] of repeats) warnings.push(problem(at, `service "${id}" appears ${count + 1} times; imported once`, 'duplicate-record'));
  return data.organizations.length + data.services.length > before ? data : into ?? null;
}
