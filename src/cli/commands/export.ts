// `export MAP --to json|csv|graphml|gexf|cyjs -o OUT`. CSV writes three files beside OUT:
// `OUT-elements.csv`, `OUT-connections.csv` and `OUT-map.csv` (meta and views; a trailing `.csv`
// on OUT is dropped first).
import { EXPORT_FORMATS, exportMap, type ExportFormat } from '../../formats/index.ts';
import { formatProblems, parseMapText } from '../../model/validate.ts';
import { CliError, parseArgs, type CliIo } from '../io.ts';

const USAGE = `Usage: export MAP --to ${EXPORT_FORMATS.join('|')} -o OUT`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, { to: 'string', o: 'string', out: 'string' });
  const output = (options.o ?? options.out) as string | undefined;
  const format = options.to as string | undefined;
  if (positional.length !== 1 || !format || !output) throw new CliError(USAGE);
  if (!(EXPORT_FORMATS as string[]).includes(format)) throw new CliError(`Unknown export format "${format}".\n${USAGE}`);
  const file = positional[0];
  const { map, problems } = parseMapText(io.readFile(file).toString('utf8'), file);
  if (!map) {
    io.err(formatProblems(problems, file));
    io.err(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing written`);
    return 1;
  }
  const outputs = exportMap(map, format as ExportFormat);
  const base = format === 'csv' ? output.replace(/\.csv$/i, '') : output;
  const written = outputs.map((o) => (format === 'csv' ? base + o.suffix : output));
  outputs.forEach((o, i) => io.writeFile(written[i], o.text));
  io.out(`wrote ${written.join(', ')}`);
  return 0;
}
