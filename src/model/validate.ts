// The one gate into the model: files, peers and scripts all pass through here. Every problem is
// named by its path (`edges[3].target: no node "P99"`), and all of them are reported, not the first.
import type { ErrorObject } from 'ajv';
import { LIMITS } from './constants.ts';
import { jsonDepthProblem } from './json-depth.ts';
import { migrateMap } from './migrate.ts';
import { edgeSchemas } from './schema.ts';
import * as compiled from './schema-validators.generated.ts';
import { crossReferenceProblems } from './cross-references.ts';
import { versionChainProblems } from './version-store.ts';
import type { MapEdge, MapNode, PathwaysMap, Problem } from './types.ts';

export { crossReferenceProblems, endpointProblem } from './cross-references.ts';

export interface ValidationResult {
  /** Non-null only when there are no problems. */
  map: PathwaysMap | null;
  problems: Problem[];
  /** Worth telling the user, but the map is usable (e.g. a program names an area the map does not list). */
  warnings: Problem[];
}

/** An Ajv validator, compiled from schema.ts ahead of time (`npm run gen:schema`): no code is made at run time. */
interface ValidateFunction {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const validateFile = compiled.validateFile as ValidateFunction;
const entryValidators: Record<string, ValidateFunction> = {
  organization: compiled.validateOrganization,
  program: compiled.validateProgram,
  ...Object.fromEntries(Object.entries(compiled.edgeValidators as Record<string, ValidateFunction>).map(([type, validate]) => [`edge:${type}`, validate])),
  meta: compiled.validateMeta,
  view: compiled.validateView,
  position: compiled.validatePosition,
};

/** `/nodes/3/label` → `nodes[3].label` */
export function toPath(pointer: string, prefix = ''): string {
  let path = prefix;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(part)) path += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) path += path ? `.${part}` : part;
    else path += `[${JSON.stringify(part)}]`;
  }
  return path;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 40)}…"` : JSON.stringify(value);
  return typeof value === 'object' ? 'an object' : String(value);
}

function valueAt(root: unknown, pointer: string): unknown {
  let value: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

function ajvProblems(errors: ErrorObject[] | null | undefined, root: unknown, prefix = ''): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const error of errors ?? []) {
    if (error.keyword === 'if' || error.keyword === 'allOf') continue;
    let path = toPath(error.instancePath, prefix);
    const value = valueAt(root, error.instancePath);
    const p = error.params as Record<string, unknown>;
    let message: string;
    switch (error.keyword) {
      case 'required':
        path = path ? `${path}.${p.missingProperty}` : String(p.missingProperty);
        message = 'is required';
        break;
      case 'type':
        message = `must be ${p.type === 'array' ? 'a list' : `a ${p.type}`}, not ${describe(value)}`;
        break;
      case 'enum':
        message = `${describe(value)} is not one of: ${(p.allowedValues as unknown[]).join(', ')}`;
        break;
      case 'const':
        message = `must be ${JSON.stringify(p.allowedValue)}, not ${describe(value)}`;
        break;
      case 'maxLength':
        message = `is ${(value as string).length} characters long; the limit is ${p.limit}`;
        break;
      case 'minLength':
        message = 'must not be empty';
        break;
      case 'maxItems':
        message = `has ${(value as unknown[]).length} items; the limit is ${p.limit}`;
        break;
      case 'minimum':
        message = `must be at least ${p.limit}, not ${describe(value)}`;
        break;
      case 'maximum':
        message = `must be at most ${p.limit}, not ${describe(value)}`;
        break;
      case 'pattern':
        message = `${describe(value)} is not a language code (BCP-47, e.g. "es" or "zh-Hant")`;
        break;
      default:
        message = error.message ?? 'is invalid';
    }
    const key = `${path}\u0000${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push({ path, message });
    }
  }
  return problems;
}

const MARKUP = /<\s*[A-Za-z/!?]|[<>]/;

function markupProblems(entry: Record<string, unknown>, prefix: string): Problem[] {
  const problems: Problem[] = [];
  for (const field of ['label', 'id']) {
    const value = entry[field];
    if (typeof value === 'string' && MARKUP.test(value)) {
      problems.push({ path: join(prefix, field), message: 'must not contain markup (< or >)' });
    }
  }
  return problems;
}

function join(prefix: string, field: string): string {
  return prefix ? `${prefix}.${field}` : field;
}

/** Checks one node on its own (no cross-references): used by the projector for peer data. */
export function validateNodeEntry(raw: unknown, prefix = ''): Problem[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [{ path: prefix, message: `must be an object, not ${describe(raw)}` }];
  const entry = raw as Record<string, unknown>;
  const validator = entry.type === 'organization' ? entryValidators.organization : entry.type === 'program' ? entryValidators.program : null;
  if (!validator) return [{ path: join(prefix, 'type'), message: `${describe(entry.type)} is not one of: organization, program` }];
  validator(entry);
  return [...ajvProblems(validator.errors, entry, prefix), ...markupProblems(entry, prefix)];
}

/** Checks one edge on its own (endpoints are checked against the map elsewhere). */
export function validateEdgeEntry(raw: unknown, prefix = ''): Problem[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [{ path: prefix, message: `must be an object, not ${describe(raw)}` }];
  const entry = raw as Record<string, unknown>;
  const validator = entryValidators[`edge:${String(entry.type)}`];
  if (!validator) {
    return [{ path: join(prefix, 'type'), message: `${describe(entry.type)} is not one of: ${Object.keys(edgeSchemas).join(', ')}` }];
  }
  validator(entry);
  const problems = ajvProblems(validator.errors, entry, prefix);
  if (typeof entry.label === 'string' && MARKUP.test(entry.label)) problems.push({ path: join(prefix, 'label'), message: 'must not contain markup (< or >)' });
  return problems;
}

export function validateMetaEntry(raw: unknown, prefix = 'meta'): Problem[] {
  entryValidators.meta(raw);
  const problems = ajvProblems(entryValidators.meta.errors, raw, prefix);
  const meta = raw as Record<string, unknown> | null;
  if (meta && typeof meta.title === 'string' && MARKUP.test(meta.title)) problems.push({ path: join(prefix, 'title'), message: 'must not contain markup (< or >)' });
  return problems;
}

export function validateViewEntry(raw: unknown, prefix = ''): Problem[] {
  entryValidators.view(raw);
  return ajvProblems(entryValidators.view.errors, raw, prefix);
}

export function validatePositionEntry(raw: unknown, prefix = ''): Problem[] {
  entryValidators.position(raw);
  const problems = ajvProblems(entryValidators.position.errors, raw, prefix);
  const p = raw as { x?: unknown; y?: unknown } | null;
  if (p && (!Number.isFinite(p.x) || !Number.isFinite(p.y)) && problems.length === 0) {
    problems.push({ path: prefix, message: 'x and y must be finite numbers' });
  }
  return problems;
}

/** Migrates, checks the schema, then the rules across entries. */
export function validateMap(input: unknown): ValidationResult {
  const migrated = migrateMap(input);
  if (migrated.problems.length) return { map: null, problems: migrated.problems, warnings: [] };
  const file = { views: [], positions: {}, ...(migrated.value as Record<string, unknown>) };
  const problems: Problem[] = [];
  if (!validateFile(file)) problems.push(...ajvProblems(validateFile.errors, file));
  const candidate = file as unknown as PathwaysMap;
  const shapeOk = Array.isArray(candidate.nodes) && Array.isArray(candidate.edges);
  if (shapeOk) {
    candidate.nodes.forEach((n, i) => typeof n === 'object' && n && problems.push(...markupProblems(n as Record<string, unknown>, `nodes[${i}]`)));
  }
  if (candidate.meta && typeof candidate.meta.title === 'string' && MARKUP.test(candidate.meta.title)) {
    problems.push({ path: 'meta.title', message: 'must not contain markup (< or >)' });
  }
  let warnings: Problem[] = [];
  if (shapeOk && candidate.meta && typeof candidate.meta === 'object') {
    const wellFormedNodes = candidate.nodes.every((n) => n && typeof (n as MapNode).id === 'string');
    const wellFormedEdges = candidate.edges.every((e) => e && typeof (e as MapEdge).source === 'string' && typeof (e as MapEdge).target === 'string');
    if (wellFormedNodes && wellFormedEdges) {
      const cross = crossReferenceProblems(candidate);
      problems.push(...cross.problems);
      warnings = cross.warnings;
    }
  }
  if (Array.isArray(candidate.versions) && problems.length === 0) problems.push(...versionChainProblems(candidate.versions));
  return { map: problems.length ? null : candidate, problems, warnings };
}

/** Reads a map file's text: size limit, BOM, JSON syntax with line and column, then `validateMap`. */
export function parseMapText(text: string, fileName = 'map'): ValidationResult {
  const bytes = text.length;
  if (bytes > LIMITS.fileBytes) {
    return {
      map: null,
      warnings: [],
      problems: [{ path: '', message: `the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${LIMITS.fileBytes / 1024 / 1024} MB` }],
    };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.trim()) return { map: null, warnings: [], problems: [{ path: '', message: 'the file is empty' }] };
  const tooDeep = jsonDepthProblem(body);
  if (tooDeep) return { map: null, warnings: [], problems: [{ path: '', message: tooDeep, kind: 'too-deep' }] };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return { map: null, warnings: [], problems: [{ path: '', message: `not JSON (${jsonErrorPlace(body, error as Error)})` }] };
  }
  void fileName;
  return validateMap(json);
}

function jsonErrorPlace(text: string, error: Error): string {
  const match = /position (\d+)/.exec(error.message);
  const reason = error.message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
  if (!match) return reason;
  const offset = Number(match[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}: ${reason}`;
}

/** One line per problem: `file: path: message`. */
export function formatProblems(problems: Problem[], fileName: string): string {
  return problems.map((p) => `${fileName}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n');
}
