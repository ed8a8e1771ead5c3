// `import csv|kumu|hsds|json|graphml|gexf|cyjs INPUT... -o MAP`: the same importers as the browser.
// Problems name file, row and column; exit 1 and nothing written when there are any.
import { countMap, IMPORT_LIMIT_BYTES, problemLine, type InputFile } from '../../formats/common.ts';
import { IMPORT_FORMATS, importFiles, type ImportFormat } from '../../formats/index.ts';
import { exportJson } from '../../formats/json.ts';
import { CliError, parseArgs, type CliIo } from '../io.ts';

const USAGE = `Usage: import ${IMPORT_FORMATS.join('|')} INPUT... -o MAP [--title TITLE]`;

export async function run(args: string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, { o: 'string', out: 'string', title: 'string' });
  const [format, ...inputs] = positional;
  const output = (options.o ?? options.out) as string | undefined;
  if (!format || !inputs.length || !output) throw new CliError(USAGE);
  if (!(IMPORT_FORMATS as string[]).includes(format)) throw new CliError(`Unknown import format "${format}".\n${USAGE}`);
  const files: InputFile[] = inputs.map((path) => {
    let size = 0;
    try {
      size = io.fileSize(path);
    } catch {
      throw new CliError(`${path}: cannot read (no such file)`);
    }
    // Checked before reading, so a huge file is refused without loading it.
    if (size > IMPORT_LIMIT_BYTES) throw new CliError(`${path}: the file is ${(size / 1024 / 1024).toFixed(1)} MB; the import limit is ${IMPORT_LIMIT_BYTES / 1024 / 1024} MB`);
    return { name: path, bytes: new Uint8Array(io.readFile(path)) };
  });
  const result = importFiles(files, { format: format as ImportFormat, title: options.title as string | undefined });
  for (const warning of result.warnings.slice(0, 50)) io.err(`warning: ${problemLine(warning)}`);
  if (result.warnings.length > 50) io.err(`warning: …and ${result.warnings.length - 50} more`);
  if (!result.map) {
    for (const p of result.problems) io.err(problemLine(p));
    io.err(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}; nothing written`);
    return 1;
  }
  io.writeFile(output, exportJson(result.map));
  const counts = countMap(result.map);
  io.out(`${output}: ${counts.organizations} organizations, ${counts.programs} programs, ${counts.ties} ties`);
  return 0;
}
