// Kumu blueprints and Open Referral HSDS (1.1 package, 3.0 CSV package, 3.0 nested JSON): own
// fixtures with hand-derived expectations, then the real files under ../shared/data where present.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { problemLine } from '../../../src/formats/common.ts';
import { stagesForAges } from '../../../src/formats/hsds.ts';
import { importFiles } from '../../../src/formats/index.ts';
import { importKumu } from '../../../src/formats/kumu.ts';
import type { MapNode } from '../../../src/model/types.ts';
import { FIXTURES, fixture, folder, text } from './helpers.ts';

const SHARED = join(import.meta.dirname, '../../../../shared/data');
const byId = (nodes: MapNode[], id: string) => nodes.find((n) => n.id === id) as Record<string, unknown>;

describe('kumu blueprints', () => {
  it('maps elements, connections, attributes and first-map positions', () => {
    const result = importFiles([fixture('kumu-small.json')]);
    expect(result.format).toBe('kumu');
    const map = result.map!;
    expect(map.meta).toEqual({ title: 'Harbor network', commonPurpose: 'Who works with whom' });
    expect(byId(map.nodes, 'elem-a')).toEqual({ id: 'elem-a', label: 'Harbor Family Center', type: 'organization', elementType: 'Organization', budget: 120000, tags: ['family'] });
    expect(byId(map.nodes, 'elem-c')).toMatchObject({ type: 'program', elementType: 'Service' });
    expect(map.edges).toEqual([
      { id: 'conn-1', type: 'referral', source: 'elem-b', target: 'elem-c', strength: 3, connectionType: 'Referral', direction: 'directed' },
      { id: 'conn-2', type: 'partnership', source: 'elem-d', target: 'elem-a', direction: 'directed' },
    ]);
    expect(result.warnings.map(problemLine)).toEqual(['kumu-small.json connections[2]: skipped: a tie from a program to an organization has no type of ours']);
    expect(map.positions).toEqual({ 'elem-a': { x: 10, y: -20 }, 'elem-b': { x: 100, y: 50 } });
  });

  it('skips a connection to a missing element with a warning naming it, and refuses a file that is not a blueprint', () => {
    const blueprint = JSON.parse(readFileSync(join(FIXTURES, 'kumu-small.json'), 'utf8'));
    blueprint.connections[0].to = 'elem-zz';
    const result = importKumu(text('k.json', JSON.stringify(blueprint)));
    expect(result.problems).toEqual([]);
    expect(result.map!.edges.map((e) => e.id)).toEqual(['conn-2']);
    expect(result.warnings.filter((w) => w.kind === 'dangling-reference').map(problemLine)).toEqual(['k.json connections[0].to: no element "elem-zz"; the connection is skipped']);
    expect(importKumu(text('k.json', '{"nodes": []}')).problems.map(problemLine)).toEqual(['k.json: is not a Kumu blueprint (no "elements" and "connections" lists)']);
  });
});

describe('hsds', () => {
  it('1.1 data package: organizations, services, status, languages, areas, eligibility, taxonomy, funders', () => {
    const result = importFiles(folder(join(FIXTURES, 'hsds11')));
    expect(result.format).toBe('hsds');
    expect(result.problems).toEqual([]);
    const map = result.map!;
    expect(map.nodes.map((n) => n.id).sort()).toEqual(['funder-city-of-harbor', 'funder-harbor-community-foundation', 'org-1', 'org-2', 'svc-1', 'svc-2', 'svc-3']);
    expect(byId(map.nodes, 'svc-1')).toEqual({
      id: 'svc-1', type: 'program', label: 'Home Visits', description: 'Nurse visits', application_process: 'Call us', organization: 'org-1', status: 'active',
      languages: ['en', 'es'], languageNames: ['English', 'Spanish'], areas: ['eastside'], lifeStages: ['prenatal-birth'], eligibility: ['pregnant women'],
      domains: ['health'], taxonomyTerms: ['Maternal Health'], services: ['maternal-health'],
    });
    expect(byId(map.nodes, 'org-1').year_incorporated).toBe(1990);
    expect(byId(map.nodes, 'svc-2')).toMatchObject({ status: 'closed', hsdsStatus: 'inactive' });
    expect(byId(map.nodes, 'svc-3')).toMatchObject({ status: 'paused', areas: ['eastside', 'old-town'], lifeStages: ['aging'], domains: ['food'], languageNames: ['Klingon'] });
    expect(byId(map.nodes, 'svc-3').languages).toBeUndefined();
    expect(byId(map.nodes, 'org-1')).toMatchObject({ sector: 'nonprofit', description: 'Home visits\nand parenting classes' });
    expect(map.meta.areas).toEqual([{ id: 'eastside', label: 'Eastside' }, { id: 'old-town', label: 'Old Town' }]);
    expect(map.edges.map((e) => `${e.type} ${e.source} ${e.target}`)).toEqual([
      'funding funder-harbor-community-foundation svc-1',
      'funding funder-harbor-community-foundation org-2',
      'funding funder-city-of-harbor org-2',
    ]);
    expect(result.warnings.map(problemLine)).toEqual(['languages: no language code known for "Klingon"; kept in languageNames']);
    expect(result.warnings.every((w) => w.kind)).toBe(true);
  });

  it('3.0 CSV package, zipped: ages become life stages, taxonomy terms via attributes become domains', () => {
    const entries = Object.fromEntries(folder(join(FIXTURES, 'hsds3-csv')).map((f) => [`pkg/${f.name}`, new Uint8Array(f.bytes)]));
    const result = importFiles([{ name: 'north.zip', bytes: zipSync(entries) }]);
    expect(result.problems).toEqual([]);
    const map = result.map!;
    expect(byId(map.nodes, 's1')).toMatchObject({ organization: 'o1', languages: ['ur'], areas: ['northside'], lifeStages: ['k12', 'postsecondary', 'workforce'], domains: ['health'] });
    expect(byId(map.nodes, 's2')).toMatchObject({ status: 'closed', lifeStages: ['aging'] });
    expect(byId(map.nodes, 'o1')).toMatchObject({ url: 'http://north.example' });
    expect(map.edges).toEqual([{ id: 'funder-northside-trust--s2', type: 'funding', source: 'funder-northside-trust', target: 's2' }]);
  });

  it('3.0 nested JSON: a service with its organization; one funder node for both funding records', () => {
    const result = importFiles([fixture('hsds3-service.json')]);
    expect(result.format).toBe('hsds');
    const map = result.map!;
    expect(byId(map.nodes, 'svc-x')).toMatchObject({ organization: 'org-x', languages: ['vi'], domains: ['food'], lifeStages: ['early-childhood', 'k12', 'postsecondary', 'workforce', 'aging'] });
    expect(map.edges.map((e) => e.target).sort()).toEqual(['org-x', 'svc-x']);
    expect(new Set(map.edges.map((e) => e.source))).toEqual(new Set(['funder-riverside-council']));
  });

  it('age ranges that only touch a stage at its edge do not count', () => {
    expect(stagesForAges(18, 64)).toEqual(['postsecondary', 'workforce']);
    expect(stagesForAges(0, 5)).toEqual(['early-childhood']);
    expect(stagesForAges(0, 0)).toEqual(['prenatal-birth', 'early-childhood']);
  });

  it('namespaces a duplicate organization id, naming both rows (rows as a spreadsheet counts them: a multi-line cell is one row)', () => {
    const files = folder(join(FIXTURES, 'hsds11')).map((f) => (f.name === 'organizations.csv' ? text(f.name, new TextDecoder().decode(f.bytes).replace('org-2,Eastside', 'org-1,Eastside')) : f));
    const result = importFiles(files);
    expect(result.problems).toEqual([]);
    expect(result.warnings.filter((w) => w.kind === 'id-namespaced').map(problemLine)).toEqual(['organizations.csv row 3, column "id": "org-1" is also organizations.csv row 2; imported as "organization-org-1"']);
    expect(byId(result.map!.nodes, 'organization-org-1')).toMatchObject({ label: 'Eastside Seniors', hsdsId: 'org-1' });
  });

  it('ids unique per table: organization 136 and service 136 both import, the service namespaced, its funding and links following', () => {
    const swap = (name: string, from: string, to: string) => (f: { name: string; bytes: Uint8Array }) => (f.name === name ? text(f.name, new TextDecoder().decode(f.bytes).replaceAll(from, to)) : f);
    const files = folder(join(FIXTURES, 'hsds11')).map(swap('organizations.csv', 'org-2', '136')).map(swap('services.csv', 'org-2', '136')).map(swap('services.csv', 'svc-3', '136'))
      .map(swap('funding.csv', 'org-2', '136')).map(swap('languages.csv', 'svc-3', '136')).map(swap('service_areas.csv', 'svc-3', '136'));
    const result = importFiles(files);
    expect(result.problems).toEqual([]);
    const map = result.map!;
    expect(byId(map.nodes, '136')).toMatchObject({ type: 'organization', label: 'Eastside Seniors' });
    expect(byId(map.nodes, 'service-136')).toMatchObject({ type: 'program', label: 'Meals on Wheels', organization: '136', hsdsId: '136', areas: ['eastside', 'old-town'] });
    expect(result.warnings.filter((w) => w.kind === 'id-namespaced').map(problemLine)).toEqual(['services.csv row 4, column "id": "136" is also organizations.csv row 3; imported as "service-136"']);
  });

  it('a service naming a missing organization imports without it (warning with file and row); nothing else is rejected', () => {
    const files = folder(join(FIXTURES, 'hsds11')).map((f) => (f.name === 'services.csv' ? text(f.name, new TextDecoder().decode(f.bytes).replace('svc-2,org-1', 'svc-2,org-9')) : f));
    const result = importFiles(files);
    expect(result.problems).toEqual([]);
    expect(result.map!.nodes.filter((n) => n.type === 'program').length).toBe(3);
    expect(byId(result.map!.nodes, 'svc-2')).toMatchObject({ hsdsOrganizationId: 'org-9' });
    expect(byId(result.map!.nodes, 'svc-2').organization).toBeUndefined();
    expect(result.warnings.filter((w) => w.kind === 'dangling-reference').map(problemLine)).toEqual(['services.csv row 3, column "organization_id": no organization "org-9"; the service is imported without its organization']);
  });

  it('refuses a zip of the wrong thing and a file that is not a zip', () => {
    const wrong = importFiles([{ name: 'photos.zip', bytes: zipSync({ 'a.png': new Uint8Array([1, 2, 3]) }) }]);
    expect(wrong.problems.map(problemLine)).toEqual(['photos.zip: holds no CSV or JSON files to import (it holds: a.png)']);
    const notZip = importFiles([text('bad.zip', 'not a zip at all')]);
    expect(notZip.problems[0].path).toBe('bad.zip');
  });
});

describe.skipIf(!existsSync(SHARED))('the real files under ../shared/data', () => {
  const counts = (nodes: MapNode[]) => ({
    organizations: nodes.filter((n) => n.type === 'organization' && !n.hsdsFunder).length,
    programs: nodes.filter((n) => n.type === 'program').length,
  });

  it.each([
    ['omidyar-us-financial-inclusion.json', 230, 232],
    ['changelabs-template.json', 10, 11],
    ['snap-to-tutorial.json', 51, 113],
  ])('kumu %s: %i elements, %i connections', (name, elements, connections) => {
    const result = importFiles([{ name, bytes: readFileSync(join(SHARED, 'kumu', name)) }]);
    expect(result.problems).toEqual([]);
    expect(result.map!.nodes.length).toBe(elements);
    expect(result.map!.edges.length).toBe(connections);
  });

  it('HSDS 1.1 sample: every organization and service record', () => {
    // The README says 14 organizations and 17 services; those are the files' line counts. The CSVs
    // hold 10 organization and 13 service records (quoted cells span lines; Python's csv agrees).
    const result = importFiles(folder(join(SHARED, 'hsds/v1.1-sample')));
    expect(result.problems).toEqual([]);
    expect(counts(result.map!.nodes)).toEqual({ organizations: 10, programs: 13 });
  });

  it('HSDS 3.0 examples: the CSV package and each nested JSON give one organization and one service', () => {
    const csv = importFiles(folder(join(SHARED, 'hsds/v3.0-examples/csv')));
    expect(csv.problems).toEqual([]);
    expect(counts(csv.map!.nodes)).toEqual({ organizations: 1, programs: 1 });
    for (const name of ['service_full.json', 'organization_full.json']) {
      const nested = importFiles([{ name, bytes: readFileSync(join(SHARED, 'hsds/v3.0-examples', name)) }]);
      expect(nested.problems).toEqual([]);
      expect(counts(nested.map!.nodes)).toEqual({ organizations: 1, programs: 1 });
    }
  });
});
