import { analyzeWithPool } from '../../analysis/index.ts';
import { PARALLEL_MIN_NODES } from '../../analysis/structure-cache.ts';
import { rankedFindings } from '../../analysis/findings.ts';
import { describeGap, describeImpact, describePathway, describeRedundancy, labelsFor } from '../../analysis/sentences.ts';
import { formatProblems, parseMapText } from '../../model/validate.ts';
import type { PathwaysMap } from '../../model/types.ts';
import { CliError, parseArgs, type CliIo } from '../io.ts';
import { createThreadPool } from '../thread-pool.ts';

/** Reads and validates a map file, or fails with every problem named by its path. */
export function readMap(file: string, io: CliIo): PathwaysMap {
  const { map, problems } = parseMapText(io.readFile(file).toString('utf8'), file);
  if (!map) throw new CliError(formatProblems(problems, file));
  return map;
}

/** `analyze MAP [--json]` */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, { json: 'boolean', seed: 'string' });
  if (positional.length !== 1) throw new CliError('Usage: analyze MAP [--json]');
  const map = readMap(positional[0], io);
  // Big maps spread betweenness over the machine's cores; small ones finish before threads start.
  const pool = map.nodes.length >= PARALLEL_MIN_NODES ? createThreadPool() : null;
  const report = await analyzeWithPool(map, { seed: options.seed ? Number(options.seed) : 1 }, pool).finally(() => pool?.close());
  if (options.json) {
    io.out(JSON.stringify(report, null, 2));
    return 0;
  }
  const labels = labelsFor(map);
  const lines: string[] = [`${map.meta.title || positional[0]}: ${map.nodes.length} nodes, ${map.edges.length} ties`, ''];
  const section = (title: string, items: string[], limit = 15) => {
    lines.push(`${title} (${items.length})`);
    for (const item of items.slice(0, limit)) lines.push(`  • ${item}`);
    if (items.length > limit) lines.push(`  … and ${items.length - limit} more (use --json for all)`);
    lines.push('');
  };
  const ranked = rankedFindings(map, report);
  if (ranked.length) section('Most important (by people affected a year)', ranked.map((f) => `${f.text}\n      ${describeImpact(f.impact)}`), 5);
  section('Service gaps', report.gaps.map((g) => describeGap(g, labels)));
  section('Broken pathways', report.brokenPathways.map((p) => describePathway(p, map, labels)));
  section('Redundancies', report.redundancies.map((r) => describeRedundancy(r, labels)), 8);
  const s = report.structure;
  const brokers = Object.entries(s.betweenness).sort((a, b) => b[1] - a[1]).slice(0, 5);
  lines.push('Structure');
  lines.push(`  Top brokers: ${brokers.map(([id, v]) => `${labels.node(id)} (${v.toFixed(3)})`).join(', ')}`);
  lines.push(`  Single points of failure: ${s.articulationPoints.map(labels.node).join(', ') || 'none'}`);
  lines.push(`  Communities: ${new Set(Object.values(s.communities)).size} (modularity ${s.modularity.toFixed(3)})`);
  lines.push(`  Density ${s.density.toFixed(3)}; cross-sector share of organization ties ${(s.crossSectorShare * 100).toFixed(0)}%`);
  lines.push(`  Partnerships by level: ${Object.entries(s.levels).map(([level, n]) => `${level} ${n}`).join(', ')}`);
  io.out(lines.join('\n'));
  return 0;
}
