// Output through a pipe is complete (issue 13): the command line exits only when stdout and stderr
// have drained. Real processes and real pipes: a child reads > 64 KiB from each command.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticMap } from '../../../src/model/synthetic.ts';

const ROOT = join(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'pipes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the command line as `npm run cli` does, both streams read through pipes. */
function cli(args: string[]): Promise<{ code: number | null; stdout: Buffer; stderr: Buffer }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err) }));
  });
}

describe('piped output', () => {
  const map = syntheticMap(800, 3);
  const mapFile = join(work, 'big.json');
  writeFileSync(mapFile, JSON.stringify(map));

  it('analyze --json: the whole document arrives (> 64 KiB)', async () => {
    const { code, stdout } = await cli(['analyze', mapFile, '--json']);
    expect(code).toBe(0);
    expect(stdout.length).toBeGreaterThan(64 * 1024);
    const report = JSON.parse(stdout.toString('utf8'));
    expect(Object.keys(report.structure.degree)).toHaveLength(map.nodes.length);
  }, 120_000);

  it('simulate --json: the whole document arrives (> 64 KiB)', async () => {
    const file = join(work, 'bigger.json');
    writeFileSync(file, JSON.stringify(syntheticMap(6000, 4)));
    const { code, stdout } = await cli(['simulate', file, '--json', '--cohort', '20000']);
    expect(code).toBe(0);
    expect(stdout.length).toBeGreaterThan(64 * 1024);
    expect(JSON.parse(stdout.toString('utf8')).cohort).toBe(20000);
  }, 120_000);

  it('a reader that stops early (head -c) ends the command quietly: no stack trace', async () => {
    const result = await new Promise<{ code: number | null; stderr: string; got: number }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'analyze', mapFile, '--json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let got = 0;
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
      // Like `head -c 100`: read a little, then close our end of the pipe.
      child.stdout.once('data', (chunk: Buffer) => {
        got = chunk.length;
        child.stdout.destroy();
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr, got }));
    });
    expect(result.got).toBeGreaterThan(0);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, 120_000);

  it('a long list of problems on stderr arrives whole', async () => {
    const broken = { ...map, edges: map.edges.map((e) => ({ ...e, target: `missing-${e.id}` })) };
    const file = join(work, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const { code, stderr } = await cli(['validate', file]);
    expect(code).toBe(1);
    expect(stderr.length).toBeGreaterThan(64 * 1024);
    const lines = stderr.toString('utf8').trim().split('\n');
    expect(lines.at(-1)).toBe(`${file}: ${map.edges.length} problems`);
    expect(lines).toHaveLength(map.edges.length + 1);
  }, 120_000);
});
