// Saved views: which elements a filter shows, the colour and size each node gets, and a legend that
// names exactly what is drawn. Expected values are worked out by hand from the tiny maps below.
import { describe, expect, it } from 'vitest';
import type { AnalysisReport } from '../../../src/analysis/types.ts';
import { SECTOR_COLORS } from '../../../src/views/palette.ts';
import { communityColor } from '../../../src/views/analysis-overlays.ts';
import type { PathwaysMap } from '../../../src/model/types.ts';
import { validateViewEntry } from '../../../src/model/validate.ts';
import { visibleElements } from '../../../src/views/filter.ts';
import { METRIC_RAMP, presentView, sizeFor, STATUS_COLORS } from '../../../src/views/present.ts';
import { mapOf, org, program, referral } from '../../fixtures/maps.ts';

function county(): PathwaysMap {
  return mapOf(
    [
      org('clinic', 'public'),
      org('casa', 'community'),
      program('prenatal', { organization: 'clinic', lifeStages: ['prenatal-birth'], areas: ['north'], languages: ['en'] }),
      program('promotoras', { organization: 'casa', lifeStages: ['prenatal-birth'], areas: ['south'], populations: ['es'], languages: ['es'] }),
      program('preschool', { organization: 'casa', lifeStages: ['early-childhood'], status: 'closed' }),
    ],
    [
      { ...referral('promotoras', 'prenatal'), id: 'r1' },
      { ...referral('prenatal', 'preschool', { status: 'broken' }), id: 'r2' },
      { id: 'p1', type: 'partnership', source: 'clinic', target: 'casa' },
    ],
    { populations: [{ id: 'es', label: 'Spanish-speaking', languages: ['es'] }] },
  );
}

function report(fields: Partial<AnalysisReport['structure']> = {}, brokenPathways: AnalysisReport['brokenPathways'] = []): AnalysisReport {
  return {
    gaps: [],
    brokenPathways,
    redundancies: [],
    structure: { betweenness: {}, degree: {}, pagerank: {}, articulationPoints: [], bridges: [], communities: {}, modularity: 0, density: 0, crossSectorShare: 0, levels: {}, ...fields },
  };
}

const sorted = (set: Set<string>) => [...set].sort();

describe('view filters', () => {
  it('shows everything with no filter', () => {
    expect(sorted(visibleElements(county(), null))).toEqual(['casa', 'clinic', 'p1', 'prenatal', 'preschool', 'promotoras', 'r1', 'r2']);
  });

  it('by node type keeps only edges whose two ends are shown', () => {
    expect(sorted(visibleElements(county(), null, { nodeTypes: ['organization'] }))).toEqual(['casa', 'clinic', 'p1']);
  });

  it('by life stage keeps matching programs and the organizations that run them', () => {
    expect(sorted(visibleElements(county(), null, { lifeStages: ['prenatal-birth'] }))).toEqual(['casa', 'clinic', 'p1', 'prenatal', 'promotoras', 'r1']);
  });

  it('by area treats a program with no areas as serving every area', () => {
    expect(sorted(visibleElements(county(), null, { areas: ['south'], nodeTypes: ['program'] }))).toEqual(['preschool', 'promotoras']);
  });

  it('by population needs eligibility and a shared language', () => {
    // prenatal speaks only English; preschool states no language and no eligibility list.
    expect(sorted(visibleElements(county(), null, { populations: ['es'], nodeTypes: ['program'] }))).toEqual(['preschool', 'promotoras']);
  });

  it('by sector shows programs of organizations in that sector', () => {
    expect(sorted(visibleElements(county(), null, { sectors: ['public'] }))).toEqual(['clinic', 'prenatal']);
  });

  it('by status and by edge type', () => {
    expect(sorted(visibleElements(county(), null, { statuses: ['active'], edgeTypes: ['partnership'] }))).toEqual(['casa', 'clinic', 'p1', 'prenatal', 'promotoras']);
  });

  it('problems only: flagged referrals with their two ends, and flagged programs', () => {
    const r = report({}, [{ kind: 'broken-referral', edge: 'r2' }, { kind: 'dead-end', node: 'promotoras' }]);
    expect(sorted(visibleElements(county(), r, { problemsOnly: true }))).toEqual(['prenatal', 'preschool', 'promotoras', 'r2']);
  });

  it('by community once the analysis has found them; before that the filter waits', () => {
    const r = report({ communities: { clinic: 0, prenatal: 0, casa: 1, promotoras: 1, preschool: 1 } });
    expect(sorted(visibleElements(county(), r, { communities: [0] }))).toEqual(['clinic', 'prenatal']);
    expect(visibleElements(county(), null, { communities: [0] }).size).toBe(8);
  });
});

describe('view colour, size and legend', () => {
  it('colour by sector gives programs their organization’s colour, and the legend lists only used sectors', () => {
    const p = presentView(county(), null, { id: 'v', label: 'v', colorBy: 'sector' });
    expect(p.colors.get('prenatal')).toBe(SECTOR_COLORS.public);
    expect(p.colors.get('promotoras')).toBe(SECTOR_COLORS.community);
    expect(p.legend).toHaveLength(1);
    expect(p.legend[0].items.map((i) => i.label)).toEqual(['Public agency', 'Community group']);
  });

  it('a problems-only view marks the flagged referral and program, not the referral’s healthy end', () => {
    const r = report({}, [{ kind: 'broken-referral', edge: 'r2' }, { kind: 'dead-end', node: 'promotoras' }]);
    const p = presentView(county(), r, { id: 'v', label: 'v', filter: { problemsOnly: true } });
    expect([...p.highlighted].sort()).toEqual(['promotoras', 'r2']);
    expect(presentView(county(), r, { id: 'v', label: 'v' }).highlighted.size).toBe(0);
  });

  it('colour by status uses one colour per status and names only those shown', () => {
    const p = presentView(county(), null, { id: 'v', label: 'v', colorBy: 'status', filter: { nodeTypes: ['program'] } });
    expect(p.colors.get('preschool')).toBe(STATUS_COLORS.closed);
    expect(p.colors.get('prenatal')).toBe(STATUS_COLORS.active);
    expect(p.legend[0].items.map((i) => i.label)).toEqual(['Active', 'Closed']);
  });

  it('colour by community and size by betweenness follow the report', () => {
    const r = report({ communities: { clinic: 0, prenatal: 0, casa: 2, promotoras: 2, preschool: 2 }, betweenness: { clinic: 0.5, casa: 0.125, prenatal: 0 } });
    const p = presentView(county(), r, { id: 'v', label: 'v', colorBy: 'community', sizeBy: 'betweenness' });
    expect(p.colors.get('casa')).toBe(communityColor(2));
    expect(p.legend[0].items.map((i) => i.label)).toEqual(['Community 1', 'Community 3']);
    // Largest value gets 18 + 70; a quarter of it gets 18 + 70 × √¼ = 53; zero gets 18.
    expect(p.sizes.get('clinic')).toBe(88);
    expect(p.sizes.get('casa')).toBe(53);
    expect(p.sizes.get('prenatal')).toBe(18);
    expect(p.sizeNote).toContain('betweenness');
    expect(sizeFor(1, 0)).toBe(18);
  });

  it('colour by a metric runs low to high along the ramp', () => {
    const r = report({ degree: { clinic: 4, casa: 1, prenatal: 2 } });
    const p = presentView(county(), r, { id: 'v', label: 'v', colorBy: 'metric', colorMetric: 'degree' });
    expect(p.colors.get('clinic')).toBe(METRIC_RAMP[4]);
    expect(p.colors.get('casa')).toBe(METRIC_RAMP[1]);
    expect(p.colors.get('prenatal')).toBe(METRIC_RAMP[2]);
    expect(p.legend[0].ramp).toBe(true);
  });

  it('size by capacity only sizes nodes that state one, and hidden nodes get nothing', () => {
    const map = county();
    (map.nodes[2] as { capacity?: number }).capacity = 100;
    (map.nodes[3] as { capacity?: number }).capacity = 25;
    const p = presentView(map, null, { id: 'v', label: 'v', sizeBy: 'capacity', filter: { lifeStages: ['prenatal-birth'] } });
    expect([...p.sizes.entries()].sort()).toEqual([['prenatal', 88], ['promotoras', 53]]);
  });
});

describe('view validation', () => {
  it('accepts a full view', () => {
    const view = {
      id: 'v', label: 'Brokers', caption: 'Who connects', colorBy: 'community', sizeBy: 'betweenness', layout: 'concentric', layoutMetric: 'degree',
      filter: { nodeTypes: ['organization'], sectors: ['public'], communities: [0, 2], problemsOnly: false, statuses: ['active'] },
      viewport: { zoom: 1.2, pan: { x: 10, y: -4 } },
    };
    expect(validateViewEntry(view)).toEqual([]);
  });

  it('names each bad field by its path', () => {
    const problems = validateViewEntry({ id: 'v', label: 'v', colorBy: 'rainbow', layout: 'spiral', filter: { sectors: ['church'], problemsOnly: 'yes' }, viewport: { zoom: 0 } });
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    expect(byPath.colorBy).toBe('"rainbow" is not one of: sector, lifeStage, community, status, metric');
    expect(byPath.layout).toContain('"spiral" is not one of');
    expect(byPath['filter.sectors[0]']).toContain('"church" is not one of: nonprofit');
    expect(byPath['filter.problemsOnly']).toBe('must be a boolean, not "yes"');
    expect(byPath['viewport.pan']).toBe('is required');
    expect(byPath['viewport.zoom']).toBeDefined();
  });
});
