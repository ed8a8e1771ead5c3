import { readFileSync, writeFileSync, renameSync, statSync } from 'node:fs';
import { basename } from 'node:path';

/** Where a command reads and writes; tests pass an in-memory one. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Buffer;
  /** Writes atomically: a failure never leaves a half-written file. */
  writeFile(path: string, data: string | Uint8Array): void;
  fileSize(path: string): number;
}

/** A user-facing failure: the message is printed and the command exits 1. */
export class CliError extends Error {}

export const nodeIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  readFile(path) {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new CliError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? error})`);
    }
  },
  writeFile(path, data) {
    const temp = `${path}.${process.pid}.${basename(path)}.tmp`;
    writeFileSync(temp, data);
    renameSync(temp, path);
  },
  fileSize: (path) => statSync(path).size,
};

/** Splits `--flag value` / `--flag` options from positional arguments. */
export function parseArgs(
  args: string[],
  spec: Record<string, 'boolean' | 'string'>,
): { positional: string[]; options: Record<string, string | boolean> } {
  const positional: string[] = [];
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('-') && arg !== '-') {
      const name = arg.replace(/^--?/, '');
      const kind = spec[name];
      if (!kind) throw new CliError(`Unknown option "${arg}".`);
      if (kind === 'boolean') options[name] = true;
      else {
        const value = args[++i];
        if (value === undefined) throw new CliError(`Option "${arg}" needs a value.`);
        options[name] = value;
      }
    } else positional.push(arg);
  }
  return { positional, options };
}
