// A 5,000-service HSDS 1.1 directory shaped like a 211 export imports whole: its counts, namespaced
// ids and dangling organizations are counted here from the generated rows, not by the importer.
import { describe, expect, it } from 'vitest';
import { slug } from '../../../src/formats/common.ts';
import { importFiles } from '../../../src/formats/index.ts';
import { hsdsDirectory, zipped } from '../../fixtures/hsds-directory.ts';

describe('a 5,000-service 211-shaped HSDS directory', () => {
  const directory = hsdsDirectory(5000);
  const orgIds = new Set(directory.organizations.map((o) => o.id));
  const clashing = directory.services.filter((s) => orgIds.has(s.id));
  const dangling = directory.services.filter((s) => !orgIds.has(s.organizationId));
  const folderResult = importFiles(directory.files);

  it('is shaped like the real one: ids overlap across tables and ~9% of services name missing organizations', () => {
    expect(clashing.length).toBeGreaterThan(1000);
    expect(dangling.length / directory.services.length).toBeGreaterThan(0.07);
    expect(dangling.length / directory.services.length).toBeLessThan(0.11);
  });

  it('imports every organization and service, namespacing the clashing ids, one warning each', () => {
    expect(folderResult.format).toBe('hsds');
    expect(folderResult.problems).toEqual([]);
    const map = folderResult.map!;
    const organizations = map.nodes.filter((n) => n.type === 'organization' && !n.hsdsFunder);
    const programs = map.nodes.filter((n) => n.type === 'program');
    expect(organizations.length).toBe(directory.organizations.length);
    expect(programs.length).toBe(directory.services.length);
    const namespaced = folderResult.warnings.filter((w) => w.kind === 'id-namespaced');
    expect(namespaced.length).toBe(clashing.length);
    expect(namespaced[0].path).toMatch(/^services\.csv row \d+, column "id"$/);
    const s136 = directory.services.find((s) => s.id === '136')!;
    expect(map.nodes.find((n) => n.id === '136')).toMatchObject({ type: 'organization', label: directory.organizations[135].name });
    expect(map.nodes.find((n) => n.id === 'service-136')).toMatchObject({ type: 'program', label: s136.name, hsdsId: '136', services: s136.terms.map(slug) });
  });

  it('services naming missing organizations import without one, each a warning with its row', () => {
    const map = folderResult.map!;
    const warned = folderResult.warnings.filter((w) => w.kind === 'dangling-reference' && w.path.includes('organization_id'));
    expect(warned.length).toBe(dangling.length);
    const withoutOrg = map.nodes.filter((n) => n.type === 'program' && !n.organization);
    expect(withoutOrg.length).toBe(dangling.length);
    const row = directory.services.indexOf(dangling[0]) + 2;
    expect(warned[0].path).toBe(`services.csv row ${row}, column "organization_id"`);
  });

  it('funders and funding ties as the rows give them; year_incorporated a number', () => {
    const map = folderResult.map!;
    expect(map.nodes.filter((n) => n.hsdsFunder).length).toBe(new Set(directory.funding.map((f) => f.source)).size);
    expect(map.edges.length).toBe(new Set(directory.funding.map((f) => `${f.source}>${f.serviceId}`)).size);
    expect(map.nodes.find((n) => n.id === '1')).toMatchObject({ year_incorporated: directory.organizations[0].year });
  });

  it('the same directory as a zip gives the same map', () => {
    const fromZip = importFiles([zipped(directory)]);
    expect(fromZip.problems).toEqual([]);
    expect({ ...fromZip.map!, meta: {} }).toEqual({ ...folderResult.map!, meta: {} });
  }, 60_000);
});
