// Typing node and edge fields as GraphML keys / GEXF attributes: plain booleans, numbers and text
// keep their type (Gephi and networkx read them natively); lists, objects and mixed values are
// written as JSON text under a declared key whose id ends in `-json`, so our importer parses them back.
import type { Problem } from '../model/types.ts';
import { jsonDepthProblem } from '../model/json-depth.ts';
import { decodeText, problem, type InputFile } from './common.ts';
import { child, parseXml, XmlError, type XmlElement } from './xml.ts';

export type AttrType = 'boolean' | 'double' | 'string';

export interface AttrDecl {
  id: string;
  name: string;
  type: AttrType;
  json: boolean;
}

export const JSON_ID_SUFFIX = '-json';

export function declareAttributes(entries: Record<string, unknown>[], prefix: string, skip: Set<string>): AttrDecl[] {
  const names: string[] = [];
  for (const entry of entries) for (const key of Object.keys(entry)) if (!skip.has(key) && !names.includes(key)) names.push(key);
  return names.map((name, index) => {
    const values = entries.map((e) => e[name]).filter((v) => v !== undefined);
    const type: AttrType = values.every((v) => typeof v === 'boolean') ? 'boolean' : values.every((v) => typeof v === 'number' && Number.isFinite(v)) ? 'double' : 'string';
    const json = type === 'string' && !values.every((v) => typeof v === 'string');
    return { id: `${prefix}${index}${json ? JSON_ID_SUFFIX : ''}`, name, type, json };
  });
}

export function writeValue(value: unknown, decl: AttrDecl): string {
  return decl.json ? JSON.stringify(value) : String(value);
}

/** Reads a value back by its declared type. Returns undefined for what cannot be read. */
export function readValue(text: string, type: string, json: boolean): unknown {
  if (json) {
    if (jsonDepthProblem(text)) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }
  switch (type) {
    case 'boolean':
      // XML Schema booleans are true/false/1/0; networkx once wrote True/False.
      return /^\s*(true|1)\s*$/i.test(text) ? true : /^\s*(false|0)\s*$/i.test(text) ? false : undefined;
    case 'int':
    case 'long':
    case 'float':
    case 'double':
    case 'integer': {
      const n = Number(text);
      return text.trim() !== '' && Number.isFinite(n) ? n : undefined;
    }
    default:
      return text;
  }
}

/** Decodes a GraphML or GEXF file and finds its `<ROOT><graph>`, or the problem that stops it. */
export function openGraphXml(file: InputFile, rootName: string, formatName: string, warnings: Problem[]): { root: XmlElement; graph: XmlElement } | { problem: Problem } {
  const decoded = decodeText(file, warnings);
  if ('problem' in decoded) return { problem: decoded.problem };
  let doc: XmlElement;
  try {
    doc = parseXml(decoded.text);
  } catch (error) {
    return { problem: problem(file.name, `not well-formed XML (${(error as XmlError).message})`) };
  }
  const root = child(doc, rootName);
  const graph = child(root, 'graph');
  if (!root || !graph) return { problem: problem(file.name, `has no <${rootName}><graph>: not ${formatName}`) };
  return { root, graph };
}
