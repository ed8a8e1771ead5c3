// Bad and hostile files for the graph formats and the command line (issue 12): each ends in a
// message naming the file, exit 1 (at once where lenient import would warn: --strict), nothing
// written, no stack trace, no prototype touched. Files in test/fixtures/hostile/<format>/; the big
// ones are made here.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeIo, type CliIo } from '../../../src/cli/io.ts';
import { main } from '../../../src/cli/main.ts';

const HOSTILE = join(import.meta.dirname, '../../fixtures/hostile');
const work = mkdtempSync(join(tmpdir(), 'hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The real file system, output collected. */
function realIo() {
  const err: string[] = [];
  const out: string[] = [];
  const io: CliIo = { ...nodeIo, out: (t) => out.push(t), err: (t) => err.push(t) };
  return { io, stderr: () => err.join('\n'), stdout: () => out.join('\n') };
}

async function run(args: string[]) {
  const { io, stderr, stdout } = realIo();
  const code = await main(args, io);
  return { code, stderr: stderr(), stdout: stdout() };
}

function outputDir(name: string) {
  const dir = join(work, name.replace(/[^\w.-]/g, '_'));
  mkdirSync(dir, { recursive: true });
  return dir;
}

const STACK = /\n\s+at |Error: .*\n/;

describe('hostile files: every one named, nothing written, no stack trace', () => {
  const generated = join(work, 'generated');
  mkdirSync(generated);
  // 100,000 levels: parses, but would overflow every later stringify.
  writeFileSync(join(generated, 'deep-unknown.json'), `{"format":"pathways-map","version":1,"meta":{"title":"t"},"nodes":[],"edges":[],"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
  writeFileSync(join(generated, 'deep.cyjs'), `{"elements":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
  writeFileSync(join(generated, 'deep-nodes.graphml'), `<graphml><graph>${'<node id="a">'.repeat(50_000)}</graph></graphml>`);
  const corpus = [
    ...['graphml', 'gexf', 'cyjs', 'json'].flatMap((format) => readdirSync(join(HOSTILE, format)).map((name) => ({ format, path: join(HOSTILE, format, name) }))),
    { format: 'json', path: join(generated, 'deep-unknown.json') },
    { format: 'cyjs', path: join(generated, 'deep.cyjs') },
    { format: 'graphml', path: join(generated, 'deep-nodes.graphml') },
  ];

  it('holds at least 25 files', () => expect(corpus.length).toBeGreaterThanOrEqual(25));

  for (const { format, path } of corpus) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    it(`${format}/${name}`, async () => {
      const dir = outputDir(`${format}-${name}`);
      const strict = await run(['import', format, path, '-o', join(dir, 'out.json'), '--strict']);
      expect(strict.code).toBe(1);
      expect(strict.stderr).toContain(path);
      expect(strict.stderr).not.toMatch(STACK);
      expect(readdirSync(dir)).toEqual([]);
      // Without --strict: refused the same way, or imported with every compromise named.
      const lenient = await run(['import', format, path, '-o', join(dir, 'out.json')]);
      expect(lenient.stderr).toContain(path);
      expect(lenient.stderr).not.toMatch(STACK);
      if (lenient.code === 0) expect(lenient.stderr).toMatch(/^warning: /m);
      else expect(readdirSync(dir)).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('validate and import agree on a map with a 100,000-deep unknown field', async () => {
    const path = join(generated, 'deep-unknown.json');
    const validate = await run(['validate', path]);
    expect(validate.code).toBe(1);
    expect(validate.stderr).toContain('nested deeper than 200 levels');
    const imported = await run(['import', 'json', path, '-o', join(outputDir('deep'), 'o.json')]);
    expect(imported.stderr).toContain('nested deeper than 200 levels');
  });
});

describe('the command line checks its inputs before reading them', () => {
  it('refuses /dev/zero at once (not a regular file), for every command that reads', async () => {
    for (const args of [['validate', '/dev/zero'], ['analyze', '/dev/zero'], ['import', 'json', '/dev/zero', '-o', join(work, 'z.json')]]) {
      const result = await run(args);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('/dev/zero: is not a regular file');
    }
  });

  it('refuses a 600 MB file by its size without reading it', async () => {
    const big = join(work, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, 600 * 1024 * 1024); // sparse: no 600 MB written or read
    const validate = await run(['validate', big]);
    expect(validate).toMatchObject({ code: 1, stderr: `${big}: the file is 600.0 MB; the limit is 20 MB` });
    const imported = await run(['import', 'graphml', big, '-o', join(work, 'x.json')]);
    expect(imported).toMatchObject({ code: 1, stderr: `${big}: the file is 600.0 MB; the limit is 50 MB` });
  });

  it('names a missing file and a folder given where a map file is expected', async () => {
    expect(await run(['validate', join(work, 'nope.json')])).toMatchObject({ code: 1, stderr: `${join(work, 'nope.json')}: cannot read (no such file)` });
    expect(await run(['validate', work])).toMatchObject({ code: 1, stderr: `${work}: is a folder, not a file` });
  });

  it('refuses an empty folder by name', async () => {
    const empty = join(work, 'empty-folder');
    mkdirSync(empty);
    expect(await run(['import', 'hsds', empty, '-o', join(work, 'h.json')])).toMatchObject({ code: 1, stderr: `${empty}: the folder holds no files` });
  });
});
