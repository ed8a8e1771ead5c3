// Shared by every importer and exporter: the result shape, text decoding, limits and the final
// gate through validateMap. Pure: strings and bytes in, plain data out (browser, worker and CLI).
import { LIMITS, MAP_FORMAT, MAP_VERSION } from '../model/constants.ts';
import type { MapEdge, MapNode, PathwaysMap, Problem } from '../model/types.ts';
import { jsonDepthProblem } from '../model/json-depth.ts';
import { validateMap } from '../model/validate.ts';

/** One input file: its name (for messages and format detection) and its raw bytes. */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
  /** The file's real size when `bytes` were not read (a browser file over the limit). */
  size?: number;
}

/** What every importer returns. `map` is non-null only when there are no problems. */
export interface ImportResult {
  map: PathwaysMap | null;
  warnings: Problem[];
  problems: Problem[];
}

/** Imports are bigger than map files (a whole resource directory), but still bounded. */
export const IMPORT_LIMIT_BYTES = 50 * 1024 * 1024;

/** `people.csv row 14, column "From"`: the place part of a problem. */
export function place(file: string, row?: number, column?: string): string {
  let at = file;
  if (row !== undefined) at += ` row ${row}`;
  if (column !== undefined) at += `${row !== undefined ? ',' : ''} column "${column}"`;
  return at;
}

export function problem(path: string, message: string, kind?: string): Problem {
  return kind ? { path, message, kind } : { path, message };
}

export function failed(problems: Problem[], warnings: Problem[] = []): ImportResult {
  return { map: null, problems, warnings };
}

/** Size gate, then UTF-8 (BOM stripped; UTF-16 by its BOM); invalid UTF-8 is read as windows-1252 with a
 * warning; bytes with NULs or other control characters (an image, a spreadsheet binary) are refused. */
export function decodeText(file: InputFile, warnings: Problem[]): { text: string } | { problem: Problem } {
  const tooBig = sizeProblem(file);
  if (tooBig) return { problem: tooBig };
  const bytes = file.bytes;
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  let text: string;
  if (utf16) text = new TextDecoder(utf16).decode(bytes);
  else {
    if (looksBinary(bytes)) return { problem: problem(file.name, 'is binary, not text (an image, a spreadsheet workbook or a compressed file?); save it as CSV or JSON', 'not-this-format') };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
      warnings.push(problem(file.name, 'is not valid UTF-8; read as Latin-1 (windows-1252) — check accented letters', 'encoding'));
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) return { problem: problem(file.name, 'the file is empty', 'empty') };
  return { text };
}

/** A NUL, or more than 1 in 100 control characters, in the first 64 kB. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return control * 100 > end;
}

/** Unknown values nested deeper than this are refused: later stages (validation, export, the worker's
 * structured clone) walk them recursively. */
export const MAX_NESTING = 64;

/** True when `value` nests objects or arrays deeper than `limit` (checked without recursion). */
export function nestedTooDeep(value: unknown, limit = MAX_NESTING): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  let visited = 0;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    if (++visited > 5_000_000) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

export function sizeProblem(file: InputFile): Problem | null {
  const size = file.size ?? file.bytes.length;
  if (size <= IMPORT_LIMIT_BYTES) return null;
  return problem(file.name, `the file is ${(size / 1024 / 1024).toFixed(1)} MB; the import limit is ${IMPORT_LIMIT_BYTES / 1024 / 1024} MB`, 'too-large');
}

export function parseJson(text: string, file: string): { value: unknown } | { problem: Problem } {
  const tooDeep = jsonDepthProblem(text);
  if (tooDeep) return { problem: problem(file, tooDeep, 'too-deep') };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { problem: problem(file, `not JSON (${(error as Error).message})`, 'not-this-format') };
  }
}

/** Lower-case words joined by `-`, for ids made from names. */
export function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'x';
}

/** Service names or taxonomy terms as the program's `services`: lower-case kebab ids (`Tax Preparation`
 * → `tax-preparation`), each once, at most the model's list length. */
export function serviceIds(names: string[]): string[] {
  const ids = new Set<string>();
  for (const name of names) {
    const id = slug(name);
    if (id !== 'x' || /^x$/i.test(name.trim())) ids.add(id);
    if (ids.size >= LIMITS.listLength) break;
  }
  return [...ids];
}

/** Labels may not hold markup and are bounded: fix them with a warning rather than refuse the row. */
export function cleanLabel(raw: string, at: string, warnings: Problem[]): string {
  let label = raw.replace(/\s+/g, ' ').trim();
  if (/[<>]/.test(label)) {
    label = label.replace(/</g, '‹').replace(/>/g, '›');
    warnings.push(problem(at, 'contained < or >; replaced with ‹ ›', 'changed-value'));
  }
  if (label.length > LIMITS.labelLength) {
    label = label.slice(0, LIMITS.labelLength - 1) + '…';
    warnings.push(problem(at, `was longer than ${LIMITS.labelLength} characters; shortened`, 'shortened'));
  }
  return label;
}

export function cleanText(raw: string, at: string, warnings: Problem[]): string {
  if (raw.length <= LIMITS.descriptionLength) return raw;
  warnings.push(problem(at, `was longer than ${LIMITS.descriptionLength} characters; shortened`, 'shortened'));
  return raw.slice(0, LIMITS.descriptionLength - 1) + '…';
}

export interface Draft {
  title: string;
  nodes: MapNode[];
  edges: MapEdge[];
  positions: Record<string, { x: number; y: number }>;
  meta?: Record<string, unknown>;
  views?: PathwaysMap['views'];
  extra?: Record<string, unknown>;
  /** Where each node and edge came from (`people.csv row 4`), to name validation problems. */
  origin?: Map<string, string>;
}

/** The map a draft makes, before validation. */
export function draftMap(draft: Draft): PathwaysMap {
  return {
    ...(draft.extra ?? {}),
    format: MAP_FORMAT,
    version: MAP_VERSION,
    meta: { ...(draft.meta ?? {}), title: (draft.meta?.title as string | undefined) ?? draft.title },
    nodes: draft.nodes,
    edges: draft.edges,
    views: draft.views ?? [],
    positions: draft.positions,
  };
}

/**
 * Builds the map and passes it through validateMap (or takes `checked`, the result of validating
 * draftMap(draft) already); problems are named by their source row.
 */
export function finish(draft: Draft, warnings: Problem[], checked?: ReturnType<typeof validateMap>): ImportResult {
  const result = checked ?? validateMap(draftMap(draft));
  const rename = (p: Problem): Problem => {
    const match = /^(nodes|edges)\[(\d+)\](.*)$/.exec(p.path);
    if (!match || !draft.origin) return p;
    const entry = (match[1] === 'nodes' ? draft.nodes : draft.edges)[Number(match[2])];
    const from = entry && draft.origin.get(`${match[1]}:${entry.id}`);
    return from ? { ...p, path: `${from} (${match[1] === 'nodes' ? 'element' : 'connection'} "${entry.id}"${match[3] ? `, ${match[3].replace(/^\./, '')}` : ''})` } : p;
  };
  return { map: result.map, problems: result.problems.map(rename), warnings: [...warnings, ...result.warnings.map(rename)] };
}

/** Counts for previews and CLI summaries. */
export function countMap(map: PathwaysMap): { organizations: number; programs: number; ties: number } {
  const organizations = map.nodes.filter((n) => n.type === 'organization').length;
  return { organizations, programs: map.nodes.length - organizations, ties: map.edges.length };
}

/** `Problem` as one line: `people.csv row 14, column "From": no element "Jon"`. */
export function problemLine(p: Problem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}
