// Kumu project blueprints (`Export to JSON`): elements → nodes (element type "program"/"service" →
// program, else organization), connections → ties (our type where the connection type names one,
// else from the endpoints), custom attributes kept under their Kumu names, positions from the first map.
import { EDGE_TYPES } from '../model/constants.ts';
import type { EdgeType, MapEdge, MapNode, Problem } from '../model/types.ts';
import { ENDPOINT_DEFAULT } from './foreign.ts';
import { cleanLabel, cleanText, decodeText, failed, finish, parseJson, problem, type ImportResult, type InputFile } from './common.ts';

interface KumuElement {
  _id: string;
  attributes?: Record<string, unknown>;
}
interface KumuConnection extends KumuElement {
  from: string;
  to: string;
  direction?: string;
}
interface KumuBlueprint {
  name?: string;
  description?: string;
  elements?: KumuElement[];
  connections?: KumuConnection[];
  loops?: unknown[];
  maps?: { elements?: { element: string; position?: { x: number; y: number } }[] }[];
  perspectives?: unknown[];
}

export function isKumuBlueprint(value: unknown): boolean {
  const v = value as KumuBlueprint;
  return !!v && typeof v === 'object' && Array.isArray(v.elements) && Array.isArray(v.connections) && (v.elements.length === 0 || typeof v.elements[0]?._id === 'string');
}

export function importKumu(file: InputFile): ImportResult {
  const warnings: Problem[] = [];
  const decoded = decodeText(file, warnings);
  if ('problem' in decoded) return failed([decoded.problem], warnings);
  const parsed = parseJson(decoded.text, file.name);
  if ('problem' in parsed) return failed([parsed.problem], warnings);
  if (!isKumuBlueprint(parsed.value)) return failed([problem(file.name, 'is not a Kumu blueprint (no "elements" and "connections" lists)')], warnings);
  return fromBlueprint(parsed.value as KumuBlueprint, file.name, warnings);
}

function fromBlueprint(blueprint: KumuBlueprint, file: string, warnings: Problem[]): ImportResult {
  const problems: Problem[] = [];
  const origin = new Map<string, string>();
  const nodes: MapNode[] = [];
  const seen = new Map<string, number>();
  (blueprint.elements ?? []).forEach((element, i) => {
    const at = `${file} elements[${i}]`;
    const { label: rawLabel, 'element type': elementType, description, tags, ...rest } = element.attributes ?? {};
    if (typeof element._id !== 'string' || !element._id) return problems.push(problem(`${at}._id`, 'is missing'));
    if (seen.has(element._id)) return problems.push(problem(`${at}._id`, `duplicate id "${element._id}" (also elements[${seen.get(element._id)}])`));
    seen.set(element._id, i);
    const typeText = String(elementType ?? '').toLowerCase();
    const type = typeText === 'program' || /program|service/.test(typeText) ? 'program' : 'organization';
    const label = cleanLabel(typeof rawLabel === 'string' && rawLabel.trim() ? rawLabel : element._id, `${at}.label`, warnings);
    const node: Record<string, unknown> = { id: element._id, label, type, ...rest };
    if (elementType !== undefined) node.elementType = elementType;
    if (typeof description === 'string' && description) node.description = cleanText(description, `${at}.description`, warnings);
    if (Array.isArray(tags)) node.tags = tags.map(String);
    else if (typeof tags === 'string' && tags) node.tags = tags.split('|').map((t) => t.trim()).filter(Boolean);
    nodes.push(node as MapNode);
    origin.set(`nodes:${element._id}`, at);
  });
  const typeOf = new Map(nodes.map((n) => [n.id, n.type]));
  const edges: MapEdge[] = [];
  (blueprint.connections ?? []).forEach((connection, i) => {
    const at = `${file} connections[${i}]`;
    for (const end of ['from', 'to'] as const) {
      if (!typeOf.has(connection[end])) problems.push(problem(`${at}.${end}`, `no element "${connection[end]}"`));
    }
    if (!typeOf.has(connection.from) || !typeOf.has(connection.to)) return;
    const { 'connection type': connectionType, label, description, ...rest } = connection.attributes ?? {};
    const typeText = String(connectionType ?? '').toLowerCase().replace(/\s+/g, '-');
    let type: EdgeType | null = (EDGE_TYPES as readonly string[]).includes(typeText) ? (typeText as EdgeType) : null;
    if (!type) type = ENDPOINT_DEFAULT[`${typeOf.get(connection.from)}>${typeOf.get(connection.to)}`];
    if (!type) {
      return warnings.push(problem(at, 'skipped: a tie from a program to an organization has no type of ours'));
    }
    const edge: Record<string, unknown> = { id: connection._id, type, source: connection.from, target: connection.to, ...rest };
    if (connectionType !== undefined) edge.connectionType = connectionType;
    if (connection.direction) edge.direction = connection.direction;
    if (typeof label === 'string' && label) edge.label = cleanLabel(label, `${at}.label`, warnings);
    if (typeof description === 'string' && description) edge.description = cleanText(description, `${at}.description`, warnings);
    edges.push(edge as MapEdge);
    origin.set(`edges:${connection._id}`, at);
  });
  if (problems.length) return failed(problems, warnings);
  const positions: Record<string, { x: number; y: number }> = {};
  for (const placed of blueprint.maps?.[0]?.elements ?? []) {
    if (placed.position && typeOf.has(placed.element) && Number.isFinite(placed.position.x) && Number.isFinite(placed.position.y)) positions[placed.element] = { x: placed.position.x, y: placed.position.y };
  }
  if (blueprint.loops?.length) warnings.push(problem(file, `${blueprint.loops.length} loops are not imported (the map has no loops)`));
  if (blueprint.perspectives?.length) warnings.push(problem(file, `${blueprint.perspectives.length} perspectives are not imported; make views instead`));
  const title = cleanLabel(blueprint.name || file.replace(/\.[^.]+$/, ''), `${file} name`, warnings);
  const meta: Record<string, unknown> = { title };
  if (typeof blueprint.description === 'string' && blueprint.description) meta.commonPurpose = blueprint.description.slice(0, 5000);
  return finish({ title, nodes, edges, positions, meta, origin }, warnings);
}
