// Open Referral HSDS → a map. The documented mapping (README, "Import and export"):
//   organizations → organization nodes; services → programs (run by their organization);
//   status active → active, temporarily closed → paused, inactive/defunct → closed;
//   languages → BCP-47 codes (the `code`, else a name from LANGUAGE_CODES); service areas → areas;
//   age ranges (minimum/maximum age, 1.1 eligibility words) → life stages; taxonomy terms →
//   `services` (kebab ids of the term names) and domains by keyword; funding with a named source →
//   a funder organization and a funding tie. Import policy (SPEC): ids clashing across tables are
//   namespaced (`service-136`, the original kept as hsdsId); a missing organization or funding
//   target imports without it, each a warning with its file and row.
// The HSDS originals are kept on the nodes (hsdsStatus, languageNames, taxonomyTerms, eligibility).
import type { Domain, FundingEdge, MapNode, OrganizationNode, ProgramNode, Problem } from '../model/types.ts';
import { LIMITS } from '../model/constants.ts';
import { cleanLabel, cleanText, problem, serviceIds, slug, type ImportResult } from './common.ts';
import { finishLenient } from './lenient.ts';
import type { HsdsData } from './hsds-read.ts';

const STATUS: Record<string, ProgramNode['status']> = { active: 'active', 'temporarily closed': 'paused', inactive: 'closed', defunct: 'closed' };

export const LANGUAGE_CODES: Record<string, string> = {
  english: 'en', spanish: 'es', french: 'fr', chinese: 'zh', mandarin: 'zh', cantonese: 'yue', vietnamese: 'vi', arabic: 'ar',
  russian: 'ru', korean: 'ko', tagalog: 'tl', urdu: 'ur', portuguese: 'pt', somali: 'so', 'haitian creole': 'ht', hindi: 'hi',
  bengali: 'bn', polish: 'pl', italian: 'it', german: 'de', japanese: 'ja', farsi: 'fa', persian: 'fa', amharic: 'am',
  hmong: 'hmn', punjabi: 'pa', 'american sign language': 'ase', asl: 'ase', swahili: 'sw', ukrainian: 'uk', nepali: 'ne',
};

/** Age span of each default life stage, years (a range overlapping it serves the stage). */
export const STAGE_AGES: [string, number, number][] = [
  ['prenatal-birth', -1, 0],
  ['early-childhood', 0, 5],
  ['k12', 5, 18],
  ['postsecondary', 18, 24],
  ['workforce', 18, 64],
  ['aging', 65, 200],
];

const ELIGIBILITY_STAGES: [RegExp, string[]][] = [
  [/prenatal|pregnan|expectant|newborn/i, ['prenatal-birth']],
  [/infant|toddler|preschool|early child|child(ren)?\b/i, ['early-childhood']],
  [/youth|teen|adolescent|student|k-?12/i, ['k12']],
  [/college|young adult/i, ['postsecondary']],
  [/adult/i, ['workforce']],
  [/senior|older adult|elder|aging/i, ['aging']],
];

const DOMAIN_WORDS: [RegExp, Domain][] = [
  [/health|medical|mental|dental|clinic|counsel|substance/i, 'health'],
  [/educat|school|literacy|tutor|learning/i, 'education'],
  [/employ|job|income|benefit|financ|tax|work/i, 'economic-security'],
  [/housing|shelter|homeless|rent/i, 'housing'],
  [/food|meal|nutrition|pantry/i, 'food'],
  [/family|parent|child care|childcare/i, 'family-support'],
  [/legal|law|court|immigra/i, 'legal'],
  [/transport|bus|ride/i, 'transportation'],
];

/** A `source` this long is a description of the funding, not a funder's name. */
const FUNDER_NAME_MAX = 80;

/** A table cell is `file.csv row 3, column "name"`; a JSON value is `file.json.services[0].name`. */
const col = (at: string, column: string) => (/ row \d+$/.test(at) ? `${at}, column "${column}"` : `${at}.${column}`);

export function stagesForAges(min: number | undefined, max: number | undefined): string[] {
  const lo = min ?? 0;
  const hi = max ?? 200;
  // Ranges that only touch at a birthday (18–64 vs k12's 5–18) do not count as serving the stage.
  return STAGE_AGES.filter(([, from, to]) => (lo < to && hi > from) || (lo === hi && lo >= from && lo <= to)).map(([stage]) => stage);
}

export function hsdsToMap(data: HsdsData, title: string): ImportResult {
  const warnings: Problem[] = [];
  const nodes: MapNode[] = [];
  const edges: FundingEdge[] = [];
  const origin = new Map<string, string>();
  const ids = new Map<string, string>();
  /** HSDS ids are unique per table; ours across the map. A clash is namespaced (`service-136`), never refused. */
  const claim = (table: 'organization' | 'service', raw: string, at: string): string => {
    let id = raw;
    if (!id) {
      id = `${table}-${ids.size + 1}`;
      warnings.push(problem(col(at, 'id'), `is empty; imported as "${id}"`, 'missing-id'));
    }
    if (ids.has(id)) {
      const base = `${table}-${id}`.slice(0, LIMITS.idLength - 8);
      let unique = base;
      for (let n = 2; ids.has(unique); n++) unique = `${base}-${n}`;
      warnings.push(problem(col(at, 'id'), `"${id}" is also ${ids.get(id)}; imported as "${unique}"`, 'id-namespaced'));
      id = unique;
    }
    ids.set(id, at);
    origin.set(`nodes:${id}`, at);
    return id;
  };
  const orgIdOf = new Map<string, string>();
  for (const org of data.organizations) {
    const id = claim('organization', org.id, org.at);
    if (org.id && !orgIdOf.has(org.id)) orgIdOf.set(org.id, id);
    const fields = { ...org.fields };
    if (typeof fields.description === 'string') fields.description = cleanText(fields.description, col(org.at, 'description'), warnings);
    const sector = /nonprofit|non-profit|501/i.test(String(fields.tax_status ?? fields.legal_status ?? '')) ? 'nonprofit' : /government|public/i.test(String(fields.legal_status ?? '')) ? 'public' : undefined;
    nodes.push({ ...fields, id, ...(id !== org.id ? { hsdsId: org.id } : {}), type: 'organization', label: cleanLabel(org.name || org.id || id, col(org.at, 'name'), warnings), ...(sector ? { sector } : {}) } as OrganizationNode);
  }
  const serviceIdOf = new Map<string, string>();
  const areaLabels = new Map<string, string>();
  const unknownLanguages = new Set<string>();
  for (const s of data.services) {
    const id = claim('service', s.id, s.at);
    if (s.id && !serviceIdOf.has(s.id)) serviceIdOf.set(s.id, id);
    const program: Record<string, unknown> = { ...s.fields, id, ...(id !== s.id ? { hsdsId: s.id } : {}), type: 'program', label: cleanLabel(s.name || s.id || id, col(s.at, 'name'), warnings) };
    if (typeof program.description === 'string') program.description = cleanText(program.description, col(s.at, 'description'), warnings);
    if (s.organizationId) {
      const org = orgIdOf.get(s.organizationId);
      if (org) program.organization = org;
      else {
        // SPEC: a reference to something missing imports without it, with a warning naming the row.
        program.hsdsOrganizationId = s.organizationId;
        warnings.push(problem(col(s.at, 'organization_id'), `no organization "${s.organizationId}"; the service is imported without its organization`, 'dangling-reference'));
      }
    }
    if (s.status) {
      const status = STATUS[s.status.toLowerCase()];
      if (status) program.status = status;
      else warnings.push(problem(col(s.at, 'status'), `"${s.status}" is not an HSDS status; kept as hsdsStatus`, 'dropped-value'));
      if (!status || s.status.toLowerCase() !== status) program.hsdsStatus = s.status;
    }
    const codes = new Set<string>();
    const names: string[] = [];
    for (const l of s.languages) {
      const code = l.code && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(l.code) ? l.code : l.name ? LANGUAGE_CODES[l.name.toLowerCase()] : undefined;
      if (l.name) names.push(l.name);
      if (code) codes.add(code);
      else if (l.name) unknownLanguages.add(l.name);
    }
    if (codes.size) program.languages = [...codes];
    if (names.length) program.languageNames = names;
    if (s.areas.length) {
      program.areas = [...new Set(s.areas.map((name) => {
        const id = slug(name);
        if (!areaLabels.has(id)) areaLabels.set(id, cleanLabel(name, `${s.at} service area`, warnings));
        return id;
      }))];
    }
    const stages = new Set<string>();
    if (s.minAge !== undefined || s.maxAge !== undefined) stagesForAges(s.minAge, s.maxAge).forEach((st) => stages.add(st));
    for (const words of s.eligibility) for (const [pattern, st] of ELIGIBILITY_STAGES) if (pattern.test(words)) st.forEach((x) => stages.add(x));
    if (stages.size) program.lifeStages = STAGE_AGES.map(([st]) => st).filter((st) => stages.has(st));
    if (s.eligibility.length) program.eligibility = s.eligibility;
    if (s.terms.length) {
      const domains = new Set<Domain>();
      for (const term of s.terms) domains.add(DOMAIN_WORDS.find(([pattern]) => pattern.test(term))?.[1] ?? 'other');
      program.domains = [...domains];
      program.taxonomyTerms = s.terms;
      program.services = serviceIds(s.terms);
    }
    nodes.push(program as ProgramNode);
  }
  if (unknownLanguages.size) warnings.push(problem('languages', `no language code known for ${[...unknownLanguages].map((n) => `"${n}"`).join(', ')}; kept in languageNames`, 'dropped-value'));
  const funders = new Map<string, string>();
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  for (const f of data.funding) {
    const serviceTarget = f.serviceId ? serviceIdOf.get(f.serviceId) : undefined;
    const targetId = serviceTarget ?? (f.organizationId ? orgIdOf.get(f.organizationId) : undefined);
    if (!targetId) {
      warnings.push(problem(col(f.at, f.serviceId ? 'service_id' : 'organization_id'), `no service or organization "${f.serviceId ?? f.organizationId ?? ''}"; the funding is skipped`, 'dangling-reference'));
      continue;
    }
    if (!f.source) continue;
    const target = nodeById.get(targetId)! as Record<string, unknown>;
    if (f.source.length > FUNDER_NAME_MAX) {
      target.fundingNotes = [...((target.fundingNotes as string[] | undefined) ?? []), f.source];
      warnings.push(problem(col(f.at, 'source'), 'describes the funding rather than naming a funder; kept as fundingNotes, no funding tie', 'not-imported'));
      continue;
    }
    let funderId = funders.get(f.source.toLowerCase());
    if (!funderId) {
      funderId = `funder-${slug(f.source)}`;
      for (let n = 2; ids.has(funderId); n++) funderId = `funder-${slug(f.source)}-${n}`;
      ids.set(funderId, f.at);
      funders.set(f.source.toLowerCase(), funderId);
      nodes.push({ id: funderId, type: 'organization', label: cleanLabel(f.source, col(f.at, 'source'), warnings), sector: 'philanthropy', hsdsFunder: true } as OrganizationNode);
      origin.set(`nodes:${funderId}`, f.at);
    }
    const edgeId = `${funderId}--${targetId}`;
    if (!edges.some((e) => e.id === edgeId)) edges.push({ id: edgeId, type: 'funding', source: funderId, target: targetId });
  }
  const meta: Record<string, unknown> = { title };
  if (areaLabels.size) meta.areas = [...areaLabels].map(([id, label]) => ({ id, label }));
  return finishLenient({ title, nodes, edges, positions: {}, meta, origin }, warnings, 'hsds:');
}
