import { CliError, sizeMessage, type CliIo } from '../../src/cli/io.ts';
import { LIMITS } from '../../src/model/constants.ts';

/** An in-memory CliIo: files from a record, output collected as text. */
export function memoryIo(files: Record<string, string | Uint8Array> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string | Uint8Array> = {};
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    readFile(path, limit = LIMITS.fileBytes) {
      const content = files[path] ?? written[path];
      if (content === undefined) throw new CliError(`${path}: cannot read (no such file)`);
      const bytes = Buffer.from(content);
      if (bytes.length > limit) throw new CliError(sizeMessage(path, bytes.length, limit));
      return bytes;
    },
    listFolder(path) {
      const inside = Object.keys(files).filter((name) => name.startsWith(`${path}/`)).sort();
      return inside.length ? inside : null;
    },
    writeFile(path, data) {
      written[path] = data;
    },
  };
  return { io, written, stdout: () => out.join('\n'), stderr: () => err.join('\n') };
}
