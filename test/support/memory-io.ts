import type { CliIo } from '../../src/cli/io.ts';

/** An in-memory CliIo: files from a record, output collected as text. */
export function memoryIo(files: Record<string, string | Uint8Array> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string | Uint8Array> = {};
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    readFile(path) {
      const content = files[path] ?? written[path];
      if (content === undefined) throw Object.assign(new Error(`${path}: cannot read (ENOENT)`), { name: 'CliError' });
      return Buffer.from(content);
    },
    writeFile(path, data) {
      written[path] = data;
    },
    fileSize: (path) => Buffer.byteLength(files[path] ?? ''),
  };
  return { io, written, stdout: () => out.join('\n'), stderr: () => err.join('\n') };
}
