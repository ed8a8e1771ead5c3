// Builds public/examples/harbor-county.json, the demo map every first start opens, from the readable
// tables beside this file: `npx tsx test/support/demo/build-demo.ts`. The JSON is committed; the test
// test/unit/demo-map.test.ts checks it is current and that its planted problems are there.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MapEdge, MapNode, PathwaysMap, ProgramNode } from '../../../src/model/types.ts';
import { ORGANIZATIONS } from './organizations.ts';
import { PROGRAMS } from './programs.ts';
import { SERVICES } from './services.ts';
import { DATA_SHARING, FUNDING, PARTNERSHIPS, REFERRALS } from './ties.ts';

const STAGES: Record<string, string> = { pb: 'prenatal-birth', ec: 'early-childhood', k12: 'k12', ps: 'postsecondary', wf: 'workforce', ag: 'aging' };
const AREAS: Record<string, string> = { N: 'north-shore', D: 'downtown', S: 'south-side' };
const words = (text: string) => text.split(' ').filter(Boolean);

export function buildDemoMap(): PathwaysMap {
  const nodes: MapNode[] = ORGANIZATIONS.map(([id, label, sector, description]) => ({
    id,
    type: 'organization',
    label,
    sector,
    description,
    ...(id === 'harbor-thrives' ? { backbone: true } : {}),
    url: `https://${id}.example.org`,
  }));
  for (const [id, organization, label, stages, domains, areas, populations, languages, capacity, served, status, entry, cost, description] of PROGRAMS) {
    const program: ProgramNode = {
      id,
      type: 'program',
      label,
      organization,
      description,
      lifeStages: words(stages).map((s) => STAGES[s]),
      domains: words(domains) as ProgramNode['domains'],
      services: words(SERVICES[id] ?? ''),
      areas: words(areas).map((a) => AREAS[a]),
      populations: words(populations),
      capacity,
      served,
      status: status as ProgramNode['status'],
      cost: cost as ProgramNode['cost'],
    };
    if (languages) program.languages = words(languages);
    if (entry) program.entryPoint = true;
    nodes.push(program);
  }
  const edges: MapEdge[] = [];
  REFERRALS.forEach(([source, target, status, volume, handoffRate, closedLoop], i) =>
    edges.push({ id: `ref-${i + 1}`, type: 'referral', source, target, status, volume, ...(handoffRate !== undefined ? { handoffRate } : {}), ...(closedLoop ? { closedLoop } : {}) }),
  );
  PARTNERSHIPS.forEach(([source, target, level], i) => edges.push({ id: `part-${i + 1}`, type: 'partnership', source, target, level }));
  FUNDING.forEach(([source, target, amount], i) => edges.push({ id: `fund-${i + 1}`, type: 'funding', source, target, amount, period: '2026' }));
  DATA_SHARING.forEach(([source, target], i) => edges.push({ id: `data-${i + 1}`, type: 'data-sharing', source, target }));

  const map: PathwaysMap = {
    format: 'pathways-map',
    version: 1,
    meta: {
      title: 'Harbor County Cradle-to-Career',
      commonPurpose: 'Every child and family in Harbor County thrives, from a healthy birth to a good job and a secure old age.',
      lifeStages: [
        { id: 'prenatal-birth', label: 'Prenatal & birth' },
        { id: 'early-childhood', label: 'Early childhood' },
        { id: 'k12', label: 'K–12' },
        { id: 'postsecondary', label: 'Postsecondary' },
        { id: 'workforce', label: 'Workforce' },
        { id: 'aging', label: 'Aging' },
      ],
      areas: [
        { id: 'north-shore', label: 'North Shore' },
        { id: 'downtown', label: 'Downtown' },
        { id: 'south-side', label: 'South Side' },
      ],
      populations: [
        { id: 'spanish-speaking', label: 'Spanish-speaking families', share: 0.28, languages: ['es'], barrier: 0.45 },
        { id: 'vietnamese-speaking', label: 'Vietnamese-speaking families', share: 0.08, languages: ['vi'], barrier: 0.5 },
      ],
      outcomes: [
        { id: 'kindergarten-ready', measure: 'Kindergarten readiness', stage: 'early-childhood', baseline: 0.46, target: 0.7, actual: 0.51, byPopulation: { 'spanish-speaking': 0.38, 'vietnamese-speaking': 0.44 } },
        { id: 'third-grade-reading', measure: 'Reading at grade level in 3rd grade', stage: 'k12', baseline: 0.52, target: 0.75, actual: 0.55, byPopulation: { 'spanish-speaking': 0.41 } },
        { id: 'hs-graduation', measure: 'On-time high-school graduation', stage: 'k12', baseline: 0.81, target: 0.92, actual: 0.84 },
        { id: 'credential', measure: 'Postsecondary credential by 25', stage: 'postsecondary', baseline: 0.34, target: 0.55, actual: 0.37, byPopulation: { 'spanish-speaking': 0.22 } },
        { id: 'employed-25', measure: 'Employed at a living wage at 25', stage: 'workforce', baseline: 0.48, target: 0.65, actual: 0.5 },
      ],
    },
    nodes,
    edges,
    views: [
      { id: 'view-stages', label: 'Who serves each life stage', caption: 'Every program in its life-stage lane, rows by area. Look down the Early childhood column: the South Side row is empty.', layout: 'lanes', colorBy: 'lifeStage', filter: { nodeTypes: ['program'] } },
      { id: 'view-fall-through', label: 'Where families fall through', caption: 'Broken and one-way referrals, dead ends, and a closed child-care center that still receives referrals.', layout: 'lanes', colorBy: 'status', filter: { problemsOnly: true } },
      { id: 'view-kindergarten', label: 'From early childhood to kindergarten', caption: 'Programs for young children and the schools they move into, and the referrals between them. Few roads lead from preschool into K–12, and none on the South Side.', layout: 'lanes', colorBy: 'status', filter: { lifeStages: ['early-childhood', 'k12'], nodeTypes: ['program'], edgeTypes: ['referral'] } },
      { id: 'view-brokers', label: 'Brokers and silos', caption: 'The network of organizations: who connects the communities, and who is a single point of failure. The larger the node, the more paths run through it.', layout: 'concentric', colorBy: 'community', sizeBy: 'betweenness', filter: { nodeTypes: ['organization'] } },
      { id: 'view-spanish', label: 'Spanish-speaking families’ path', caption: 'Programs that serve Spanish-speaking families, from the promotoras to the job center.', layout: 'lanes', colorBy: 'lifeStage', filter: { populations: ['spanish-speaking'] } },
    ],
    // No stored positions: the studio opens in life-stage lanes, and the first network view lays it out.
    positions: {},
  };
  return map;
}

export const DEMO_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'public', 'examples', 'harbor-county.json');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(DEMO_PATH, JSON.stringify(buildDemoMap(), null, 2) + '\n');
  console.log(`wrote ${DEMO_PATH}`);
}
