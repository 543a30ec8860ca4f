// Bundles the CLI (src/cli + src/core) for Node with esbuild: run by `npm install` (prepare)
// so that `npx vna-reader` works right after the README's set-up command.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist-cli/cli.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});

// npm does not link a project's own `bin` into its node_modules/.bin, and `npx vna-reader`
// would otherwise look for a package of that name on the registry.
import { mkdirSync, rmSync, symlinkSync, chmodSync } from 'node:fs';
mkdirSync('node_modules/.bin', { recursive: true });
rmSync('node_modules/.bin/vna-reader', { force: true });
symlinkSync('../../bin/vna-reader.mjs', 'node_modules/.bin/vna-reader');
chmodSync('bin/vna-reader.mjs', 0o755);
