// The project's server in a process of its own (`src/server/main.ts`, as `npm start` runs it), so a test
// can measure the server's memory and nothing else, and see that it never exits.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServerProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** Resident memory now, in MiB (Linux /proc). */
  rssMiB(): number;
  /** The highest resident memory the process has had, in MiB. */
  peakRssMiB(): number;
  /** CPU time the server process has used (user + system), in seconds. */
  cpuSeconds(): number;
  /** Everything the server printed. */
  output(): string;
  stop(): Promise<void>;
}

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function statusField(pid: number, field: string): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
  if (!line) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(line.split(/\s+/)[1]) / 1024;
}

/** `preload`: modules Node imports before the server (`--import`), e.g. a test's fault injector. */
export async function startServerProcess(env: Record<string, string> = {}, preload: string[] = []): Promise<ServerProcess> {
  const root = mkdtempSync(join(tmpdir(), 'pathways-server-process-'));
  const child = spawn(process.execPath, ['--import', 'tsx', ...preload.flatMap((module) => ['--import', module]), 'src/server/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', PATHWAYS_DATA_DIR: root, PATHWAYS_DIST_DIR: root, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
    child.stdout!.on('data', () => {
      const match = /serving on (http\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return {
    url,
    dataDir: join(root, 'rooms'),
    child,
    rssMiB: () => statusField(child.pid!, 'VmRSS'),
    peakRssMiB: () => statusField(child.pid!, 'VmHWM'),
    cpuSeconds: () => {
      // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks, after the parenthesised name.
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
