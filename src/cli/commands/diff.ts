import { analyzeWithPool } from '../../analysis/index.ts';
import { PARALLEL_MIN_NODES } from '../../analysis/structure-cache.ts';
import { createThreadPool } from '../thread-pool.ts';
import { describeGap, describePathway, labelsFor } from '../../analysis/sentences.ts';
import { diffMaps, type MapDiff } from '../../history/diff.ts';
import type { PathwaysMap } from '../../model/types.ts';
import { CliError, parseArgs, type CliIo } from '../io.ts';
import { readMap } from './analyze.ts';

const USAGE = 'Usage: diff OLD NEW [--json] [--seed S] [--cohort N]';

function count(value: string | boolean | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 10_000_000) throw new CliError(`--${name} must be a whole number from 0 to 10,000,000 (got "${value}").`);
  return number;
}

const signed = (value: number, digits = 3) => `${value >= 0 ? '+' : ''}${Number(value.toFixed(digits))}`;

/** The comparison as sentences a steering committee can read. */
export function describeDiff(diff: MapDiff, before: PathwaysMap, after: PathwaysMap): string[] {
  const labels = labelsFor({ ...after, nodes: [...before.nodes, ...after.nodes] });
  const list = (ids: string[]) => ids.map(labels.node).join(', ') || 'none';
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const lines = [
    `Added: ${count(diff.added.nodes.length, 'node', 'nodes')} (${list(diff.added.nodes)}), ${count(diff.added.edges.length, 'tie', 'ties')}`,
    `Removed: ${count(diff.removed.nodes.length, 'node', 'nodes')} (${list(diff.removed.nodes)}), ${count(diff.removed.edges.length, 'tie', 'ties')}`,
    `Changed: ${count(Object.keys(diff.changed.nodes).length, 'node', 'nodes')}, ${count(Object.keys(diff.changed.edges).length, 'tie', 'ties')}`,
  ];
  for (const [id, fields] of Object.entries(diff.changed.nodes).slice(0, 15)) lines.push(`  • ${labels.node(id)}: ${fields.join(', ')}`);
  lines.push('', 'Measures (before → after)');
  for (const [name, { before: b, after: a }] of Object.entries(diff.measures)) {
    if (b !== a) lines.push(`  ${name.padEnd(32)} ${Number(b.toFixed(3))} → ${Number(a.toFixed(3))} (${signed(a - b)})`);
  }
  lines.push('', `Gaps closed (${diff.gaps.closed.length})`, ...diff.gaps.closed.map((g) => `  • ${describeGap(g, labels)}`));
  lines.push(`Gaps opened (${diff.gaps.opened.length})`, ...diff.gaps.opened.map((g) => `  • ${describeGap(g, labels)}`));
  lines.push(`Broken pathways fixed (${diff.brokenPathways.closed.length})`, ...diff.brokenPathways.closed.map((p) => `  • ${describePathway(p, before, labels)}`));
  lines.push(`Broken pathways new (${diff.brokenPathways.opened.length})`, ...diff.brokenPathways.opened.map((p) => `  • ${describePathway(p, after, labels)}`));
  lines.push('', `Share of ${diff.simulation.cohort} people reaching each life stage (seed ${diff.simulation.seed})`);
  for (const stage of new Set([...Object.keys(diff.reach.before), ...Object.keys(diff.reach.after)])) {
    const [b, a] = [diff.reach.before[stage] ?? 0, diff.reach.after[stage] ?? 0];
    lines.push(`  ${labels.stage(stage).padEnd(24)} ${(b * 100).toFixed(1)}% → ${(a * 100).toFixed(1)}% (${signed((a - b) * 100, 1)} points)`);
  }
  return lines;
}

/** `diff OLD NEW [--json]`: the same comparison as the studio's History panel. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, { json: 'boolean', seed: 'string', cohort: 'string' });
  if (positional.length !== 2) throw new CliError(USAGE);
  const [oldFile, newFile] = positional;
  const before = readMap(oldFile, io);
  const after = readMap(newFile, io);
  const seed = count(options.seed, 'seed', 1);
  // As `analyze` does: big maps spread betweenness over the machine's cores.
  const pool = Math.max(before.nodes.length, after.nodes.length) >= PARALLEL_MIN_NODES ? createThreadPool() : null;
  const reports = await (async () => ({ before: await analyzeWithPool(before, { seed }, pool), after: await analyzeWithPool(after, { seed }, pool) }))().finally(() => pool?.close());
  const diff = diffMaps(before, after, { seed, cohort: count(options.cohort, 'cohort', 1000), reports });
  if (options.json) {
    io.out(JSON.stringify(diff, null, 2));
    return 0;
  }
  io.out([`${oldFile} → ${newFile}`, '', ...describeDiff(diff, before, after)].join('\n'));
  return 0;
}
