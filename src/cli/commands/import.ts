// `import csv|kumu|hsds|json|graphml|gexf|cyjs INPUT... -o MAP [--strict]`: the same importers as
// the browser. An INPUT may be a folder (its files, e.g. an HSDS directory). Problems name file, row
// and column; exit 1 and nothing written when there are any — or, with --strict, any warning.
import { countMap, IMPORT_LIMIT_BYTES, problemLine, type InputFile } from '../../formats/common.ts';
import { IMPORT_FORMATS, importFiles, type ImportFormat } from '../../formats/index.ts';
import { exportJson } from '../../formats/json.ts';
import { CliError, parseArgs, sizeMessage, type CliIo } from '../io.ts';

const USAGE = `Usage: import ${IMPORT_FORMATS.join('|')} INPUT... -o MAP [--title TITLE] [--strict]`;
const SHOWN_WARNINGS = 50;

/** The files named, folders opened one level; each checked (regular, size) before it is read. */
function readInputs(inputs: string[], io: CliIo): InputFile[] {
  const paths = inputs.flatMap((path) => {
    const inFolder = io.listFolder(path);
    if (inFolder && !inFolder.length) throw new CliError(`${path}: the folder holds no files`);
    return inFolder ?? [path];
  });
  let total = 0;
  return paths.map((path) => {
    const bytes = new Uint8Array(io.readFile(path, IMPORT_LIMIT_BYTES));
    total += bytes.length;
    if (total > IMPORT_LIMIT_BYTES) throw new CliError(sizeMessage(inputs.join(', '), total, IMPORT_LIMIT_BYTES).replace('the file is', 'the files come to'));
    return { name: path, bytes };
  });
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, { o: 'string', out: 'string', title: 'string', strict: 'boolean' });
  const [format, ...inputs] = positional;
  const output = (options.o ?? options.out) as string | undefined;
  if (!format || !inputs.length || !output) throw new CliError(USAGE);
  if (!(IMPORT_FORMATS as string[]).includes(format)) throw new CliError(`Unknown import format "${format}".\n${USAGE}`);
  const files = readInputs(inputs, io);
  const result = importFiles(files, { format: format as ImportFormat, title: options.title as string | undefined });
  if (result.map && options.strict && result.warnings.length) {
    for (const warning of result.warnings) io.err(problemLine(warning));
    io.err(`${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}; refused (--strict); nothing written`);
    return 1;
  }
  for (const warning of result.warnings.slice(0, SHOWN_WARNINGS)) io.err(`warning: ${problemLine(warning)}`);
  if (result.warnings.length > SHOWN_WARNINGS) io.err(`warning: …and ${result.warnings.length - SHOWN_WARNINGS} more`);
  if (!result.map) {
    for (const p of result.problems) io.err(problemLine(p));
    io.err(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}; nothing written`);
    return 1;
  }
  io.writeFile(output, exportJson(result.map));
  const counts = countMap(result.map);
  io.out(`${output}: ${counts.organizations} organizations, ${counts.programs} programs, ${counts.ties} ties${result.warnings.length ? ` (${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'})` : ''}`);
  return 0;
}
