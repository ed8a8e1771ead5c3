// The import policy (SPEC, "Importing real files") for Kumu and HSDS: foreign fields that collide with
// ours are kept under their own names, services come from taxonomy terms and tags, every published
// HSDS form reads to the same map.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemLine } from '../../../src/formats/common.ts';
import { importFiles } from '../../../src/formats/index.ts';
import { importKumu } from '../../../src/formats/kumu.ts';
import type { MapNode } from '../../../src/model/types.ts';
import { FIXTURES, folder, text } from './helpers.ts';

const byId = (nodes: MapNode[], id: string) => nodes.find((n) => n.id === id) as Record<string, unknown>;
const json = (name: string, value: unknown) => text(name, JSON.stringify(value));

describe('kumu: collisions, titles, services', () => {
  const blueprint = (extra: Record<string, unknown> = {}) => ({
    elements: [
      { _id: 'a', attributes: { label: 'Clinic', 'element type': 'Organization', id: 'CL-1', type: 'Clinic', tags: ['health'] } },
      { _id: 'b', attributes: { label: 'Tax Help', 'element type': 'Program', tags: ['Tax Preparation', 'Free'] } },
      { _id: 'c', attributes: { label: 'Food Box', 'element type': 'Service', services: 'Food Pantry | Home Delivery', tags: ['priority'] } },
    ],
    connections: [{ _id: 'k1', from: 'b', to: 'c', attributes: { source: 'survey 2023', target: 'n/a', id: 7, 'connection type': 'referral' } }],
    ...extra,
  });

  it('a custom attribute named like our id, type, source or target is kept as kumu:<name>, never overwriting ours', () => {
    const result = importKumu(json('net.json', blueprint()));
    expect(result.problems).toEqual([]);
    const map = result.map!;
    expect(byId(map.nodes, 'a')).toMatchObject({ id: 'a', type: 'organization', 'kumu:id': 'CL-1', 'kumu:type': 'Clinic' });
    expect(map.edges[0]).toMatchObject({ id: 'k1', source: 'b', target: 'c', type: 'referral', 'kumu:source': 'survey 2023', 'kumu:target': 'n/a', 'kumu:id': 7 });
    const renamed = result.warnings.filter((w) => w.kind === 'renamed-field').map(problemLine);
    expect(renamed).toEqual([
      'net.json elements[0]: attribute "id" would overwrite our field "id"; kept as "kumu:id"',
      'net.json elements[0]: attribute "type" would overwrite our field "type"; kept as "kumu:type"',
      'net.json connections[0]: attribute "source" would overwrite our field "source"; kept as "kumu:source"',
      'net.json connections[0]: attribute "target" would overwrite our field "target"; kept as "kumu:target"',
      'net.json connections[0]: attribute "id" would overwrite our field "id"; kept as "kumu:id"',
    ]);
  });

  it('an attribute our model refuses (status "maybe") is kept as kumu:<name> with a warning, not refusing the file', () => {
    const bp = blueprint();
    (bp.elements[1].attributes as Record<string, unknown>).status = 'maybe';
    const result = importKumu(json('net.json', bp));
    expect(result.problems).toEqual([]);
    expect(byId(result.map!.nodes, 'b')).toMatchObject({ 'kumu:status': 'maybe' });
    expect(byId(result.map!.nodes, 'b').status).toBeUndefined();
    expect(result.warnings.filter((w) => w.kind === 'renamed-field' && w.path.includes('elements[1]'))).toHaveLength(1);
  });

  it('services: a program\'s "services" attribute, else its tags, as kebab ids; organizations get none', () => {
    const map = importKumu(json('net.json', blueprint())).map!;
    expect(byId(map.nodes, 'b').services).toEqual(['tax-preparation', 'free']);
    expect(byId(map.nodes, 'c').services).toEqual(['food-pantry', 'home-delivery']);
    expect(byId(map.nodes, 'c').tags).toEqual(['priority']);
    expect(byId(map.nodes, 'a').services).toBeUndefined();
  });

  it('a blueprint without a name takes its file\'s base name, never the path it was read from', () => {
    expect(importKumu(json('/home/ana/exports/harbor-network.json', blueprint())).map!.meta.title).toBe('harbor-network');
    expect(importKumu(json('C:\\Users\\ana\\net.json', blueprint({ name: '  ' }))).map!.meta.title).toBe('net');
  });

  it('refuses a blueprint with more elements than any real project, naming the count', () => {
    const elements = Array.from({ length: 200_001 }, (_, i) => ({ _id: `e${i}` }));
    const result = importKumu(json('huge.json', { elements, connections: [] }));
    expect(result.problems.map(problemLine)).toEqual(['huge.json: holds 200001 elements and connections; at most 200000 can be imported']);
  });
});

describe('hsds: every published form', () => {
  const SPEC = join(FIXTURES, 'hsds3-forms');
  const load = (name: string) => ({ name, bytes: readFileSync(join(SPEC, name)) });

  it('3.x tabular JSON: tables as lists of typed rows; year_incorporated stays a number; terms become services', () => {
    const result = importFiles([load('tabular.json')]);
    expect(result.format).toBe('hsds');
    expect(result.problems).toEqual([]);
    const map = result.map!;
    expect(byId(map.nodes, 'o1')).toMatchObject({ type: 'organization', label: 'Harbor Aid', year_incorporated: 2011 });
    expect(byId(map.nodes, 's1')).toMatchObject({ type: 'program', organization: 'o1', services: ['tax-preparation'], taxonomyTerms: ['Tax Preparation'] });
  });

  it('3.x API pages: the contents of several pages add up, organizations and services alike', () => {
    const result = importFiles([load('services-page-1.json'), load('services-page-2.json'), load('organizations-page-1.json')]);
    expect(result.format).toBe('hsds');
    expect(result.problems).toEqual([]);
    const map = result.map!;
    expect(map.nodes.filter((n) => n.type === 'program').map((n) => n.id).sort()).toEqual(['s1', 's2', 's3']);
    expect(byId(map.nodes, 's2')).toMatchObject({ organization: 'o1', services: ['food-pantry'] });
    expect(byId(map.nodes, 'o2')).toMatchObject({ type: 'organization', year_incorporated: 1999 });
  });

  it('API pages that overlap: a service seen on an earlier page is the same service, imported once with a warning', () => {
    const page = JSON.parse(readFileSync(join(SPEC, 'services-page-2.json'), 'utf8'));
    const again = { ...page, page_number: 3, contents: [...page.contents, page.contents[0]] };
    const result = importFiles([load('services-page-1.json'), load('services-page-2.json'), json('services-page-3.json', again)]);
    expect(result.problems).toEqual([]);
    expect(result.map!.nodes.filter((n) => n.type === 'program').map((n) => n.id).sort()).toEqual(['s1', 's2', 's3']);
    expect(result.warnings.filter((w) => w.kind === 'duplicate-record').map(problemLine)).toEqual(['services-page-3.json contents[0]: service "s3" appears 3 times; imported once']);
  });

  it('a year that is not a number is kept as text with a warning naming the row', () => {
    const files = folder(join(FIXTURES, 'hsds11')).map((f) => (f.name === 'organizations.csv' ? text(f.name, new TextDecoder().decode(f.bytes).replace(',1990,', ',circa 1990,')) : f));
    const result = importFiles(files);
    expect(byId(result.map!.nodes, 'org-1').year_incorporated).toBe('circa 1990');
    expect(result.warnings.filter((w) => w.kind === 'not-a-number').map(problemLine)).toEqual(['organizations.csv row 2, column "year_incorporated": "circa 1990" is not a number; kept as text']);
  });

  it('a value our model refuses (a 3,000-character url) is kept as hsds:<field> with a warning naming the row', () => {
    const long = `http://example.com/${'a'.repeat(3000)}`;
    const files = folder(join(FIXTURES, 'hsds11')).map((f) => (f.name === 'organizations.csv' ? text(f.name, new TextDecoder().decode(f.bytes).replace('http://example.com', long)) : f));
    const result = importFiles(files);
    expect(result.problems).toEqual([]);
    expect(byId(result.map!.nodes, 'org-1')).toMatchObject({ 'hsds:url': long });
    expect(result.warnings.filter((w) => w.kind === 'renamed-field').map((w) => w.path)).toEqual(['organizations.csv row 2']);
  });

  it('a funding row naming a missing service is skipped with a warning; a services-only package imports', () => {
    const files = folder(join(FIXTURES, 'hsds11')).map((f) => (f.name === 'funding.csv' ? text(f.name, 'id,organization_id,service_id,source\nf1,,svc-9,Fund A\n') : f)).filter((f) => f.name !== 'organizations.csv');
    const result = importFiles([...files, text('organizations.csv', 'id,name\n')]);
    expect(result.problems).toEqual([]);
    expect(result.map!.edges).toEqual([]);
    expect(result.warnings.filter((w) => w.kind === 'dangling-reference').map(problemLine)).toContain('funding.csv row 2, column "service_id": no service or organization "svc-9"; the funding is skipped');
  });
});
