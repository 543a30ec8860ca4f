// `npm run build:firefox`: the same sources built for Firefox MV3 into dist-firefox/.
// Firefox runs MV3 backgrounds as event pages (`background.scripts`), needs a gecko id, and
// (for new add-ons) a data-collection declaration: we collect nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const mode = process.argv.includes('--test-hooks') ? 'firefox-test' : 'firefox';
execFileSync('npx', ['vite', 'build', '--mode', mode, '--logLevel', 'warn'], { stdio: 'inherit' });

const path = 'dist-firefox/manifest.json';
const m = JSON.parse(readFileSync(path, 'utf8'));
m.background = { scripts: [m.background.service_worker], type: 'module' };
m.browser_specific_settings = {
  gecko: {
    id: 'vna-reader@vna-reader',
    strict_min_version: '140.0',
    data_collection_permissions: { required: ['none'] },
  },
};
// The product matches VNA over https only (SECURITY.md). The smoke test's local proxy speaks
// plain http, so only the test build also matches http:// on the same hosts.
if (mode === 'firefox-test') {
  const withHttp = (list) => [...list, ...list.map((p) => p.replace(/^https:/, 'http:'))];
  for (const cs of m.content_scripts) {
    cs.matches = withHttp(cs.matches);
    if (cs.exclude_matches) cs.exclude_matches = withHttp(cs.exclude_matches);
  }
  m.host_permissions = withHttp(m.host_permissions);
  for (const w of m.web_accessible_resources ?? []) if (w.matches) w.matches = withHttp(w.matches);
}
// Chrome-only key; Firefox rejects unknown properties in web_accessible_resources.
for (const w of m.web_accessible_resources ?? []) delete w.use_dynamic_url;
writeFileSync(path, JSON.stringify(m, null, 2) + '\n');
console.log(`dist-firefox/ built (${mode})`);
