// Builds the studio once and serves it with the project's own server on a free loopback port.
// Tests read the address from `inject('baseUrl')`.
import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer, type RunningServer } from '../../src/server/app-server.ts';

let server: RunningServer | undefined;
// A build folder of this run's own, so parallel runs never serve each other's half-written build.
const distDir = join(process.cwd(), '.tmp', `e2e-dist-${process.pid}`);

export async function setup(project: TestProject) {
  execSync(`npx vite build --logLevel error --outDir ${distDir} --emptyOutDir`, { stdio: 'inherit' });
  server = await startServer({ host: '127.0.0.1', port: 0, distDir });
  project.provide('baseUrl', server.url);
  project.provide('distDir', distDir);
}

export async function teardown() {
  await server?.close();
  rmSync(distDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The built studio, for tests that start a server of their own (e.g. over HTTPS). */
    distDir: string;
  }
}
