// The import policy's shared moves (SPEC, "Importing real files"): a foreign field that collides
// with one of ours is kept under its own prefixed name; a foreign value in one of our fields that our
// model refuses is moved aside the same way; problems are bounded so a hostile file cannot flood memory.
import type { Problem } from '../model/types.ts';
import { validateMap } from '../model/validate.ts';
import { finish, problem, type Draft, type ImportResult } from './common.ts';

/** Stop collecting after this many problems: the first ones say what is wrong. */
export const MAX_PROBLEMS = 1000;

export function problemsFull(problems: Problem[], file: string): boolean {
  if (problems.length < MAX_PROBLEMS) return false;
  if (problems.length === MAX_PROBLEMS) problems.push(problem(file, `more than ${MAX_PROBLEMS} problems; stopped reading`, 'too-many-problems'));
  return true;
}

/** Copies foreign `fields` onto `target`, renaming those whose names are reserved (`prefix` + name). */
export function assignForeign(target: Record<string, unknown>, fields: Record<string, unknown>, reserved: Set<string>, prefix: string, at: string, warnings: Problem[]): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (reserved.has(key) || key === '__proto__') {
      target[`${prefix}${key}`] = value;
      warnings.push(problem(at, `attribute "${key}" would overwrite our field "${key}"; kept as "${prefix}${key}"`, 'renamed-field'));
    } else target[key] = value;
  }
}

const STRUCTURAL = new Set(['id', 'type', 'label', 'source', 'target']);

/**
 * Validates the draft; a node or tie field that our model refuses (a Kumu attribute `status: "maybe"`)
 * is renamed `prefix` + field with a warning rather than refusing the file. Structural fields are
 * never moved: their problems stand.
 */
export function finishLenient(draft: Draft, warnings: Problem[], prefix: string): ImportResult {
  // A clean draft (the usual case) is validated once; each further pass moves refused fields aside.
  let result = finish(draft, warnings);
  for (let pass = 0; pass < 2 && result.problems.length; pass++) {
    if (!moveRefused(draft, validateMap(probe(draft)).problems, prefix, warnings)) break;
    result = finish(draft, warnings);
  }
  return result;
}

function moveRefused(draft: Draft, problems: Problem[], prefix: string, warnings: Problem[]): number {
  let moved = 0;
  for (const p of problems) {
    const match = /^(nodes|edges)\[(\d+)\]\.([A-Za-z_$][\w$]*)/.exec(p.path);
    if (!match || STRUCTURAL.has(match[3])) continue;
    const entry = (match[1] === 'nodes' ? draft.nodes : draft.edges)[Number(match[2])] as unknown as Record<string, unknown> | undefined;
    if (!entry || !(match[3] in entry)) continue;
    entry[`${prefix}${match[3]}`] = entry[match[3]];
    delete entry[match[3]];
    moved++;
    const from = draft.origin?.get(`${match[1]}:${entry.id as string}`) ?? p.path;
    warnings.push(problem(from, `"${match[3]}" ${p.message}; kept as "${prefix}${match[3]}"`, 'renamed-field'));
  }
  return moved;
}

function probe(draft: Draft): unknown {
  return { format: 'pathways-map', version: 1, meta: { title: draft.title }, nodes: draft.nodes, edges: draft.edges, views: [], positions: {} };
}
