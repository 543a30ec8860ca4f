// `npm run bench:hostile-corpus` (part of `npm run bench`): the WHOLE third-party XSS corpus
// (blns "Script Injection", test/fixtures/hostile/third-party.ts) through every view of the
// built extension (dist/) in real Chromium; `npm test` runs only a sample of it. Prints the
// pages, payloads and positions covered, how many payloads the unsafe-sink canary saw run,
// the problems found (0 expected) and the time; `--json` prints them as one object.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const json = process.argv.includes('--json');
const out = resolve(ROOT, '.tmp/hostile-corpus.json');
rmSync(out, { force: true });
const t0 = Date.now();
const r = spawnSync('npx', ['vitest', 'run', '--project', 'e2e', 'test/e2e/hostile-corpus.test.ts'], {
  cwd: ROOT, env: { ...process.env, VNA_HOSTILE_FULL: '1' }, stdio: json ? ['ignore', 'ignore', 'inherit'] : 'inherit',
});
const seconds = Math.round((Date.now() - t0) / 1000);
let s: { pages: number; payloads: number; positions: string[]; sinkFired: number; sinkTried: number; problems: string[] } | null;
try {
  s = JSON.parse(readFileSync(out, 'utf8'));
} catch {
  s = null;
}
const result = {
  ok: r.status === 0,
  pages: s?.pages ?? 0,
  payloads: s?.payloads ?? 0,
  positions: s?.positions.length ?? 0,
  canaryRan: s ? `${s.sinkFired}/${s.sinkTried}` : null,
  problems: s?.problems.length ?? null,
  seconds,
};
if (json) console.log(JSON.stringify(result));
else {
  console.log(`\nthird-party corpus: ${result.pages} pages, ${result.payloads} payloads in ${result.positions} positions`);
  console.log(`canary (unsafe sink in the page): ${result.canaryRan} payloads ran; problems in our views: ${result.problems}; ${seconds} s`);
}
process.exitCode = r.status === 0 ? 0 : 1;
