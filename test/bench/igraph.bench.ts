// Issue 14 item 5: the whole `analyze` process on 5,000 programs / 20,000 ties against python-igraph
// doing the structure metrics alone (test/bench/reference/igraph_analysis.py), run alternately on the
// same map. Wall time and CPU time (user + system, all threads) from /usr/bin/time; medians of 3.
// Skipped, with a note, where python-igraph is not installed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticMap } from '../../src/model/synthetic.ts';

const RUNS = 3;

interface Timing {
  wall: number;
  cpu: number;
}

function timed(command: string[]): Timing {
  const dir = mkdtempSync(join(tmpdir(), 'bench-time-'));
  const report = join(dir, 'time.txt');
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-o', report, '-f', '%U %S', ...command], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 600_000 });
  const wall = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${command.join(' ')} failed: ${run.stderr}`);
  const [user, system] = readFileSync(report, 'utf8').trim().split(/\s+/).map(Number);
  rmSync(dir, { recursive: true, force: true });
  return { wall, cpu: user + system };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const line = (label: string, times: Timing[]) =>
  console.log(`${label.padEnd(64)} wall ${median(times.map((t) => t.wall)).toFixed(2).padStart(6)} s   cpu ${median(times.map((t) => t.cpu)).toFixed(2).padStart(6)} s`);

export default async function () {
  const igraph = spawnSync('python3', ['-c', 'import igraph'], { stdio: 'ignore' });
  if (igraph.status !== 0) {
    console.log('python-igraph is not installed: `pip install igraph` to compare (skipped)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-igraph-'));
  const mapFile = join(dir, 'county.json');
  const map = syntheticMap(5000);
  writeFileSync(mapFile, JSON.stringify(map));
  const ours: Timing[] = [];
  const theirs: Timing[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      theirs.push(timed(['python3', 'test/bench/reference/igraph_analysis.py', mapFile]));
      ours.push(timed(['node_modules/.bin/tsx', 'src/cli/main.ts', 'analyze', mapFile, '--json']));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const title = `5,000 programs / ${map.edges.length} ties, whole process`;
  line(`python-igraph, structure metrics only (${title})`, theirs);
  line(`ours, \`analyze --json\`: gaps, pathways, redundancy, structure`, ours);
  const ratio = median(ours.map((t) => t.wall)) / median(theirs.map((t) => t.wall));
  console.log(`  ours / igraph, wall time: ${ratio.toFixed(2)}× (goal ≤ 1×)`);
}
