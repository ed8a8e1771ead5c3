import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LIMITS } from '../model/constants.ts';

/** Where a command reads and writes; tests pass an in-memory one. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Reads a regular file of at most `limit` bytes (default: the map-file limit), checked before reading. */
  readFile(path: string, limit?: number): Buffer;
  /** The files directly in a folder (hidden ones left out), or null when `path` is not a folder. */
  listFolder(path: string): string[] | null;
  /** Writes atomically: a failure never leaves a half-written file. */
  writeFile(path: string, data: string | Uint8Array): void;
}

/** A user-facing failure: the message is printed and the command exits 1. */
export class CliError extends Error {}

const MB = 1024 * 1024;
export const sizeMessage = (path: string, size: number, limit: number) =>
  `${path}: the file is ${(size / MB).toFixed(1)} MB; the limit is ${(limit / MB).toFixed(0)} MB`;

/** Ends once everything written so far has left the process (a pipe's reader may be slow). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) return resolve();
    stream.write('', () => resolve());
  });
}

/** A reader that stops early (`| head -c 100`) closes the pipe: that ends the command quietly, not with a stack trace. */
export function endQuietlyWhenReaderCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
}

/** Exits with `code` after stdout and stderr have drained: `process.exit()` right after a write cuts piped output at 64 KiB. */
export async function exitWhenDrained(code: number): Promise<never> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

export const nodeIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  readFile(path, limit = LIMITS.fileBytes) {
    let size: number;
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) throw new CliError(`${path}: is a folder, not a file`);
      // /dev/zero, a FIFO or a socket would never end.
      if (!stat.isFile()) throw new CliError(`${path}: is not a regular file`);
      size = stat.size;
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : ((error as NodeJS.ErrnoException).code ?? error)})`);
    }
    if (size > limit) throw new CliError(sizeMessage(path, size, limit));
    let data: Buffer;
    try {
      data = readFileSync(path);
    } catch (error) {
      throw new CliError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? error})`);
    }
    // It may have grown between stat and read.
    if (data.length > limit) throw new CliError(sizeMessage(path, data.length, limit));
    return data;
  },
  listFolder(path) {
    try {
      if (!statSync(path).isDirectory()) return null;
      return readdirSync(path, { withFileTypes: true })
        .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
        .map((entry) => join(path, entry.name))
        .sort();
    } catch {
      return null;
    }
  },
  writeFile(path, data) {
    const temp = `${path}.${process.pid}.${basename(path)}.tmp`;
    writeFileSync(temp, data);
    renameSync(temp, path);
  },
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
