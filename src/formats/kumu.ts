// Kumu project blueprints (`Export to JSON`): elements → nodes (element type "program"/"service" →
// program, else organization), connections → ties (our type where the connection type names one,
// else from the endpoints), custom attributes kept under their Kumu names, positions from the first map.
// Services (SPEC): a program element's `services` attribute, else its tags, become its `services` ids.
// A custom attribute named like one of our structural fields is kept as `kumu:<name>`.
import { EDGE_TYPES } from '../model/constants.ts';
import type { EdgeType, MapEdge, MapNode, Problem } from '../model/types.ts';
import { ENDPOINT_DEFAULT } from './foreign.ts';
import { cleanLabel, cleanText, decodeText, failed, nestedTooDeep, parseJson, problem, serviceIds, MAX_NESTING, type ImportResult, type InputFile } from './common.ts';
import { assignForeign, finishLenient, problemsFull } from './lenient.ts';

type Json = Record<string, unknown>;

const PREFIX = 'kumu:';
const NODE_RESERVED = new Set(['id', 'type', 'label', 'organization', 'services']);
const EDGE_RESERVED = new Set(['id', 'type', 'source', 'target', 'label']);
/** Elements plus connections in one blueprint; far above any real Kumu project. */
const MAX_ENTRIES = 200_000;

const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const idText = (v: unknown) => (typeof v === 'string' && v ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '');

export function isKumuBlueprint(value: unknown): boolean {
  if (!isObject(value) || !Array.isArray(value.elements) || !Array.isArray(value.connections)) return false;
  const first = value.elements.find((e) => e !== null);
  return first === undefined || (isObject(first) && '_id' in first);
}

/** Kumu writes `element type` / `Element Type`; one key per lower-cased name. */
function attributesOf(entry: Json, at: string, warnings: Problem[]): Json {
  const raw = entry.attributes;
  if (raw === undefined || raw === null) return {};
  if (!isObject(raw)) {
    warnings.push(problem(`${at}.attributes`, 'is not an object; ignored', 'dropped-value'));
    return {};
  }
  const out: Json = {};
  for (const [key, value] of Object.entries(raw)) {
    const lower = key.toLowerCase();
    if (['label', 'element type', 'connection type', 'description', 'tags', 'services', 'service'].includes(lower)) out[lower] = value;
    else out[key] = value;
  }
  return out;
}

const words = (v: unknown): string[] => (Array.isArray(v) ? v.filter((t) => typeof t === 'string' || typeof t === 'number').map(String) : typeof v === 'string' ? v.split('|') : []).map((t) => t.trim()).filter(Boolean);

export function importKumu(file: InputFile): ImportResult {
  const warnings: Problem[] = [];
  const decoded = decodeText(file, warnings);
  if ('problem' in decoded) return failed([decoded.problem], warnings);
  const parsed = parseJson(decoded.text, file.name);
  if ('problem' in parsed) return failed([parsed.problem], warnings);
  if (!isKumuBlueprint(parsed.value)) return failed([problem(file.name, 'is not a Kumu blueprint (no "elements" and "connections" lists)', 'not-this-format')], warnings);
  const blueprint = parsed.value as Json;
  const count = (blueprint.elements as unknown[]).length + (blueprint.connections as unknown[]).length;
  if (count > MAX_ENTRIES) return failed([problem(file.name, `holds ${count} elements and connections; at most ${MAX_ENTRIES} can be imported`, 'too-large')], warnings);
  if (nestedTooDeep(blueprint.elements) || nestedTooDeep(blueprint.connections)) return failed([problem(file.name, `nests values deeper than ${MAX_NESTING} levels`, 'too-deep')], warnings);
  return fromBlueprint(blueprint, baseName(file.name), warnings);
}

const baseName = (name: string) => name.replace(/^.*[\\/]/, '');

function readElements(blueprint: Json, file: string, problems: Problem[], warnings: Problem[], origin: Map<string, string>): MapNode[] {
  const nodes: MapNode[] = [];
  const seen = new Map<string, number>();
  for (const [i, element] of (blueprint.elements as unknown[]).entries()) {
    if (problemsFull(problems, file)) break;
    const at = `${file} elements[${i}]`;
    if (!isObject(element)) {
      problems.push(problem(at, `is ${element === null ? 'null' : typeof element}, not an element`, 'malformed'));
      continue;
    }
    const id = idText(element._id);
    if (!id) {
      problems.push(problem(`${at}._id`, 'is missing', 'malformed'));
      continue;
    }
    // SPEC import policy: the first element with an id wins, a repeat is skipped with a warning.
    if (seen.has(id)) {
      warnings.push(problem(`${at}._id`, `skipped: the id "${id}" is used by an earlier element (elements[${seen.get(id)}])`, 'duplicate-id'));
      continue;
    }
    seen.set(id, i);
    const { label: rawLabel, 'element type': elementType, description, tags, services, service, ...rest } = attributesOf(element, at, warnings);
    const typeText = String(typeof elementType === 'string' ? elementType : '').toLowerCase();
    const type = /program|service/.test(typeText) ? 'program' : 'organization';
    const label = cleanLabel(typeof rawLabel === 'string' && rawLabel.trim() ? rawLabel : typeof rawLabel === 'number' ? String(rawLabel) : id, `${at}.label`, warnings);
    const node: Json = { id, label, type };
    assignForeign(node, rest, NODE_RESERVED, PREFIX, at, warnings);
    if (elementType !== undefined) node.elementType = elementType;
    if (typeof description === 'string' && description) node.description = cleanText(description, `${at}.description`, warnings);
    const tagList = words(tags);
    if (tagList.length) node.tags = tagList;
    const named = words(services ?? service);
    if (type === 'program' && (named.length || tagList.length)) node.services = serviceIds(named.length ? named : tagList);
    else if (services !== undefined || service !== undefined) assignForeign(node, { [services !== undefined ? 'services' : 'service']: services ?? service }, NODE_RESERVED, PREFIX, at, warnings);
    nodes.push(node as unknown as MapNode);
    origin.set(`nodes:${id}`, at);
  }
  return nodes;
}

function readConnections(blueprint: Json, file: string, typeOf: Map<string, string>, problems: Problem[], warnings: Problem[], origin: Map<string, string>): MapEdge[] {
  const edges: MapEdge[] = [];
  const ids = new Set<string>();
  let counter = 0;
  for (const [i, connection] of (blueprint.connections as unknown[]).entries()) {
    if (problemsFull(problems, file)) break;
    const at = `${file} connections[${i}]`;
    if (!isObject(connection)) {
      problems.push(problem(at, `is ${connection === null ? 'null' : typeof connection}, not a connection`, 'malformed'));
      continue;
    }
    const from = idText(connection.from);
    const to = idText(connection.to);
    // A tie to a missing element is skipped (SPEC: a reference to something missing imports without it).
    const missing = ([['from', from], ['to', to]] as const).filter(([, ref]) => !typeOf.has(ref));
    if (missing.length) {
      for (const [end, ref] of missing) warnings.push(problem(`${at}.${end}`, ref ? `no element "${ref}"; the connection is skipped` : 'is missing; the connection is skipped', 'dangling-reference'));
      continue;
    }
    const { 'connection type': connectionType, label, description, ...rest } = attributesOf(connection, at, warnings);
    const typeText = String(typeof connectionType === 'string' ? connectionType : '').toLowerCase().replace(/\s+/g, '-');
    let type: EdgeType | null = (EDGE_TYPES as readonly string[]).includes(typeText) ? (typeText as EdgeType) : null;
    if (!type) type = ENDPOINT_DEFAULT[`${typeOf.get(from)}>${typeOf.get(to)}`];
    if (!type) {
      warnings.push(problem(at, 'skipped: a tie from a program to an organization has no type of ours', 'skipped-tie'));
      continue;
    }
    let id = idText(connection._id);
    if (!id || ids.has(id) || typeOf.has(id)) {
      if (id) warnings.push(problem(`${at}._id`, `"${id}" is already used; the connection gets a new id`, 'id-namespaced'));
      do id = `connection-${++counter}`;
      while (ids.has(id) || typeOf.has(id));
    }
    ids.add(id);
    const edge: Json = { id, type, source: from, target: to };
    assignForeign(edge, rest, EDGE_RESERVED, PREFIX, at, warnings);
    if (connectionType !== undefined) edge.connectionType = connectionType;
    if (typeof connection.direction === 'string' && connection.direction) edge.direction = connection.direction;
    if (typeof label === 'string' && label) edge.label = cleanLabel(label, `${at}.label`, warnings);
    if (typeof description === 'string' && description) edge.description = cleanText(description, `${at}.description`, warnings);
    edges.push(edge as unknown as MapEdge);
    origin.set(`edges:${id}`, at);
  }
  return edges;
}

function fromBlueprint(blueprint: Json, file: string, warnings: Problem[]): ImportResult {
  const problems: Problem[] = [];
  const origin = new Map<string, string>();
  const nodes = readElements(blueprint, file, problems, warnings, origin);
  const typeOf = new Map(nodes.map((n) => [n.id, n.type as string]));
  const edges = readConnections(blueprint, file, typeOf, problems, warnings, origin);
  if (problems.length) return failed(problems, warnings);
  const positions: Record<string, { x: number; y: number }> = {};
  const firstMap = Array.isArray(blueprint.maps) && isObject(blueprint.maps[0]) ? blueprint.maps[0] : undefined;
  for (const placed of Array.isArray(firstMap?.elements) ? firstMap.elements : []) {
    if (!isObject(placed) || !isObject(placed.position)) continue;
    const { x, y } = placed.position;
    const id = idText(placed.element);
    if (typeOf.has(id) && typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) positions[id] = { x, y };
  }
  for (const [key, what] of [['loops', 'loops are not imported (the map has no loops)'], ['perspectives', 'perspectives are not imported; make views instead']] as const) {
    const list = blueprint[key];
    if (Array.isArray(list) && list.length) warnings.push(problem(file, `${list.length} ${what}`, 'not-imported'));
  }
  const name = typeof blueprint.name === 'string' && blueprint.name.trim() ? blueprint.name : file.replace(/\.[^.]+$/, '') || 'Kumu import';
  const title = cleanLabel(name, `${file} name`, warnings);
  const meta: Json = { title };
  if (typeof blueprint.description === 'string' && blueprint.description) meta.commonPurpose = blueprint.description.slice(0, 5000);
  return finishLenient({ title, nodes, edges, positions, meta, origin }, warnings, PREFIX);
}
