// npm run bench:entities:chromium [-- --json]
// Entity recognition in real Chromium (Debian's /usr/bin/chromium through playwright-core),
// not only in Node: the shipped recogniser (src/core/entities, with the model data it
// imports) bundled and minified as the extension bundles it, loaded into a page, then run on
// every corpus article of the train and dev splits and every gold record.
// Reported: the bundle's size raw and gzipped (code + data of the recogniser), the first call
// (which decodes the model: once per context), and the median per article once loaded
// (each article run REPS times, its median taken; then the median over articles). Target < 5 ms.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/e2e/harness';
import { loadCorpus, ROOT } from './lib/corpus';
import { loadGold } from './lib/entity-score';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const json = process.argv.includes('--json');
const REPS = 15;

const res = await build({
  stdin: { contents: "export { extractEntities } from './src/core/entities/index';", resolveDir: ROOT, loader: 'ts' },
  bundle: true,
  minify: true,
  format: 'iife',
  globalName: 'VNAEntities',
  target: 'chrome120',
  write: false,
  logLevel: 'warning',
});
const code = res.outputFiles[0].text;
// the same bundle without the model's data, to tell what the data add to loading a page
const noModel = await build({
  stdin: { contents: "export { extractEntities } from './src/core/entities/index';", resolveDir: ROOT, loader: 'ts' },
  bundle: true, minify: true, format: 'iife', globalName: 'VNAEntities', target: 'chrome120', write: false, logLevel: 'warning',
  plugins: [{ name: 'no-model', setup(b) { b.onLoad({ filter: /entity-model\.json$/ }, () => ({ contents: '{}', loader: 'json' })); } }],
});
const codeNoModel = noModel.outputFiles[0].text;
const size = { rawBytes: Buffer.byteLength(code), gzipBytes: gzipSync(code, { level: 9 }).length };

// Timing is not scoring: the test split is left out anyway, so nothing of it is even run here.
const { docs } = loadCorpus();
const inputs = [
  ...docs.filter((d) => d.split !== 'test').map((d) => d.record),
  ...[resolve(ROOT, '../shared/gold'), resolve(ROOT, 'test/gold')].filter(existsSync).flatMap((d) => loadGold(d)),
];

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
const probe = await (await browser.newContext()).newPage();
await probe.setContent('<!doctype html><title>entities</title>');
// What loading the recogniser costs a page before any article is read (a VNA page that is not
// an article pays only this): evaluating the bundle, whose model data are plain string literals
// decoded on the first call. Median of 7 fresh evaluations.
const loadMs = async (src: string) => {
  await probe.addScriptTag({ content: `window.__CODE = ${JSON.stringify(src)};` });
  return (await probe.evaluate(`(() => {
    const ts = [];
    for (let k = 0; k < 7; k++) { const t0 = performance.now(); (0, eval)(window.__CODE); ts.push(performance.now() - t0); }
    ts.sort((a, b) => a - b);
    delete window.__CODE;
    return ts[3];
  })()`)) as number;
};
const importMs = await loadMs(code);
const importNoModelMs = await loadMs(codeNoModel);
await probe.close();
// timing on a fresh page that loaded the bundle once, as the content script does
const page = await (await browser.newContext()).newPage();
await page.setContent('<!doctype html><title>entities</title>');
await page.addScriptTag({ content: code });
// In-page code as source text: tsx wraps named inner functions in a `__name` helper that does
// not exist in the page (see bench/popup.ts).
const IN_PAGE = `(() => {
  const arts = window.__ARTS, reps = window.__REPS, g = window.VNAEntities;
  const t0 = performance.now();
  g.extractEntities(arts[0]);
  const first = performance.now() - t0;
  const med = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
  for (const a of arts) g.extractEntities(a);
  const per = arts.map((a) => {
    const ts = [];
    for (let k = 0; k < reps; k++) { const s = performance.now(); g.extractEntities(a); ts.push(performance.now() - s); }
    return med(ts);
  });
  const sorted = [...per].sort((a, b) => a - b);
  return { firstCallMs: first, medianMs: med(per), p90Ms: sorted[Math.floor(sorted.length * 0.9)], maxMs: sorted[sorted.length - 1], articles: arts.length };
})()`;
await page.addScriptTag({ content: `window.__ARTS = ${JSON.stringify(inputs)}; window.__REPS = ${REPS};` });
const r = (await page.evaluate(IN_PAGE)) as { firstCallMs: number; medianMs: number; p90Ms: number; maxMs: number; articles: number };
await browser.close();
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const result = {
  browser: CHROMIUM,
  size,
  timing: { importMs: r3(importMs), importWithoutModelMs: r3(importNoModelMs), firstCallMs: r3(r.firstCallMs), medianMs: r3(r.medianMs), p90Ms: r3(r.p90Ms), maxMs: r3(r.maxMs), articles: r.articles },
  targets: [
    { name: 'Chromium median ms per article once loaded', value: r3(r.medianMs), max: 5, pass: r.medianMs < 5 },
    { name: 'recogniser code + data gzipped (bytes)', value: size.gzipBytes, max: 400 * 1024, pass: size.gzipBytes <= 400 * 1024 },
  ],
};
if (json) console.log(JSON.stringify(result));
else {
  console.log(`recogniser bundle (code + data, minified): ${(size.rawBytes / 1024).toFixed(1)} KB raw, ${(size.gzipBytes / 1024).toFixed(1)} KB gzipped`);
  console.log(`model data: ${((size.rawBytes - Buffer.byteLength(codeNoModel)) / 1024).toFixed(1)} KB raw of the bundle`);
  console.log(`Chromium ${CHROMIUM}: loading the bundle ${r3(importMs)} ms (${r3(importNoModelMs)} ms without the model's data; nothing decoded); first call (decodes the model if one ships; cold code) ${r3(r.firstCallMs)} ms; median ${r3(r.medianMs)} ms per article once loaded (p90 ${r3(r.p90Ms)}, max ${r3(r.maxMs)}) over ${r.articles} articles`);
  for (const t of result.targets) console.log(`  ${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.value} (max ${t.max})`);
}
