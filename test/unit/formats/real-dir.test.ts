// Real-file conformance for Open Referral HSDS and Kumu (test/fixtures/real, SOURCES.md): files
// published by those projects import with the counts Python's csv/json modules gave at collection
// time (open-referral-kumu.expected.json, not the importer's), their labels and services, and come
// back whole from a CSV and a JSON export.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemLine, type InputFile } from '../../../src/formats/common.ts';
import { exportMap, importFiles } from '../../../src/formats/index.ts';
import type { MapNode, PathwaysMap } from '../../../src/model/types.ts';

const REAL = join(import.meta.dirname, '../../fixtures/real');
const expected = JSON.parse(readFileSync(join(REAL, 'open-referral-kumu.expected.json'), 'utf8')) as {
  hsds: { name: string; files: string[]; organizations: number; services: number; danglingOrganizations: number; namespaced: number; firstService: { id: string; label: string; services: string[] }; yearIncorporated: number | null }[];
  kumu: { name: string; files: string[]; elements: number; connections: number; skippedTies?: number; title?: string; firstLabel: string; numericColumns?: string[] }[];
};

/** A folder is given as its files (`csv/services.csv`), as the CLI and the studio read one. */
function inputs(paths: string[]): InputFile[] {
  return paths.flatMap((path) => {
    const full = join(REAL, path);
    if (!statSync(full).isDirectory()) return [{ name: path.split('/').pop()!, bytes: readFileSync(full) }];
    const folder = path.split('/').pop()!;
    return readdirSync(full).map((f) => ({ name: `${folder}/${f}`, bytes: readFileSync(join(full, f)) }));
  });
}

function roundTrips(map: PathwaysMap): void {
  for (const format of ['csv', 'json'] as const) {
    const files = exportMap(map, format).map((f) => ({ name: `back${f.suffix}`, bytes: new TextEncoder().encode(f.text) }));
    const back = importFiles(files, { format });
    expect(back.problems.map(problemLine)).toEqual([]);
    expect(back.map).toEqual(map);
  }
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('real Open Referral HSDS files', () => {
  it('the collection holds at least 12 real files of these formats', () => {
    expect(expected.hsds.length + expected.kumu.length).toBeGreaterThanOrEqual(12);
  });

  it.each(expected.hsds.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = importFiles(inputs(c.files));
    expect(result.format).toBe('hsds');
    expect(result.problems.map(problemLine)).toEqual([]);
    const map = result.map!;
    expect(map.nodes.filter((n) => n.type === 'organization' && !n.hsdsFunder).length).toBe(c.organizations);
    expect(map.nodes.filter((n) => n.type === 'program').length).toBe(c.services);
    expect(result.warnings.filter((w) => w.kind === 'dangling-reference' && w.path.includes('organization_id')).length).toBe(c.danglingOrganizations);
    expect(map.nodes.filter((n) => n.type === 'program' && !n.organization).length).toBe(c.danglingOrganizations);
    expect(result.warnings.filter((w) => w.kind === 'id-namespaced').length).toBe(c.namespaced);
    const first = map.nodes.find((n) => n.id === c.firstService.id || (n as Record<string, unknown>).hsdsId === c.firstService.id) as MapNode & Record<string, unknown>;
    expect(first).toMatchObject({ type: 'program', label: squash(c.firstService.label) });
    if (c.firstService.services.length) expect(first.services).toEqual(c.firstService.services);
    else expect(first.services).toBeUndefined();
    if (c.yearIncorporated !== null) expect(map.nodes.some((n) => (n as Record<string, unknown>).year_incorporated === c.yearIncorporated)).toBe(true);
    expect(result.warnings.every((w) => w.kind)).toBe(true);
    roundTrips(map);
  });
});

describe('real Kumu files', () => {
  it.each(expected.kumu.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = importFiles(inputs(c.files));
    expect(result.problems.map(problemLine)).toEqual([]);
    const map = result.map!;
    expect(map.nodes.length).toBe(c.elements);
    expect(map.edges.length).toBe(c.connections);
    expect(result.warnings.filter((w) => w.kind === 'skipped-tie').length).toBe(c.skippedTies ?? 0);
    if (c.title) expect(map.meta.title).toBe(c.title);
    expect(map.nodes.some((n) => n.label === squash(c.firstLabel))).toBe(true);
    for (const column of c.numericColumns ?? []) {
      const values = map.nodes.map((n) => (n as Record<string, unknown>)[column]).filter((v) => v !== undefined);
      expect(values.length).toBeGreaterThan(0);
      expect(values.every((v) => typeof v === 'number')).toBe(true);
    }
    roundTrips(map);
  });
});
