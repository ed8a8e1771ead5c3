// `npm run cli -- <command> ...`: each command lives in ./commands/<name>.ts and exports `run`.
// Commands use the same pure modules as the browser worker.
import { CliError, endQuietlyWhenReaderCloses, exitWhenDrained, type CliIo, nodeIo } from './io.ts';

const COMMANDS = ['validate', 'analyze', 'diff', 'simulate', 'import', 'export'] as const;

const USAGE = `Usage: npm run cli -- <command> [options]

  validate MAP                       check a pathways-map file; every problem by its path
  analyze MAP [--json]               service gaps, broken pathways, redundancies, structure
  diff OLD NEW [--json]              what changed between two maps: elements, measures, gaps, reach
  simulate MAP [--cohort N] [--seed S] [--exact] [--scenario FILE] [--json]
  import csv|kumu|hsds|json|graphml|gexf|cyjs INPUT... -o MAP [--strict] [--title T]
                                     INPUT may be a folder; --strict refuses on any warning
  export MAP --to json|csv|graphml|gexf|cyjs -o OUT
`;

export async function main(argv: string[], io: CliIo = nodeIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') {
    io.out(USAGE);
    return command ? 0 : 1;
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    io.err(`Unknown command "${command}".\n\n${USAGE}`);
    return 1;
  }
  try {
    const mod: { run(args: string[], io: CliIo): Promise<number> } = await import(
      `./commands/${command}.ts`
    );
    return await mod.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return 1;
    }
    // Still a message, not a stack trace: the command line's users are not its developers.
    io.err(`${command}: failed (${error instanceof Error ? error.message : String(error)})`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly || process.argv[1]?.endsWith('src/cli/main.ts')) {
  endQuietlyWhenReaderCloses();
  main(process.argv.slice(2)).then(exitWhenDrained);
}
