#!/usr/bin/env node
// Thin launcher: the CLI is bundled from src/cli by `npm install` (prepare) or `npm run build:cli`.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const bundle = new URL('../dist-cli/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('vna-reader: the CLI is not built yet; run `npm install` or `npm run build:cli` in ' + here + '..\n');
  process.exit(2);
}
const { run, CliError } = await import(bundle.href);
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
try {
  const { out, code } = run(process.argv.slice(2), version);
  process.stdout.write(out);
  process.exitCode = code;
} catch (err) {
  if (err instanceof CliError) {
    process.stderr.write(`vna-reader: ${err.message}\n`);
    process.exitCode = err.code;
  } else {
    process.stderr.write(`vna-reader: internal error: ${err?.message ?? err}\n`);
    process.exitCode = 1;
  }
}
