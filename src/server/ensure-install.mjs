// Plain JavaScript on purpose: `npm start` and `npm test` run this before anything is installed.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs `npm ci` when node_modules is missing or older than the lock file. */
export function ensureInstalled() {
  const marker = join(projectRoot, 'node_modules', '.package-lock.json');
  const lock = join(projectRoot, 'package-lock.json');
  const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000);
  if (!stale) return;
  console.log('Installing dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { cwd: projectRoot, stdio: 'inherit' });
}

export function run(command, options = {}) {
  execSync(command, { cwd: projectRoot, stdio: 'inherit', ...options });
}
