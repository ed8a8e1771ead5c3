import { formatProblems, parseMapText } from '../../model/validate.ts';
import { CliError, parseArgs, type CliIo } from '../io.ts';

/** `validate MAP`: exit 0 with a one-line summary, or exit 1 with every problem on its own line. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { positional } = parseArgs(args, {});
  if (positional.length !== 1) throw new CliError('Usage: validate MAP');
  const file = positional[0];
  const { map, problems, warnings } = parseMapText(io.readFile(file).toString('utf8'), file);
  if (!map) {
    io.err(formatProblems(problems, file));
    io.err(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    return 1;
  }
  if (warnings.length) io.err(formatProblems(warnings, file).replace(/^/gm, 'warning: '));
  const orgs = map.nodes.filter((n) => n.type === 'organization').length;
  io.out(`${file}: valid: ${orgs} organizations, ${map.nodes.length - orgs} programs, ${map.edges.length} edges`);
  return 0;
}
