// `npm run bench`: every benchmark in turn, each printing its own table with its anchors
// measured in the same run. `--json` collects their JSON objects into one.
import { execFileSync } from 'node:child_process';

const json = process.argv.includes('--json');
const benches = ['extract', 'entities', 'store', 'popup', 'content', 'hostile', 'hostile-corpus'];
const out = {};
let failed = 0;
for (const b of benches) {
  if (!json) console.log(`\n=== bench:${b} ===`);
  try {
    const stdout = execFileSync('npx', ['tsx', `bench/${b}.ts`, ...(json ? ['--json'] : [])], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20,
    });
    if (json) out[b] = JSON.parse(stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop());
    else process.stdout.write(stdout);
  } catch (err) {
    failed++;
    console.error(`bench:${b} failed: ${err.message.split('\n')[0]}`);
    if (json) out[b] = { error: String(err.message).split('\n')[0] };
  }
}
if (json) console.log(JSON.stringify(out));
process.exitCode = failed ? 1 : 0;
