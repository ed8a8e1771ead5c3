// Synthetic maps of any size for benchmarks and load tests: realistic proportions
// (one organization per five programs, ~4 edges per program, mostly referrals between
// neighbouring life stages), seeded so every run measures the same map.
import { COLLABORATION_LEVELS, DEFAULT_LIFE_STAGES, DOMAINS, SECTORS, defaultLifeStages } from './constants.ts';
import { seededRandom } from './random.ts';
import type { Domain, MapEdge, MapNode, PathwaysMap, ProgramNode } from './types.ts';

/** A few 211-style service terms per domain: programs drawing the same ones are candidates for redundancy. */
const SERVICE_TERMS: Record<Domain, string[]> = {
  health: ['primary-care', 'dental-exams', 'counseling', 'health-screening', 'home-visiting', 'health-insurance-enrollment'],
  education: ['tutoring', 'homework-help', 'preschool', 'esl-classes', 'college-applications', 'ged-preparation'],
  'economic-security': ['job-search-assistance', 'tax-preparation', 'financial-coaching', 'benefits-screening', 'training-vouchers', 'apprenticeship'],
  housing: ['rent-assistance', 'housing-vouchers', 'eviction-defense', 'rapid-rehousing', 'home-repair'],
  food: ['food-pantry', 'home-delivered-meals', 'snap-application-assistance', 'congregate-meals', 'school-meals'],
  'family-support': ['parenting-education', 'case-management', 'peer-support', 'child-care-referrals', 'respite-care'],
  legal: ['immigration-legal-services', 'tenant-legal-services', 'wills-and-estates', 'expungement'],
  transportation: ['reduced-fare-transit', 'paratransit', 'employment-transportation'],
  other: ['information-and-referral', 'digital-literacy-classes', 'recreation'],
};
const QUALIFIERS = ['', '-youth', '-adults', '-families', '-seniors'];

export function syntheticMap(programCount: number, seed = 1, edgesPerProgram = 4): PathwaysMap {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const stages = [...DEFAULT_LIFE_STAGES];
  const areas = ['north', 'central', 'south'];
  const orgCount = Math.max(1, Math.round(programCount / 5));
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  for (let i = 0; i < orgCount; i++) {
    nodes.push({ id: `O${i}`, type: 'organization', label: `Organization ${i}`, sector: pick(SECTORS), backbone: i === 0 });
  }
  const byStage = new Map<number, string[]>(stages.map((_, i) => [i, []]));
  // Services draw from their own stream, so adding them left every other field of the map as it was.
  const serviceRandom = seededRandom(seed + 7919);
  const servicesFor = (domain: Domain): string[] => {
    const terms = SERVICE_TERMS[domain].flatMap((term) => QUALIFIERS.map((q) => term + q));
    const count = 3 + Math.floor(serviceRandom() * 2);
    return [...new Set(Array.from({ length: count }, () => terms[Math.floor(serviceRandom() * terms.length)]))];
  };
  for (let i = 0; i < programCount; i++) {
    const stage = Math.floor(random() * stages.length);
    const program: ProgramNode = {
      id: `P${i}`,
      type: 'program',
      label: `Program ${i}`,
      organization: `O${i % orgCount}`,
      lifeStages: [stages[stage]],
      domains: [pick(DOMAINS)],
      areas: random() < 0.3 ? [] : [pick(areas)],
      populations: [],
      languages: random() < 0.2 ? ['es'] : ['en'],
      capacity: 50 + Math.floor(random() * 500),
      status: random() < 0.05 ? 'closed' : random() < 0.1 ? 'waitlist' : 'active',
      entryPoint: stage === 0 || random() < 0.1,
    };
    program.services = servicesFor(program.domains![0]);
    nodes.push(program);
    byStage.get(stage)!.push(program.id);
  }
  const edgeTarget = programCount * edgesPerProgram;
  let e = 0;
  // 70% referrals, mostly forward one stage, some within stage (which creates cycles).
  while (e < edgeTarget * 0.7) {
    const fromStage = Math.floor(random() * (stages.length - 1));
    const toStage = random() < 0.8 ? fromStage + 1 : fromStage;
    const from = byStage.get(fromStage)!;
    const to = byStage.get(toStage)!;
    if (!from.length || !to.length) { e++; continue; }
    const source = pick(from);
    const target = pick(to);
    if (source === target) continue;
    const roll = random();
    edges.push({
      id: `E${e++}`,
      type: 'referral',
      source,
      target,
      status: roll < 0.6 ? 'active' : roll < 0.85 ? 'informal' : roll < 0.95 ? 'broken' : 'proposed',
      volume: 1 + Math.floor(random() * 100),
    });
  }
  while (e < edgeTarget * 0.9) {
    const a = `O${Math.floor(random() * orgCount)}`;
    const b = `O${Math.floor(random() * orgCount)}`;
    if (a === b && orgCount > 1) continue;
    edges.push({ id: `E${e++}`, type: 'partnership', source: a, target: b, level: pick(COLLABORATION_LEVELS) });
  }
  while (e < edgeTarget) {
    edges.push({
      id: `E${e++}`,
      type: 'funding',
      source: `O${Math.floor(random() * orgCount)}`,
      target: `P${Math.floor(random() * programCount)}`,
      amount: 10_000 + Math.floor(random() * 500_000),
    });
  }
  return {
    format: 'pathways-map',
    version: 1,
    meta: {
      title: `Synthetic ecosystem (${programCount} programs)`,
      // Named as a real map names them: the pictures and benchmarks show what people would read.
      lifeStages: defaultLifeStages(),
      areas: areas.map((id) => ({ id, label: id[0].toUpperCase() + id.slice(1) })),
      populations: [
        { id: 'spanish-speaking', label: 'Spanish-speaking families', share: 0.3, languages: ['es'], barrier: 0.4 },
      ],
    },
    nodes,
    edges,
    views: [],
    positions: {},
  };
}
