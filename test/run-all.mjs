// `npm test`: install if needed, type-check (svelte-check, tsc), then every vitest project
// (unit, component, e2e in real Chromium). Ends with the line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureInstalled, projectRoot } from '../src/server/ensure-install.mjs';

ensureInstalled();
const extra = process.argv.slice(2);
let passed = 0;
let failed = 0;

function step(label, command, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit' });
  return result.status === 0;
}

if (!extra.length) {
  for (const [label, args] of [
    ['svelte-check', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--threshold', 'warning']],
    ['tsc', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']],
    // The pure core type-checks without the DOM library: model, analysis, simulation, formats, views, collab.
    ['pure core without DOM', ['tsc', '-p', 'tsconfig.core.json', '--noEmit']],
    // The layers' import rules (.dependency-cruiser.cjs); known violations being paid down are listed in
    // .dependency-cruiser-known-violations.json and may only shrink.
    ['import boundaries', ['depcruise', 'src', 'workers', '--config', '.dependency-cruiser.cjs', '--ignore-known', '--output-type', 'err']],
  ]) {
    if (step(label, 'npx', args)) passed++;
    else {
      failed++;
      console.log(`✗ ${label} failed`);
    }
  }
}

mkdirSync(join(projectRoot, '.test-results'), { recursive: true });
const report = join(projectRoot, '.test-results', 'vitest.json');
const ok = step('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra]);
try {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A suite that fails to load has no failed test in it, but it is a failure.
  const brokenSuites = results.testResults.filter((r) => r.status === 'failed' && r.assertionResults.every((a) => a.status !== 'failed'));
  failed += brokenSuites.length;
  if (!ok && failed === 0) failed = 1;
} catch {
  failed += 1;
  console.log('✗ vitest produced no report');
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
