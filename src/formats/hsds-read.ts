// Reads Open Referral HSDS in its three published forms into one plain shape: 3.0 nested JSON
// (an organization with its services, a service with its organization, or a list of either),
// the 3.0 CSV data package and the 1.1 data package (tables named as in their datapackage.json).
import Papa from 'papaparse';
import type { Problem } from '../model/types.ts';
import { decodeText, place, problem, type InputFile } from './common.ts';
import { unescapeCell } from './csv-export.ts';

export type Row = Record<string, string>;

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
export function readTables(files: InputFile[], warnings: Problem[], problems: Problem[]): Map<string, { file: string; rows: Row[] }> {
  const tables = new Map<string, { file: string; rows: Row[] }>();
  for (const file of files) {
    if (!/\.csv$/i.test(file.name)) continue;
    const decoded = decodeText(file, warnings);
    if ('problem' in decoded) {
      if (!/empty/.test(decoded.problem.message)) problems.push(decoded.problem);
      continue;
    }
    const parsed = Papa.parse<Row>(decoded.text, { header: true, skipEmptyLines: 'greedy' });
    const quote = parsed.errors.find((e) => e.type === 'Quotes');
    if (quote) problems.push(problem(place(file.name, (quote.row ?? 0) + 2), 'a quoted cell is never closed (unbalanced ")'));
    const base = file.name.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '').toLowerCase();
    tables.set(base, { file: file.name.replace(/^.*[\\/]/, ''), rows: parsed.data });
  }
  return tables;
}

const text = (v: unknown) => (typeof v === 'string' ? unescapeCell(v.trim()) : v === undefined || v === null ? '' : String(v));
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

function keep(row: Record<string, unknown>, names: string[]): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const name of names) if (text(row[name])) kept[name] = text(row[name]);
  return kept;
}

/** From data-package tables (1.1 or 3.0: the 3.0 tables name a language `name`/`code`, 1.1 `language`). */
export function fromTables(tables: Map<string, { file: string; rows: Row[] }>): HsdsData {
  const orgs = tables.get('organizations');
  const services = tables.get('services');
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
    organizations: (orgs?.rows ?? []).map((row, i) => ({
      id: text(row.id),
      name: text(row.name),
      at: place(orgs!.file, i + 2),
      fields: { ...keep(row, ORG_KEEP), ...(text(row.url || row.website) ? { url: text(row.url || row.website) } : {}), ...(text(row.description) ? { description: text(row.description) } : {}) },
    })),
    services: (services?.rows ?? []).map((row, i) => {
      const id = text(row.id);
      const termIds = [...(termLinks.get(id) ?? []), ...(attributeLinks.get(id) ?? [])].map((r) => text(r.taxonomy_id || r.taxonomy_term_id));
      const taxonomyIds = text(row.taxonomy_ids).split(/[,|]/).map((t) => t.trim()).filter(Boolean);
      return {
        id,
        organizationId: text(row.organization_id) || undefined,
        name: text(row.name),
        at: place(services!.file, i + 2),
        fields: { ...keep(row, SERVICE_KEEP), ...(text(row.url) ? { url: text(row.url) } : {}), ...(text(row.description) ? { description: text(row.description) } : {}) },
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
      at: place(tables.get('funding')!.file, i + 2),
    })),
  };
}

type Json = Record<string, unknown>;
const list = (v: unknown): Json[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Json[]) : []);

/** From 3.0 nested JSON: organizations with `services`, or services with `organization`. */
export function fromNested(value: unknown, file: string): HsdsData | null {
  const items = list(Array.isArray(value) ? value : [value]);
  if (!items.length) return null;
  const data: HsdsData = { version: '3.0', organizations: [], services: [], funding: [] };
  const orgIds = new Set<string>();
  const addOrg = (org: Json, at: string) => {
    if (orgIds.has(text(org.id))) return;
    orgIds.add(text(org.id));
    data.organizations.push({ id: text(org.id), name: text(org.name), at, fields: { ...keep(org, ORG_KEEP), ...(text(org.website || org.url) ? { url: text(org.website || org.url) } : {}), ...(text(org.description) ? { description: text(org.description) } : {}) } });
    list(org.funding).forEach((f, i) => data.funding.push({ source: text(f.source), organizationId: text(org.id), at: `${at}.funding[${i}]` }));
  };
  const addService = (s: Json, at: string, organizationId?: string) => {
    const attributeTerms = list(s.attributes).map((a) => text((a.taxonomy_term as Json | undefined)?.name)).filter(Boolean);
    data.services.push({
      id: text(s.id),
      organizationId: organizationId ?? (text(s.organization_id) || text((s.organization as Json | undefined)?.id) || undefined),
      name: text(s.name),
      at,
      fields: { ...keep(s, SERVICE_KEEP), ...(text(s.url) ? { url: text(s.url) } : {}), ...(text(s.description) ? { description: text(s.description) } : {}) },
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
  items.forEach((item, i) => {
    const at = Array.isArray(value) ? `${file} [${i}]` : file;
    if (Array.isArray(item.services)) {
      addOrg(item, at);
      list(item.services).forEach((s, j) => addService(s, `${at}.services[${j}]`, text(item.id)));
    } else if (item.organization && typeof item.organization === 'object') {
      addOrg(item.organization as Json, `${at}.organization`);
      addService(item, at);
    } else if ('organization_id' in item || 'status' in item) addService(item, at);
  });
  return data.organizations.length || data.services.length ? data : null;
}
