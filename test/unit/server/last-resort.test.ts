// The server's last-resort handler (issue 12): an error that escapes every handler, and a rejection nobody
// awaits, are logged and the server keeps serving. Provoked in the real server process (main.ts as
// `npm start` runs it) by a preloaded fault injector, then checked over a real socket.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { installLastResort, lastResortLine, MAX_LAST_RESORT_LINE } from '../../../src/server/last-resort.ts';
import { startServerProcess, type ServerProcess } from '../../support/server-process.ts';

const PROVOKE = pathToFileURL(join(import.meta.dirname, '../../fixtures/server/provoke-on-signal.mjs')).href;

describe('the last-resort handler', () => {
  let server: ServerProcess | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('in the server process: an uncaught error and an unhandled rejection are logged, and it keeps serving', async () => {
    server = await startServerProcess({}, [PROVOKE]);
    const before = await fetch(`${server.url}/no-such-page`);
    expect(before.status).toBeGreaterThanOrEqual(200);
    server.child.kill('SIGUSR2');
    // Both reach the handler (bounded wait: the output is polled, never slept on).
    for (let i = 0; i < 200 && !/a rejection nobody awaited/.test(server.output()); i++) await new Promise((done) => setTimeout(done, 25));
    expect(server.output()).toMatch(/Unexpected error \(still serving\): Error: provoked: an error no handler caught\n\s+at /);
    expect(server.output()).toMatch(/Unexpected rejection \(still serving\): Error: provoked: a rejection nobody awaited/);
    // Still alive, still answering on the same port, twice over.
    expect(server.child.exitCode).toBeNull();
    server.child.kill('SIGUSR2');
    for (let i = 0; i < 200 && (server.output().match(/Unexpected error/g) ?? []).length < 2; i++) await new Promise((done) => setTimeout(done, 25));
    const after = await fetch(`${server.url}/no-such-page`);
    expect(after.status).toBe(before.status);
    expect(server.child.exitCode).toBeNull();
  }, 60_000);

  it('without it the same fault ends a process (what the handler prevents)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['--import', PROVOKE, '-e', 'setInterval(() => {}, 1000); process.kill(process.pid, "SIGUSR2");'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(code).not.toBe(0);
  }, 30_000);

  it('logs one line per fault with the stack, capped so a hostile message cannot flood the log', () => {
    const target = new EventEmitter();
    const lines: string[] = [];
    installLastResort(target as unknown as NodeJS.Process, (line) => lines.push(line));
    target.emit('uncaughtException', new Error('boom'));
    target.emit('unhandledRejection', 'not an error');
    target.emit('uncaughtException', new Error('x'.repeat(100_000)));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Unexpected error \(still serving\): Error: boom\n\s+at /);
    expect(lines[1]).toBe('Unexpected rejection (still serving): not an error');
    expect(lines[2].length).toBeLessThan(MAX_LAST_RESORT_LINE + 60);
    expect(lines[2]).toMatch(/… \(\d+ more characters\)$/);
    expect(lastResortLine('rejection', undefined)).toBe('Unexpected rejection (still serving): undefined');
  });
});
