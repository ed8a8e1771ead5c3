// The demo map is what every first start opens: it must be valid, rich, current with its tables,
// and hold the problems real ecosystems have (each checked here by the SPEC's own definition).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.ts';
import { COLLABORATION_LEVELS, DEFAULT_LIFE_STAGES, REFERRAL_STATUSES, SECTORS } from '../../src/model/constants.ts';
import { isOpenProgram as isOpen, isUsableReferral as usable, lifeStageIds, servesArea, servesPopulation, servesStage } from '../../src/model/rules.ts';
import type { MapEdge, PathwaysMap, ProgramNode, ReferralEdge } from '../../src/model/types.ts';
import { validateMap } from '../../src/model/validate.ts';
import { buildDemoMap, DEMO_PATH } from '../support/demo/build-demo.ts';

const demo: PathwaysMap = JSON.parse(readFileSync(DEMO_PATH, 'utf8'));
const programs = demo.nodes.filter((n): n is ProgramNode => n.type === 'program');
const organizations = demo.nodes.filter((n) => n.type === 'organization');
const referrals = demo.edges.filter((e): e is ReferralEdge => e.type === 'referral');
const serves = (p: ProgramNode, stage: string, area: string) => servesStage(p, stage) && servesArea(p, area);
const byId = new Map(programs.map((p) => [p.id, p]));

describe('the demo map', () => {
  it('is valid and is the current output of its generator', () => {
    expect(validateMap(demo).problems).toEqual([]);
    expect(demo).toEqual(buildDemoMap());
  });

  it('is a whole county: sectors, a backbone, programs at every stage, areas, populations', () => {
    expect(organizations.length).toBeGreaterThanOrEqual(25);
    expect(new Set(organizations.map((o) => o.sector))).toEqual(new Set(SECTORS));
    expect(organizations.filter((o) => o.backbone)).toHaveLength(1);
    expect(programs.length).toBeGreaterThanOrEqual(80);
    for (const stage of DEFAULT_LIFE_STAGES) expect(programs.some((p) => p.lifeStages?.includes(stage)), stage).toBe(true);
    expect(demo.meta.areas).toHaveLength(3);
    expect(demo.meta.populations!.length).toBeGreaterThanOrEqual(2);
    expect(demo.meta.populations!.every((p) => p.languages?.length)).toBe(true);
    expect(demo.views.length).toBeGreaterThanOrEqual(3);
  });

  it('has at least 120 ties of every kind and status', () => {
    expect(demo.edges.length).toBeGreaterThanOrEqual(120);
    const kinds = new Set(demo.edges.map((e: MapEdge) => e.type));
    expect(kinds).toEqual(new Set(['referral', 'partnership', 'funding', 'data-sharing']));
    expect(new Set(referrals.map((r) => r.status))).toEqual(new Set(REFERRAL_STATUSES));
    const levels = new Set(demo.edges.flatMap((e) => (e.type === 'partnership' ? [e.level] : [])));
    expect(levels).toEqual(new Set(COLLABORATION_LEVELS));
  });

  it('plants a coverage gap: no open early-childhood program serves the South Side', () => {
    expect(programs.filter((p) => isOpen(p) && serves(p, 'early-childhood', 'south-side'))).toEqual([]);
    expect(programs.filter((p) => isOpen(p) && serves(p, 'early-childhood', 'downtown')).length).toBeGreaterThan(3);
  });

  it('plants a transition gap: no usable referral from postsecondary to workforce in the South Side', () => {
    const crossing = referrals.filter((r) => {
      const [s, t] = [byId.get(r.source)!, byId.get(r.target)!];
      return usable(r) && serves(s, 'postsecondary', 'south-side') && serves(t, 'workforce', 'south-side');
    });
    expect(crossing).toEqual([]);
  });

  it('plants a language gap: no open K–12 program serving Downtown is open to Vietnamese speakers', () => {
    const vietnamese = demo.meta.populations!.find((p) => p.id === 'vietnamese-speaking')!;
    expect(programs.filter((p) => isOpen(p) && serves(p, 'k12', 'downtown') && servesPopulation(p, vietnamese))).toEqual([]);
  });

  it('plants duplicated services: two organizations run the same homework program Downtown', () => {
    const [a, b] = [byId.get('ymca-homework')!, byId.get('bgc-power-hour')!];
    expect(a.organization).not.toBe(b.organization);
    expect([a.lifeStages, a.services, a.areas, a.populations]).toEqual([b.lifeStages, b.services, b.areas, b.populations]);
  });

  it('reports as redundant only the programs that really do the same thing for the same people', () => {
    expect(programs.every((p) => p.services?.length)).toBe(true);
    // Named, not computed: the homework clubs (identical) and Head Start beside Universal Pre-K.
    expect(analyze(demo).redundancies.map((r) => r.programs)).toEqual([
      ['bgc-power-hour', 'ymca-homework'],
      ['head-start-pre', 'pre-k'],
    ]);
    // Alike on domains alone (economic security, workforce, every area), unlike in what they do.
    const [screener, jobs] = [byId.get('benefits-bank')!, byId.get('job-center')!];
    expect(screener.domains).toEqual(jobs.domains);
    expect(screener.services!.filter((s) => jobs.services!.includes(s))).toEqual([]);
  });

  it('plants a closed program still receiving an active referral, and broken referrals', () => {
    const closed = programs.filter((p) => p.status === 'closed').map((p) => p.id);
    expect(referrals.some((r) => r.status === 'active' && closed.includes(r.target))).toBe(true);
    expect(referrals.filter((r) => r.status === 'broken').length).toBeGreaterThanOrEqual(2);
  });

  it('plants dead ends and an unreachable program', () => {
    const last = lifeStageIds(demo.meta).at(-1)!;
    const deadEnds = programs.filter((p) => isOpen(p) && !p.lifeStages?.includes(last) && !referrals.some((r) => r.source === p.id && usable(r)));
    expect(deadEnds.map((p) => p.id)).toContain('teen-parents');
    // Reachability from entry points through usable referrals.
    const reached = new Set(programs.filter((p) => p.entryPoint).map((p) => p.id));
    for (let grew = true; grew; ) {
      grew = false;
      for (const r of referrals) {
        if (usable(r) && reached.has(r.source) && !reached.has(r.target)) {
          reached.add(r.target);
          grew = true;
        }
      }
    }
    expect(programs.filter((p) => isOpen(p) && !reached.has(p.id)).map((p) => p.id)).toEqual(['digital-seniors']);
  });

  it('has a program over capacity and a weak informal hand-off on the Spanish-speaking path', () => {
    expect(programs.some((p) => (p.served ?? 0) > (p.capacity ?? Infinity))).toBe(true);
    const promotoras = referrals.find((r) => r.source === 'promotoras' && r.target === 'prenatal-clinic')!;
    expect(promotoras.status).toBe('informal');
    expect(promotoras.handoffRate).toBeLessThan(0.5);
  });
});
