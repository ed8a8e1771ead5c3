import { describeLabels, entryStages, LOSS_REASON_TEXT } from '../../simulation/describe.ts';
import { DEFAULT_COHORT, simulate } from '../../simulation/index.ts';
import { compareScenario, validateScenario } from '../../simulation/scenarios.ts';
import { formatProblems } from '../../model/validate.ts';
import { parseJson, problemLine } from '../../formats/common.ts';
import { CliError, parseArgs, type CliIo } from '../io.ts';
import { readMap } from './analyze.ts';

const USAGE = 'Usage: simulate MAP [--cohort N] [--seed S] [--entry STAGE] [--exact] [--scenario FILE] [--json]';

function wholeNumber(value: string | boolean | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 10_000_000) throw new CliError(`--${name} must be a whole number from 0 to 10,000,000 (got "${value}").`);
  return number;
}

/** `simulate MAP [--cohort N] [--seed S] [--entry STAGE] [--exact] [--scenario FILE] [--json]` */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, { cohort: 'string', seed: 'string', entry: 'string', exact: 'boolean', scenario: 'string', json: 'boolean' });
  if (positional.length !== 1) throw new CliError(USAGE);
  const map = readMap(positional[0], io);
  const cohort = wholeNumber(options.cohort, 'cohort', DEFAULT_COHORT);
  const seed = wholeNumber(options.seed, 'seed', 1);
  const entry = typeof options.entry === 'string' ? options.entry : undefined;
  if (options.entry !== undefined && (entry === undefined || !entryStages(map).includes(entry))) {
    throw new CliError(`--entry must be a life stage of ${positional[0]}: ${entryStages(map).join(', ')} (got "${String(options.entry)}").`);
  }
  const run = simulate(map, { cohort, seed, exact: !!options.exact, ...(entry !== undefined ? { entry } : {}) });
  const json: Record<string, unknown> = { cohort: run.cohort, seed: run.seed, entry: run.entry, reach: run.reach, byPopulation: run.byPopulation, lostAt: run.lostAt, lostBy: run.lostBy, overCapacity: run.overCapacity, flows: run.flows };
  if (options.exact) {
    if (run.exact) json.exact = { reach: run.exact.reach, byPopulation: run.exact.byPopulation, lostBy: run.exact.lostBy };
    else json.exactUnavailable = run.exactUnavailable;
  }
  let scenarioLines: string[] = [];
  if (typeof options.scenario === 'string') {
    const file = options.scenario;
    const parsed = parseJson(io.readFile(file).toString('utf8'), file);
    if ('problem' in parsed) throw new CliError(problemLine(parsed.problem));
    const raw = parsed.value;
    const { scenario, problems } = validateScenario(raw, map);
    if (!scenario) throw new CliError(formatProblems(problems, file));
    const comparison = compareScenario(map, scenario, { cohort, seed, ...(entry !== undefined ? { entry } : {}) });
    json.scenario = { label: scenario.label ?? file, reach: comparison.scenario.reach, difference: comparison.difference, margin: comparison.margin, exact: comparison.exact };
    scenarioLines = ['', `Scenario: ${scenario.label ?? file} (people reaching each stage, versus the baseline; entering at: ${describeLabels(map).entry(comparison.baseline.entry).toLowerCase()})`, ...Object.entries(comparison.difference.reach).map(([s, d]) => `  ${describeLabels(map).stage(s).padEnd(18)} ${d >= 0 ? '+' : ''}${d}${comparison.margin[s] ? ` (±${comparison.margin[s]})` : ''}`)];
  }
  if (options.json) {
    io.out(JSON.stringify(json, null, 2));
    return 0;
  }
  const labels = describeLabels(map);
  const percent = (v: number) => `${(v * 100).toFixed(1)}%`.padStart(7);
  const lines = [
    `${map.meta.title || positional[0]}: ${cohort} people, seed ${seed} (Monte-Carlo${run.exact ? '; exact beside it' : ''})`,
    `Entering at: ${labels.entry(run.entry)}`,
    '',
    'Share reaching each life stage',
  ];
  for (const stage of Object.keys(run.reach)) {
    const pops = Object.entries(run.byPopulation).map(([pop, reach]) => `${labels.population(pop)} ${percent(reach[stage]).trim()}`);
    lines.push(`  ${labels.stage(stage).padEnd(22)} ${percent(run.reach[stage])}${run.exact ? ` (exact ${percent(run.exact.reach[stage]).trim()})` : ''}${pops.length ? `   ${pops.join(', ')}` : ''}`);
  }
  if (options.exact && !run.exact) lines.push('', `No exact answer: ${run.exactUnavailable}.`);
  lines.push('', 'Where people are lost (people)');
  for (const [id, count] of Object.entries(run.lostAt).slice(0, 10)) {
    const why = Object.entries(run.lostAtBy[id] ?? {}).map(([reason, n]) => `${LOSS_REASON_TEXT[reason as keyof typeof LOSS_REASON_TEXT]}${Object.keys(run.lostAtBy[id]).length > 1 ? ` ${n}` : ''}`);
    lines.push(`  ${String(count).padStart(6)}  ${labels.element(id)} (${why.join('; ')})`);
  }
  lines.push('', `Lost, by reason: ${Object.entries(run.lostBy).map(([reason, n]) => `${LOSS_REASON_TEXT[reason as keyof typeof LOSS_REASON_TEXT]} ${n}`).join(', ') || 'no one'}`);
  if (run.overCapacity.length) lines.push('', `Over capacity: ${run.overCapacity.map(labels.element).join(', ')}`);
  io.out([...lines, ...scenarioLines].join('\n'));
  return 0;
}
