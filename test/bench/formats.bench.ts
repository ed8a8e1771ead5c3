// Import figures: a generated 5,000-service HSDS 1.1 directory shaped like a 211 export (issue 13:
// as a zip and as a folder's files; time, and peak RSS growth of one import in a fresh process; goal
// < 1 s), the older synthetic package, and a 20,000-row connections CSV. Heap growth; goal < 500 MB.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { zipSync, strToU8 } from 'fflate';
import { importFiles } from '../../src/formats/index.ts';
import type { InputFile } from '../../src/formats/common.ts';
import { measure } from './measure.ts';
import { hsdsDirectory, zipped } from '../fixtures/hsds-directory.ts';

function hsdsPackage(services: number): InputFile {
  const orgs = services / 5;
  const lines = (header: string, rows: string[]) => strToU8([header, ...rows].join('\n') + '\n');
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const langs = ['English', 'Spanish', 'Vietnamese', 'Somali'];
  const files = {
    'organizations.csv': lines('id,name,description,email,url,tax_status', range(orgs).map((i) => `org-${i},Organization ${i},"Serves the county, since ${1950 + (i % 70)}",o${i}@example.com,http://example.com/${i},nonprofit`)),
    'services.csv': lines('id,organization_id,name,description,status', range(services).map((i) => `svc-${i},org-${i % orgs},Service ${i},"Helps people, ${i}",${i % 17 === 0 ? 'inactive' : 'active'}`)),
    'languages.csv': lines('id,service_id,language', range(services * 2).map((i) => `l${i},svc-${i % services},${langs[i % langs.length]}`)),
    'service_areas.csv': lines('id,service_id,service_area', range(services).map((i) => `a${i},svc-${i},District ${i % 40}`)),
    'eligibility.csv': lines('id,service_id,eligibility', range(services).map((i) => `e${i},svc-${i},${['adult', 'seniors', 'youth', 'children'][i % 4]}`)),
    'taxonomy.csv': lines('id,name', ['t1,Mental Health', 't2,Food Pantry', 't3,Job Training', 't4,Housing Counseling']),
    'services_taxonomy.csv': lines('id,service_id,taxonomy_id', range(services).map((i) => `st${i},svc-${i},t${1 + (i % 4)}`)),
    'funding.csv': lines('id,organization_id,service_id,source', range(services / 2).map((i) => `f${i},org-${(i * 2) % orgs},svc-${i * 2},Foundation ${i % 25}`)),
  };
  return { name: 'directory.zip', bytes: zipSync(files) };
}

function connectionsCsv(rows: number, programs: number): InputFile[] {
  const elements = ['ID,Label,Type,Life Stages,Capacity'];
  for (let i = 0; i < programs; i++) elements.push(`P${i},Program ${i},program,k12|workforce,${i % 500}`);
  const connections = ['From,To,Type,Status,Volume'];
  for (let i = 0; i < rows; i++) connections.push(`Program ${i % programs},Program ${(i * 7 + 1) % programs},referral,${i % 3 ? 'active' : 'informal'},${i % 90}`);
  const enc = (t: string[]) => strToU8(t.join('\r\n') + '\r\n');
  return [{ name: 'elements.csv', bytes: enc(elements) }, { name: 'connections.csv', bytes: enc(connections) }];
}

// A real collector between readings, so the figures are the import's own (tsx runs without --expose-gc).
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

async function heapDelta(label: string, run: () => unknown): Promise<void> {
  gc();
  const before = process.memoryUsage().heapUsed;
  const result = run() as { map: { nodes: unknown[]; edges: unknown[] } | null };
  const right = process.memoryUsage().heapUsed;
  gc();
  const kept = process.memoryUsage().heapUsed;
  if (!result.map) throw new Error(`${label}: import failed`);
  const mb = (n: number) => `${n >= before ? '+' : '−'}${(Math.abs(n - before) / 1024 / 1024).toFixed(1)} MB`;
  console.log(`${label.padEnd(64)} heap ${mb(right)} right after, ${mb(kept)} kept (${result.map.nodes.length} nodes, ${result.map.edges.length} ties; goal < 500 MB)`);
}

/** Median CPU time (user + system) of `runs` imports: steadier than wall time on a shared, loaded machine. */
function cpuTime(label: string, run: () => unknown, runs = 5): void {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(64)} median ${times[Math.floor(runs / 2)].toFixed(1).padStart(9)} ms CPU`);
}

/** One import in a fresh process, so the kernel's peak RSS is that import's own. */
function peak(mode: 'zip' | 'folder'): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'hsds-peak.ts'), mode], { encoding: 'utf8' });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  try {
    const figures = JSON.parse(line) as { ms: number; peakMb: number; nodes: number };
    console.log(`${`  peak RSS growth, one cold import (${mode}, fresh process)`.padEnd(64)} +${figures.peakMb.toFixed(1)} MB in ${figures.ms.toFixed(0)} ms (${figures.nodes} nodes)`);
  } catch {
    console.log(`  peak (${mode}): could not measure (${run.stderr.trim().split('\n')[0] ?? 'no output'})`);
  }
}

export default async function () {
  const directory = hsdsDirectory(5000);
  const zip = zipped(directory);
  console.log(`211-shaped HSDS 1.1 directory: ${directory.services.length} services, ${directory.organizations.length} organizations, ${directory.files.length} tables, ${(zip.bytes.length / 1024).toFixed(0)} kB zipped`);
  await measure('import the 211-shaped directory as a zip (goal < 1 s)', () => importFiles([zip]), 5);
  cpuTime('  CPU time of one such import', () => importFiles([zip]));
  peak('zip');
  await heapDelta('  heap of one such import', () => importFiles([zip]));
  await measure('import the 211-shaped directory as a folder\'s files (goal < 1 s)', () => importFiles(directory.files), 5);
  cpuTime('  CPU time of one such import', () => importFiles(directory.files));
  peak('folder');
  await heapDelta('  heap of one such import', () => importFiles(directory.files));
  const hsds = hsdsPackage(5000);
  console.log(`generated HSDS package: ${(hsds.bytes.length / 1024).toFixed(0)} kB zipped`);
  await measure('import a 5,000-service HSDS package (zip, 1.1 tables) (goal < 2 s)', () => importFiles([hsds]), 3);
  await heapDelta('  memory of one such import', () => importFiles([hsds]));
  const csv = connectionsCsv(20000, 4000);
  await measure('import a 20,000-row connections CSV + 4,000 elements (goal < 2 s)', () => importFiles(csv), 3);
  await heapDelta('  memory of one such import', () => importFiles(csv));
}
