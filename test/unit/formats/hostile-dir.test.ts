// Hostile and broken files for the directory and sheet importers (Kumu, HSDS, CSV, zip): each one
// comes back as problems naming the file (never a throw, never a half-built map); zip bombs are
// refused from their declared sizes, or stopped while streaming, with bounded memory.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Deflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../src/formats/index.ts';
import { problemLine, type InputFile } from '../../../src/formats/common.ts';

const HOSTILE = join(import.meta.dirname, '../../fixtures/hostile/formats-dir');

function inputsOf(entry: string): InputFile[] {
  const path = join(HOSTILE, entry);
  if (!statSync(path).isDirectory()) return [{ name: entry, bytes: readFileSync(path) }];
  return readdirSync(path).map((f) => ({ name: `${entry}/${f}`, bytes: readFileSync(join(path, f)) }));
}

describe('the hostile corpus of directory and sheet files', () => {
  const entries = readdirSync(HOSTILE).sort();

  it('holds at least 20 files', () => {
    expect(entries.length).toBeGreaterThanOrEqual(20);
  });

  it.each(entries)('%s: refused with problems naming the file, no map, no throw', (entry) => {
    const result = importFiles(inputsOf(entry));
    expect(result.map).toBeNull();
    expect(result.problems.length).toBeGreaterThan(0);
    for (const p of result.problems) expect(problemLine(p)).toContain(entry);
    expect(result.problems.every((p) => !/at .*\.ts:\d+/.test(p.message))).toBe(true);
  });

  it('names the element: a null Kumu element, a null connection, a deep attribute', () => {
    expect(importFiles(inputsOf('kumu-null-element.json')).problems.map(problemLine)).toEqual(['kumu-null-element.json elements[0]: is null, not an element']);
    expect(importFiles(inputsOf('kumu-null-connection.json')).problems.map(problemLine)).toEqual(['kumu-null-connection.json connections[0]: is null, not a connection']);
    expect(importFiles(inputsOf('kumu-deep-attribute.json')).problems[0]).toMatchObject({ kind: 'too-deep' });
  });

  it('a garbled HSDS core table names its row; a garbled side table is skipped with a warning', () => {
    expect(importFiles(inputsOf('hsds-garbled-services')).problems.map(problemLine)).toEqual(['hsds-garbled-services/services.csv row 2: a quoted cell is never closed (unbalanced ")']);
    const files = [...inputsOf('hsds-garbled-services').filter((f) => f.name.endsWith('organizations.csv')), { name: 'services.csv', bytes: new TextEncoder().encode('id,organization_id,name\n1,1,A\n') }, { name: 'languages.csv', bytes: new TextEncoder().encode('id,service_id,language\n1,1,"Span\n') }, { name: 'phones.csv', bytes: new TextEncoder().encode('id,number\n1,555\n') }];
    const result = importFiles(files);
    expect(result.problems).toEqual([]);
    expect(result.warnings.filter((w) => w.kind === 'dropped-table').map(problemLine)).toEqual(['languages.csv row 2: a quoted cell is never closed (unbalanced "); table skipped']);
    expect(result.warnings.filter((w) => w.kind === 'not-imported').map(problemLine)).toEqual(['phones.csv: not imported: the map has no place for these tables (locations, phones, schedules …)']);
  });

  it('CSV: a ragged row and a huge cell are named and kept within bounds; the rest imports', () => {
    const huge = 'y'.repeat(100_000);
    const csv = `Label,Remarks\nA,short,stray,cells\nB,${huge}\n`;
    const result = importFiles([{ name: 'sheet.csv', bytes: new TextEncoder().encode(csv) }]);
    expect(result.problems).toEqual([]);
    expect(result.warnings.map((w) => `${w.kind} ${problemLine(w)}`)).toEqual([
      'dropped-value sheet.csv row 2: has 4 cells but the header names 2; the cells past the last column are dropped',
      'shortened sheet.csv row 3, column "Remarks": is 100000 characters; shortened to 20000',
    ]);
    expect(String((result.map!.nodes[1] as Record<string, unknown>).Remarks).length).toBe(20_000);
  });
});

/** A raw deflate stream of `megabytes` MB of zeros, made from one 1 MB buffer (never held whole). */
function deflatedZeros(megabytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => chunks.push(chunk));
  const zeros = new Uint8Array(1024 * 1024);
  for (let i = 0; i < megabytes; i++) deflate.push(zeros, i === megabytes - 1);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) out.set(c, (at += c.length) - c.length);
  return out;
}

/** A zip whose entries all hold `data` (deflated) and declare `originalSize`; CRCs are not checked before inflating. */
function zipOf(names: string[], data: Uint8Array, originalSize: number): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const name of names) {
    const n = enc.encode(name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, 8, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, originalSize, true);
    local.setUint16(26, n.length, true);
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 20, true);
    cd.setUint16(6, 20, true);
    cd.setUint16(10, 8, true);
    cd.setUint32(20, data.length, true);
    cd.setUint32(24, originalSize, true);
    cd.setUint16(28, n.length, true);
    cd.setUint32(42, offset, true);
    parts.push(new Uint8Array(local.buffer), n, data);
    central.push(new Uint8Array(cd.buffer), n);
    offset += 30 + n.length + data.length;
  }
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, names.length, true);
  end.setUint16(10, names.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const zip = new Uint8Array(all.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of all) zip.set(p, (at += p.length) - p.length);
  return zip;
}

describe('zip bombs', () => {
  const zeros = deflatedZeros(48);

  it('a ~1 MB zip declaring 1.5 GB is refused from its directory, without inflating', () => {
    const names = Array.from({ length: 32 }, (_, i) => (i ? `part-${i}.csv` : 'services.csv'));
    const bomb = zipOf(names, zeros, 48 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const result = importFiles([{ name: 'county.zip', bytes: bomb }]);
    const grown = process.memoryUsage().rss - before;
    expect(result.map).toBeNull();
    expect(result.problems.map(problemLine)).toEqual([expect.stringMatching(/^county\.zip\/services\.csv: inflates \d+ times its packed size \(at most 200\): refused as a possible zip bomb$/)]);
    expect(grown).toBeLessThan(64 * 1024 * 1024);
  });

  it('an entry that lies about its size is stopped as soon as it inflates past it', () => {
    const liar = zipOf(['services.csv'], zeros, 1000);
    const before = process.memoryUsage().rss;
    const result = importFiles([{ name: 'liar.zip', bytes: liar }]);
    const grown = process.memoryUsage().rss - before;
    expect(result.problems.map(problemLine)).toEqual(['liar.zip/services.csv: inflates past the 1 kB its archive declares: refused as a possible zip bomb']);
    expect(grown).toBeLessThan(64 * 1024 * 1024);
  });

  it('an archive listing more than 10,000 entries, or a forged directory claiming 65,535, is refused by name', () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`t${i}.csv`, new Uint8Array([65])])));
    expect(importFiles([{ name: 'many.zip', bytes: many }]).problems.map(problemLine)).toEqual(['many.zip: lists more than 10000 entries']);
    const forged = zipOf(['services.csv'], deflatedZeros(1), 1024 * 1024);
    const view = new DataView(forged.buffer);
    view.setUint16(forged.length - 22 + 8, 0xffff, true);
    view.setUint16(forged.length - 22 + 10, 0xffff, true);
    const result = importFiles([{ name: 'forged.zip', bytes: forged }]);
    expect(result.map).toBeNull();
    expect(result.problems[0].path).toBe('forged.zip');
  });

  it('declared sizes over the total cap are refused even at an honest ratio', () => {
    const names = ['organizations.csv', 'services.csv'];
    const result = importFiles([{ name: 'big.zip', bytes: zipOf(names, zeros, 30 * 1024 * 1024 + 1) }]);
    // 30 MB from a ~48 kB stream is also a bomb by ratio; the cap is checked per entry first.
    expect(result.problems[0].kind).toMatch(/zip-bomb|too-large/);
    expect(result.map).toBeNull();
  });
});
