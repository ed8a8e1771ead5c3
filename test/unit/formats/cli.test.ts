// `import` and `export` on the command line: summaries, problems with file/row/column, exit 1 and
// nothing written on bad input.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { smallMap } from '../../fixtures/small-map.ts';
import { memoryIo } from '../../support/memory-io.ts';
import { FIXTURES } from './helpers.ts';

const read = (name: string) => readFileSync(join(FIXTURES, name));

describe('cli import / export', () => {
  it('imports a CSV pair into a map file and prints the counts', async () => {
    const { io, written, stdout } = memoryIo({ 'e.csv': read('town-elements.csv'), 'c.csv': read('town-connections.csv') });
    expect(await main(['import', 'csv', 'e.csv', 'c.csv', '-o', 'town.json'], io)).toBe(0);
    expect(stdout()).toBe('town.json: 2 organizations, 3 programs, 3 ties');
    expect(JSON.parse(String(written['town.json'])).format).toBe('pathways-map');
  });

  it('exits 1 with every problem and writes nothing', async () => {
    const { io, written, stderr } = memoryIo({ 'e.csv': 'Label,Capacity\nA,lots\n', 'c.csv': 'From,To\nA,A\n' });
    expect(await main(['import', 'csv', 'e.csv', 'c.csv', '-o', 'out.json'], io)).toBe(1);
    expect(stderr().split('\n')).toEqual(['e.csv row 2, column "Capacity": "lots" is not a number', '1 problem; nothing written']);
    expect(written).toEqual({});
  });

  it('refuses a file over the limit before reading it', async () => {
    const { io, written, stderr } = memoryIo({});
    io.fileSize = () => 100 * 1024 * 1024;
    io.readFile = () => {
      throw new Error('must not read');
    };
    expect(await main(['import', 'hsds', 'big.zip', '-o', 'out.json'], io)).toBe(1);
    expect(stderr()).toBe('big.zip: the file is 100.0 MB; the import limit is 50 MB');
    expect(written).toEqual({});
  });

  it('exports CSV as two files and GraphML as one; import of the export gives the map back', async () => {
    const { io, written, stdout } = memoryIo({ 'm.json': JSON.stringify(smallMap()) });
    expect(await main(['export', 'm.json', '--to', 'csv', '-o', 'out.csv'], io)).toBe(0);
    expect(stdout()).toBe('wrote out-elements.csv, out-connections.csv, out-map.csv');
    expect(String(written['out-map.csv']).split('\r\n')[1]).toBe('meta.title,"""Small town"""');
    expect(String(written['out-elements.csv']).split('\r\n')[0]).toMatch(/^ID,Label,Type,/);
    expect(await main(['export', 'm.json', '--to', 'graphml', '-o', 'm.graphml'], io)).toBe(0);
    expect(await main(['import', 'graphml', 'm.graphml', '-o', 'back.json'], io)).toBe(0);
    expect(JSON.parse(String(written['back.json']))).toEqual(smallMap());
  });

  it('names an unknown format and an invalid map', async () => {
    const { io, stderr } = memoryIo({ 'bad.json': '{"format":"pathways-map","version":1,"meta":{},"nodes":[],"edges":[]}' });
    expect(await main(['export', 'bad.json', '--to', 'xlsx', '-o', 'x'], io)).toBe(1);
    expect(stderr()).toMatch(/Unknown export format "xlsx"/);
    expect(await main(['export', 'bad.json', '--to', 'json', '-o', 'x'], io)).toBe(1);
    expect(stderr()).toMatch(/bad.json: meta.title: is required/);
  });
});
