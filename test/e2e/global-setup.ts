// Builds the studio once and serves it with the project's own server on a free loopback port.
// Tests read the address from `inject('baseUrl')`.
import { execSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startServer, type RunningServer } from '../../src/server/app-server.ts';

let server: RunningServer | undefined;

export async function setup(project: TestProject) {
  execSync('npx vite build --logLevel error', { stdio: 'inherit' });
  server = await startServer({ host: '127.0.0.1', port: 0 });
  project.provide('baseUrl', server.url);
}

export async function teardown() {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
