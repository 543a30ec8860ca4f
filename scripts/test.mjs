// `npm test`: type check, lint, unit tests, build, end-to-end tests in real browsers — in that order,
// stopping at the first failing step — then one closing line with the totals.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(name, cmd, args) {
  console.log(`\n> ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  return r.status === 0;
}

function vitest(project) {
  const out = `.tmp/vitest-${project}.json`;
  rmSync(out, { force: true });
  const ok = step(`${project} tests`, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
    totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  } else if (!ok) totals.failed += 1;
  return ok;
}

const ok =
  step('type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']) &&
  step('lint', 'npx', ['eslint', '.']) &&
  vitest('unit') &&
  step('build', 'npx', ['vite', 'build', '--logLevel', 'warn']) &&
  step('cli build', 'node', ['scripts/build-cli.mjs']) &&
  vitest('e2e');

if (!ok && totals.failed === 0) totals.failed = 1; // a failed type check, lint or build counts as a failure
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = ok ? 0 : 1;
