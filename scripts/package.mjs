// `npm run package`: store-ready zips in release/ — Chrome (dist/), Firefox (dist-firefox/),
// and the Firefox sources zip AMO asks for because the build bundles and minifies.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

function filesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

function zip(outFile, root, files) {
  const entries = {};
  // A fixed date keeps the archives reproducible from the same sources.
  for (const f of files) entries[relative(root, f)] = [readFileSync(f), { mtime: new Date('2024-01-01T00:00:00Z') }];
  writeFileSync(outFile, zipSync(entries, { level: 9 }));
  console.log(`${outFile}  ${(statSync(outFile).size / 1024).toFixed(1)} KiB, ${files.length} files`);
}

mkdirSync('release', { recursive: true });
run('npx', ['vite', 'build', '--logLevel', 'warn']);
zip(`release/vna-reader-chrome-${version}.zip`, 'dist', filesUnder('dist'));
run('node', ['scripts/build-firefox.mjs']);
zip(`release/vna-reader-firefox-${version}.zip`, 'dist-firefox', filesUnder('dist-firefox'));
const tracked = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n').filter(Boolean);
zip(`release/vna-reader-sources-${version}.zip`, '.', tracked);
