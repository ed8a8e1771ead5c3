// Seeded mutations of real-shaped Kumu, HSDS and CSV files (bytes flipped, cut, repeated; JSON values
// swapped for nulls, numbers, lists, deep nesting): the importers answer every one with a map or with
// named problems, never through the last-resort guard (an `internal-error` problem is an importer bug).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemLine, type InputFile } from '../../../src/formats/common.ts';
import { importFiles } from '../../../src/formats/index.ts';
import { seededRandom } from '../../../src/model/random.ts';
import { FIXTURES, folder } from './helpers.ts';

const random = seededRandom(13);
const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
const WEIRD: unknown[] = [null, 0, -1, 1e308, '', 'x'.repeat(300), [], {}, [null], { _id: null }, true, '<b>', '=cmd()'];

function mutateBytes(bytes: Uint8Array): Uint8Array {
  const out = Array.from(bytes);
  for (let i = 0; i < 1 + Math.floor(random() * 4); i++) {
    const at = Math.floor(random() * out.length);
    const move = random();
    if (move < 0.4) out[at] = Math.floor(random() * 256);
    else if (move < 0.6) out.splice(at);
    else if (move < 0.8) out.splice(at, 0, ...out.slice(at, at + 40));
    else out.splice(at, 0, pick([0x22, 0x2c, 0x0a, 0x7c, 0x27, 0x00]));
  }
  return new Uint8Array(out);
}

/** Replaces a random value somewhere in a JSON document with a weird one. */
function mutateJson(value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  for (let n = 0; n < 3; n++) {
    let node = copy as Record<string, unknown>;
    for (let depth = 0; depth < 6; depth++) {
      const keys = node && typeof node === 'object' ? Object.keys(node) : [];
      if (!keys.length) break;
      const key = pick(keys);
      const child = node[key];
      if (!child || typeof child !== 'object' || random() < 0.3) {
        node[key] = random() < 0.1 ? JSON.parse('['.repeat(80) + ']'.repeat(80)) : structuredClone(pick(WEIRD));
        break;
      }
      node = child as Record<string, unknown>;
    }
  }
  return copy;
}

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

function noBug(files: InputFile[]): void {
  const result = importFiles(files);
  const bugs = result.problems.filter((p) => p.kind === 'internal-error').map(problemLine);
  expect(bugs).toEqual([]);
  expect(result.map === null).toBe(result.problems.length > 0);
}

describe('fuzzed directory and sheet files', () => {
  const jsons = ['kumu-small.json', 'hsds3-service.json', 'hsds3-forms/tabular.json', 'hsds3-forms/services-page-1.json'].map((name) => ({ name: name.split('/').pop()!, value: JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as unknown }));

  it('JSON values swapped for nulls, numbers, lists and deep nesting (300 cases)', () => {
    for (let i = 0; i < 300; i++) {
      const { name, value } = pick(jsons);
      noBug([{ name, bytes: encode(mutateJson(value)) }]);
    }
  });

  it('bytes flipped, cut and repeated in CSV pairs, HSDS packages and JSON (300 cases)', () => {
    const sets: InputFile[][] = [
      [{ name: 'town-elements.csv', bytes: readFileSync(join(FIXTURES, 'town-elements.csv')) }, { name: 'town-connections.csv', bytes: readFileSync(join(FIXTURES, 'town-connections.csv')) }],
      folder(join(FIXTURES, 'hsds11')),
      folder(join(FIXTURES, 'hsds3-csv')),
      jsons.map(({ name, value }) => ({ name, bytes: encode(value) })).slice(0, 1),
    ];
    for (let i = 0; i < 300; i++) {
      const files = pick(sets).map((f) => ({ ...f }));
      const victim = Math.floor(random() * files.length);
      files[victim] = { name: files[victim].name, bytes: mutateBytes(files[victim].bytes) };
      noBug(files);
    }
  });
});
