// Release packaging: `npm run package` writes the store zips, and the Firefox build passes
// `web-ext lint` with no error and only the two warnings the README explains.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { ROOT } from './harness';

const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
const EXPECTED_WARNINGS = ['KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION', 'UNSAFE_VAR_ASSIGNMENT'];

describe('release packaging', () => {
  it('writes Chrome, Firefox and sources zips, and the Firefox build lints clean', () => {
    execFileSync('node', ['scripts/package.mjs'], { cwd: ROOT, stdio: 'pipe' });

    const chrome = unzipSync(readFileSync(join(ROOT, `release/vna-reader-chrome-${version}.zip`)));
    const cm = JSON.parse(strFromU8(chrome['manifest.json']));
    expect(cm.manifest_version).toBe(3);
    expect(cm.background.service_worker).toBeTruthy();
    expect(Object.keys(chrome)).toContain('_locales/fr/messages.json');

    const firefox = unzipSync(readFileSync(join(ROOT, `release/vna-reader-firefox-${version}.zip`)));
    const fm = JSON.parse(strFromU8(firefox['manifest.json']));
    expect(fm.background.scripts).toHaveLength(1);
    expect(fm.background.service_worker).toBeUndefined();
    expect(fm.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(fm.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(fm.host_permissions).toEqual(cm.host_permissions);
    expect(fm.permissions).toEqual(cm.permissions);
    // The package build must not carry the Firefox smoke test's hook.
    const js = Object.entries(firefox).filter(([n]) => n.endsWith('.js')).map(([, b]) => strFromU8(b)).join('\n');
    expect(js).not.toContain('vnaReaderTest');

    const sources = unzipSync(readFileSync(join(ROOT, `release/vna-reader-sources-${version}.zip`)));
    expect(Object.keys(sources)).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'manifest.json', 'README.md']));

    let out: string;
    try {
      out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', 'dist-firefox', '--output', 'json', '--no-config-discovery'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err: any) {
      out = err.stdout; // web-ext exits non-zero when there are errors: the report says which.
    }
    const report = JSON.parse(out);
    expect(report.errors.map((e: any) => `${e.code} ${e.file}`)).toEqual([]);
    for (const w of report.warnings) expect(EXPECTED_WARNINGS, `${w.code} ${w.file}`).toContain(w.code);
  }, 120_000);
});
