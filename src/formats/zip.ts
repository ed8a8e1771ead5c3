// Zip archives, unpacked safely: the central directory's declared sizes are checked before anything
// is inflated (per entry, in total, and the compression ratio), then each entry is inflated as a
// stream and stopped the moment it outgrows what it declared, so a lying header cannot either.
import { Unzip, UnzipInflate, UnzipPassThrough, unzipSync, type UnzipFileInfo } from 'fflate';
import type { Problem } from '../model/types.ts';
import { IMPORT_LIMIT_BYTES, problem, type InputFile } from './common.ts';

export const ZIP_LIMITS = {
  /** Inflated bytes of all usable entries together: the same limit as one imported file. */
  totalBytes: IMPORT_LIMIT_BYTES,
  /** Inflated bytes of one entry. */
  entryBytes: IMPORT_LIMIT_BYTES,
  /** Entries above 1 MB may not inflate more than this many times their compressed size (text zips ~5–30×). */
  ratio: 200,
  ratioFloorBytes: 1024 * 1024,
  /** Entries listed in one archive (the directory is read, never inflated, to count them). */
  entries: 10_000,
};

const PUSH_BYTES = 16384;
const USABLE = /\.(csv|json)$/i;
const SKIPPED = /(^|\/)(__MACOSX|\.)/;
const mb = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} kB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

interface Entry {
  name: string;
  size: number;
  originalSize: number;
  compression: number;
}

/** The archive's entries as its central directory declares them; nothing is inflated. */
function listEntries(bytes: Uint8Array): Entry[] | null {
  const entries: Entry[] = [];
  try {
    unzipSync(bytes, {
      filter: (info: UnzipFileInfo) => {
        // Stop at once: a forged directory may declare billions of entries.
        if (entries.length >= ZIP_LIMITS.entries) throw new TooManyEntries();
        entries.push({ ...info });
        return false;
      },
    });
  } catch (error) {
    if (error instanceof TooManyEntries) return null;
    throw error;
  }
  return entries;
}

class TooManyEntries extends Error {}

/** Why this archive's declared sizes are unsafe to inflate, or null. */
function declaredProblem(file: string, usable: Entry[]): Problem | null {
  let total = 0;
  for (const entry of usable) {
    if (entry.originalSize > ZIP_LIMITS.entryBytes) return problem(`${file}/${entry.name}`, `would inflate to ${mb(entry.originalSize)}; the limit for one file is ${mb(ZIP_LIMITS.entryBytes)}`, 'too-large');
    if (entry.originalSize > ZIP_LIMITS.ratioFloorBytes && entry.originalSize > entry.size * ZIP_LIMITS.ratio) {
      return problem(`${file}/${entry.name}`, `inflates ${Math.round(entry.originalSize / Math.max(1, entry.size))} times its packed size (at most ${ZIP_LIMITS.ratio}): refused as a possible zip bomb`, 'zip-bomb');
    }
    if (entry.compression !== 0 && entry.compression !== 8) return problem(`${file}/${entry.name}`, `uses compression method ${entry.compression}; only stored and deflated entries can be read`, 'unreadable');
    total += entry.originalSize;
  }
  if (total > ZIP_LIMITS.totalBytes) return problem(file, `would inflate to ${mb(total)}; the import limit is ${mb(ZIP_LIMITS.totalBytes)}`, 'too-large');
  return null;
}

/** Inflates the chosen entries, each stopped past its declared size. */
function inflateEntries(file: InputFile, wanted: Map<string, Entry>): { files: InputFile[] } | { problem: Problem } {
  const out: InputFile[] = [];
  let failure: Problem | null = null;
  const unzipper = new Unzip((entry) => {
    const declared = wanted.get(entry.name);
    if (!declared || failure || out.some((f) => f.name === `${file.name}/${entry.name}`)) return;
    const chunks: Uint8Array[] = [];
    let length = 0;
    entry.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = problem(`${file.name}/${entry.name}`, `cannot be unpacked (${error.message})`, 'unreadable');
        return;
      }
      length += chunk.length;
      if (length > declared.originalSize) {
        failure = problem(`${file.name}/${entry.name}`, `inflates past the ${mb(declared.originalSize)} its archive declares: refused as a possible zip bomb`, 'zip-bomb');
        entry.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) {
        const bytes = new Uint8Array(length);
        let at = 0;
        for (const c of chunks) bytes.set(c, (at += c.length) - c.length);
        out.push({ name: `${file.name}/${entry.name}`, bytes });
      }
    };
    entry.start();
  });
  unzipper.register(UnzipInflate);
  unzipper.register(UnzipPassThrough);
  // Small pushes: the inflater turns each into at most ~1,000× its size (16 MB) before ondata can stop it.
  for (let at = 0; at < file.bytes.length && !failure; at += PUSH_BYTES) unzipper.push(file.bytes.subarray(at, at + PUSH_BYTES), at + PUSH_BYTES >= file.bytes.length);
  if (failure) return { problem: failure };
  return { files: out };
}

/** One zip's usable CSV and JSON entries as files named `archive.zip/inner/path.csv`. */
export function unpackZip(file: InputFile): { files: InputFile[] } | { problem: Problem } {
  let entries: Entry[] | null;
  try {
    entries = listEntries(file.bytes);
  } catch (error) {
    return { problem: problem(file.name, `is not a readable zip (${(error as Error).message})`, 'unreadable') };
  }
  if (!entries) return { problem: problem(file.name, `lists more than ${ZIP_LIMITS.entries} entries`, 'too-large') };
  const usable = entries.filter((e) => !e.name.endsWith('/') && !SKIPPED.test(e.name) && USABLE.test(e.name) && e.originalSize > 0);
  if (!usable.length) {
    const held = entries.slice(0, 8).map((e) => e.name).join(', ') || 'nothing';
    return { problem: problem(file.name, `holds no CSV or JSON files to import (it holds: ${held})`, 'not-this-format') };
  }
  const unsafe = declaredProblem(file.name, usable);
  if (unsafe) return { problem: unsafe };
  try {
    const inflated = inflateEntries(file, new Map(usable.map((e) => [e.name, e])));
    if ('problem' in inflated) return inflated;
    const missing = usable.find((e) => !inflated.files.some((f) => f.name === `${file.name}/${e.name}`));
    if (missing) return { problem: problem(`${file.name}/${missing.name}`, 'is listed in the archive but could not be unpacked', 'unreadable') };
    return inflated;
  } catch (error) {
    return { problem: problem(file.name, `is not a readable zip (${(error as Error).message})`, 'unreadable') };
  }
}
