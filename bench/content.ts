// npm run bench:content [-- --json] [-- --runs N]
// What the content script costs a reader, measured as a reader meets it: cold, in fresh tabs of
// real Chromium with the built extension (dist/), from browser traces.
//
// - For a VNA article (seed-000, layout "new") and a VNA home page, N fresh tabs each, traced
//   from navigation to 2.5 s after load (past the content script's idle-time work): the main-
//   thread time spent in the extension's scripts (compile, module evaluation, function calls:
//   the union of those trace events whose script URL is chrome-extension://<id>/…), the longest
//   task that contains any of it, and the bytes of the extension scripts the tab compiled.
// - Extraction cold against Readability cold on the same live DOM: each library bundled as one
//   script, injected into a fresh tab of the same page served where the extension does not run,
//   then called once (V8 compiles lazily, so the first call is what a visit pays).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { CDPSession, Page } from 'playwright-core';
import { launchExtension, fixture, ROOT, type Ext } from '../test/e2e/harness';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Math.max(3, Number(args[runsArg + 1]) || 8) : 8;

const ARTICLE = 'https://fr.vietnamplus.vn/maintien-de-la-paix-cooperation-renforcee-entre-le-vietnam-et-la-france-post128832.vnp';
const HOME = 'https://fr.vietnamplus.vn/';
const NEUTRAL = 'https://bench.example/article.html';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length ? (s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) : NaN;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: any }

async function trace(session: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (e: any) => events.push(...e.value));
  const done = new Promise<void>((r) => session.once('Tracing.tracingComplete', () => r()));
  await session.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.compile', 'toplevel'] },
  } as any);
  await run();
  await session.send('Tracing.end');
  await done;
  return events;
}

const urlOf = (e: TraceEvent): string | undefined => e.args?.data?.url ?? e.args?.fileName ?? e.args?.data?.scriptName ?? e.args?.url;

/** Main-thread cost of our scripts in one trace: union of our events' intervals, longest enclosing task, scripts compiled. */
function analyse(events: TraceEvent[], extId: string) {
  const ours = (u?: string) => !!u && u.startsWith(`chrome-extension://${extId}/`);
  // Main threads of renderers only: V8 also parses modules on background threads, off the page's way.
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const spans = events.filter((e) => e.ph === 'X' && e.dur !== undefined && ours(urlOf(e)) && main.has(`${e.pid}:${e.tid}`));
  const scripts = new Set(events.filter((e) => ours(urlOf(e))).map((e) => urlOf(e)!.split('?')[0]));
  const byThread = new Map<string, [number, number][]>();
  for (const e of spans) {
    const k = `${e.pid}:${e.tid}`;
    if (!byThread.has(k)) byThread.set(k, []);
    byThread.get(k)!.push([e.ts, e.ts + e.dur!]);
  }
  let total = 0;
  let longest = 0;
  for (const [k, iv] of byThread) {
    iv.sort((a, b) => a[0] - b[0]);
    let [s, t] = iv[0];
    const merged: [number, number][] = [];
    for (const [a, b] of iv.slice(1)) {
      if (a <= t) t = Math.max(t, b);
      else { merged.push([s, t]); [s, t] = [a, b]; }
    }
    merged.push([s, t]);
    for (const [a, b] of merged) total += b - a;
    const [pid, tid] = k.split(':').map(Number);
    for (const task of events) {
      if (task.pid !== pid || task.tid !== tid || task.ph !== 'X' || !/^(RunTask|ThreadControllerImpl::RunTask)$/.test(task.name)) continue;
      const end = task.ts + (task.dur ?? 0);
      if (merged.some(([a, b]) => a < end && task.ts < b)) longest = Math.max(longest, (task.dur ?? 0));
    }
  }
  const dist = join(ROOT, 'dist');
  let bytes = 0;
  for (const u of scripts) {
    try {
      bytes += statSync(join(dist, new URL(u).pathname)).size;
    } catch { /* not a file of dist (inline) */ }
  }
  return { cpuMs: total / 1000, longestTaskMs: longest / 1000, bytes, scripts: [...scripts].map((u) => new URL(u).pathname) };
}

async function visit(ext: Ext, url: string) {
  const page = await ext.context.newPage();
  const session = await ext.context.newCDPSession(page);
  const events = await trace(session, async () => {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(2500);
  });
  await session.detach().catch(() => {});
  await page.close();
  return analyse(events, ext.id);
}

async function bundle(entry: string, globalName: string): Promise<string> {
  const r = await build({ stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' }, bundle: true, write: false, format: 'iife', globalName, platform: 'browser', target: 'chrome120', minify: true, logLevel: 'silent' });
  return r.outputFiles[0].text;
}

async function coldCall(ext: Ext, lib: string, call: string): Promise<{ firstCallMs: number; injectAndCallMs: number }> {
  const page: Page = await ext.context.newPage();
  await page.goto(NEUTRAL, { waitUntil: 'load' });
  const res = await page.evaluate(({ lib, call }) => {
    const t0 = performance.now();
    // The library is compiled as a classic script, as a bundle in a content script would be.
    (0, eval)(lib);
    const t1 = performance.now();
    (0, eval)(call);
    const t2 = performance.now();
    return { firstCallMs: t2 - t1, injectAndCallMs: t2 - t0 };
  }, { lib, call });
  await page.close();
  return res;
}

async function main() {
  const ext = await launchExtension();
  const page = fixture('seed-000.new.html');
  ext.serve(ARTICLE, page);
  ext.serve(NEUTRAL, page);
  ext.serve(HOME, readFileSync(join(ROOT, 'test/fixtures/drifted/neg-home.html'), 'utf8'));
  try {
    // One untimed visit each: the browser's own first load of the extension's files.
    await visit(ext, ARTICLE);
    await visit(ext, HOME);
    const samples: Record<'article' | 'home', ReturnType<typeof analyse>[]> = { article: [], home: [] };
    for (let i = 0; i < RUNS; i++) {
      samples.article.push(await visit(ext, ARTICLE));
      samples.home.push(await visit(ext, HOME));
    }
    const ours = await bundle(`export { extractArticle } from './src/core/extract';`, 'VnaExtract');
    const readability = await bundle(`export { Readability } from '@mozilla/readability';`, 'Rdb');
    const oursCold: number[] = [];
    const rdbCold: number[] = [];
    const oursAll: number[] = [];
    const rdbAll: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const a = await coldCall(ext, ours, `VnaExtract.extractArticle(document, ${JSON.stringify(ARTICLE)})`);
      const b = await coldCall(ext, readability, `new Rdb.Readability(document.cloneNode(true)).parse()`);
      oursCold.push(a.firstCallMs); oursAll.push(a.injectAndCallMs);
      rdbCold.push(b.firstCallMs); rdbAll.push(b.injectAndCallMs);
    }
    const sum = (k: 'article' | 'home') => ({
      cpuMs: r1(median(samples[k].map((s) => s.cpuMs))),
      longestTaskMs: r1(median(samples[k].map((s) => s.longestTaskMs))),
      maxLongestTaskMs: r1(Math.max(...samples[k].map((s) => s.longestTaskMs))),
      kb: r1(median(samples[k].map((s) => s.bytes)) / 1024),
      scripts: samples[k][0]?.scripts ?? [],
    });
    const out = {
      runs: RUNS,
      article: sum('article'),
      home: sum('home'),
      extractionCold: {
        oursFirstCallMs: r1(median(oursCold)), readabilityFirstCallMs: r1(median(rdbCold)),
        oursWithCompileMs: r1(median(oursAll)), readabilityWithCompileMs: r1(median(rdbAll)),
        oursBundleKb: r1(ours.length / 1024), readabilityBundleKb: r1(readability.length / 1024),
      },
      targets: {
        homeCpuUnder2ms: median(samples.home.map((s) => s.cpuMs)) < 2,
        homeScriptUnder10kb: median(samples.home.map((s) => s.bytes)) < 10 * 1024,
        articleCpuUnder25ms: median(samples.article.map((s) => s.cpuMs)) < 25,
        articleNoTaskOver50ms: Math.max(...samples.article.map((s) => s.longestTaskMs)) <= 50,
        extractionColdNoSlowerThanReadability: median(oursCold) <= median(rdbCold),
      },
    };
    if (asJson) console.log(JSON.stringify(out));
    else {
      console.log(`content script, cold fresh tabs (${RUNS} each), Chromium main thread, medians:`);
      console.log(`  article  ${out.article.cpuMs} ms CPU in our scripts, longest task ${out.article.longestTaskMs} ms (max ${out.article.maxLongestTaskMs}), ${out.article.kb} KB of script`);
      console.log(`  home     ${out.home.cpuMs} ms CPU in our scripts, longest task ${out.home.longestTaskMs} ms (max ${out.home.maxLongestTaskMs}), ${out.home.kb} KB of script`);
      console.log(`  article scripts: ${out.article.scripts.join(', ')}`);
      console.log(`  home scripts:    ${out.home.scripts.join(', ')}`);
      const e = out.extractionCold;
      console.log(`extraction cold on the same live DOM (first call in a fresh tab): ours ${e.oursFirstCallMs} ms, Readability ${e.readabilityFirstCallMs} ms (ratio ${r1(e.oursFirstCallMs / e.readabilityFirstCallMs * 100) / 100}); with compile: ${e.oursWithCompileMs} vs ${e.readabilityWithCompileMs} ms`);
      console.log('targets:', out.targets);
    }
  } finally {
    await ext.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
