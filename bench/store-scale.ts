// npm run bench:store -- --scale 1000,30000,100000 [--runs 15] [--json]
// npm run bench:store -- --scale 100000 --only search [--ab DIR --rounds 2] [--cold 10] [--phases] [--profile]
// Issue 17: the archive at several sizes, in the built extension (dist/) in real Chromium, the
// way a reader meets it. Per size, one Chromium profile under .tmp/bench-store/ holds the
// generated archive in the extension's own IndexedDB (generated once, reused by later runs:
// 100,000 dispatches take minutes to write).
//
// Cold samples: before each one the service worker is stopped through CDP
// (ServiceWorker.stopAllWorkers), and the measuring page is a fresh navigation (a new JS realm,
// nothing of the archive in memory). Warm samples: the same page/worker again.
// - popup related painted: the popup for a fixture article tab, navigation start → the frame
//   holding the related list (rows or "no related") painted (in-page clock).
// - library first row painted: the library page, navigation start → first row painted.
// - related / search / save / list: the store's own calls in an extension page (the worker
//   runs the same code for related); cold = the first call in a fresh page.
// - service-worker heap: Runtime.getHeapUsage of the worker right after a cold popup.
// - bytes per dispatch: navigator.storage.estimate() of the extension origin / dispatches.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { loadGold } from '../test/support/store-fixtures';
import { launchExtension, openArticle, extUrl, gold, ROOT, FIXTURES, type Ext } from '../test/e2e/harness';
import { bundleStore } from './store-browser';
import { stopWorkers, storePage } from './lib/ext-pages';
import { DB_VERSION } from '../src/store/schema';
import { waitPainted } from './lib/painted';
import { argOf } from './lib/args';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const SCALES = argOf('--scale', '1000,30000,100000').split(',').map((s) => Number(s.replace(/_/g, '')));
const RUNS = Number(argOf('--runs', '15'));
const COLD = Number(argOf('--cold', '5'));
const CACHE = join(ROOT, '.tmp/bench-store');
/**
 * `--base DIR`: the same measurements for another checkout (its dist/ and its store code), e.g.
 * the commit before issue 17 for the "before" figures; its archives are cached separately.
 */
const BASE = argv.includes('--base') ? argOf('--base', '') : null;
/**
 * `--only search`: the cold and warm search calls alone (no popup, library, related or save),
 * with a per-phase breakdown of each cold search when the store exposes one (searchPhases).
 * For before/after comparisons of the search path, back to back in the same load.
 */
const ONLY = argv.includes('--only') ? argOf('--only', '') : null;
/** With `--only search`: `--ab DIR` also measures DIR's store code on the same archive, sample by sample interleaved (same load). */
const AB = argv.includes('--ab') ? argOf('--ab', '') : null;
const TARGETS = { popupRelatedPaintedMs: 150, libraryFirstRowMs: 400, searchMs: 30, relatedMs: 30, saveMs: 20, workerHeapMB: 40, bytesPerDispatch: 8 * 1024 };
const log = (s: string) => json || process.stderr.write(s + '\n');

const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r1 = (x: number) => Math.round(x * 10) / 10;



/** JS heap used by the extension's service worker (attached through the page's CDP session). */
async function workerHeapMB(cdp: CDPSession, extId: string): Promise<number> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(extId));
  if (!sw) return NaN;
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false })) as { sessionId: string };
  const reply = new Promise<number>((resolve) => {
    const on = (e: { sessionId: string; message: string }) => {
      if (e.sessionId !== sessionId) return;
      const m = JSON.parse(e.message);
      if (m.id === 1) {
        cdp.off('Target.receivedMessageFromTarget', on as never);
        resolve((m.result?.usedSize ?? NaN) / 1024 / 1024);
      }
    };
    cdp.on('Target.receivedMessageFromTarget', on as never);
    setTimeout(() => resolve(NaN), 5000);
  });
  await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
  const mb = await reply;
  await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  return mb;
}


async function generate(ext: Ext, script: string, n: number): Promise<{ ms: number }> {
  const page = await storePage(ext, script);
  const golds = loadGold();
  const t0 = Date.now();
  const CHUNK = 1000;
  const have = await page.evaluate(async () => new (globalThis as any).vnaStore.Archive().count());
  for (let i = have; i < n; i += CHUNK) {
    await page.evaluate(
      async ({ golds, i, n, CHUNK }) => {
        const S = (globalThis as any).vnaStore;
        const a = ((globalThis as any).benchArchive ??= new S.Archive({ indexSnapshot: false }));
        const items = [];
        for (let j = i; j < Math.min(n, i + CHUNK); j++) items.push({ ...S.makeDispatch(golds, j), savedAt: Date.UTC(2016, 0, 1) + j * 3_000_000 });
        await a.saveMany(items);
      },
      { golds, i, n, CHUNK },
    );
    if ((i / CHUNK) % 10 === 0) log(`  generated ${Math.min(n, i + CHUNK)} / ${n} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  await page.close();
  return { ms: Date.now() - t0 };
}

/** The first search of a fresh store page (a new Archive, its connection open): BENCH_QUERIES[i], in ms. */
function coldSearch(page: Page, i: number): Promise<number> {
  return page.evaluate(async (i) => {
    const S = (globalThis as any).vnaStore;
    const c = new S.Archive();
    await c.db();
    const t0 = performance.now();
    await c.search(S.BENCH_QUERIES[i % S.BENCH_QUERIES.length], { limit: 20 });
    return performance.now() - t0;
  }, i);
}

/**
 * The store's calls in an extension page: cold = the first call in a fresh page after the
 * worker is stopped, and medians after (warm). Related and search each get their own fresh
 * page, as a reader meets them (the popup's related list, the library opened on a search); the
 * list and count follow the related call in its page. Until stop 15 the cold search was the
 * fourth call of the related call's page (after related, list and count): that figure is still
 * measured and shown (`searchAfterRelatedMs`), to compare with earlier stops' figures (in stop 15's
 * runs it was sometimes above the fresh page's, sometimes below: 17.9 vs 23 and 21.4 vs 15 ms).
 */
async function storeCalls(ext: Ext, script: string, cdp: CDPSession, n: number) {
  const golds = loadGold();
  const cold = { related: [] as number[], search: [] as number[], searchAfterRelated: [] as number[], list: [] as number[], count: [] as number[] };
  for (let i = 0; i < COLD; i++) {
    await stopWorkers(cdp);
    const page = await storePage(ext, script);
    const r = await page.evaluate(
      async ({ golds, n, i }) => {
        const S = (globalThis as any).vnaStore;
        const a = new S.Archive();
        await a.db();
        const t = async (f: () => Promise<unknown>) => {
          const t0 = performance.now();
          await f();
          return performance.now() - t0;
        };
        const fresh = S.makeDispatch(golds, n + 10_000 + i);
        const related = await t(() => a.related(fresh.article, fresh.entities, { k: 10 }));
        const b = new S.Archive();
        await b.db();
        const list = await t(() => b.list({ limit: 50 }));
        const count = await t(() => b.count());
        const c = new S.Archive();
        await c.db();
        const searchAfterRelated = await t(() => c.search(S.BENCH_QUERIES[i % S.BENCH_QUERIES.length], { limit: 20 }));
        return { related, list, count, searchAfterRelated };
      },
      { golds, n, i },
    );
    await page.close();
    await stopWorkers(cdp);
    const sp = await storePage(ext, script);
    const search = await coldSearch(sp, i);
    await sp.close();
    for (const k of Object.keys(r) as (keyof typeof r)[]) cold[k].push(r[k]);
    cold.search.push(search);
  }
  const page = await storePage(ext, script);
  const warm = await page.evaluate(
    async ({ golds, n, RUNS }) => {
      const S = (globalThis as any).vnaStore;
      // Word deltas and the index tail are merged by hand below (timed), not by the idle timers.
      const a = new S.Archive({ wordMerge: false, tailMerge: false });
      const t = async (f: () => Promise<unknown>) => {
        const t0 = performance.now();
        await f();
        return performance.now() - t0;
      };
      await a.search('hanoi');
      await a.related(S.makeDispatch(golds, n + 1).article, S.makeDispatch(golds, n + 1).entities, { k: 10 });
      const out = { related: [] as number[], search: [] as number[], list: [] as number[], save: [] as number[] };
      for (let i = 0; i < RUNS; i++) {
        const rel = S.makeDispatch(golds, n + 100 + i);
        out.related.push(await t(() => a.related(rel.article, rel.entities, { k: 10 })));
        out.search.push(await t(() => a.search(S.BENCH_QUERIES[i % S.BENCH_QUERIES.length], { limit: 20 })));
        out.list.push(await t(() => a.list({ offset: 0, limit: 50 })));
        const s = S.makeDispatch(golds, n + 1000 + i);
        out.save.push(await t(() => a.save(s.article, s.entities)));
      }
      // The index tail the saves left, folded into the shards as the writer does when idle.
      let folded = 0;
      const foldMs = await t(async () => (folded = await a.mergeIndexTail()));
      // The saves are undone so that the cached archive stays at n dispatches.
      for (let i = 0; i < RUNS; i++) await a.remove(S.makeDispatch(golds, n + 1000 + i).article.id);
      // The 2 × RUNS word deltas those left, merged into the shards as the writer does when idle.
      let merged = 0;
      const mergeMs = await t(async () => (merged = await a.mergeWordDeltas()));
      const db = await a.db();
      await db.clear('trash');
      const est = await navigator.storage.estimate();
      return { ...out, mergeBatchMs: merged ? (mergeMs / merged) * S.WORD_MERGE_BATCH : NaN, tailFoldBatchMs: folded ? (foldMs / folded) * S.TAIL_MERGE_BATCH : NaN, bytes: est.usage ?? NaN, count: await a.count() };
    },
    { golds, n, RUNS },
  );
  await page.close();
  return { cold, warm };
}

/**
 * `--only search`: cold search (first call in a fresh page after the worker is stopped) per
 * BENCH_QUERIES[i], then the phases of the same query in another cold page, read by hand from
 * IndexedDB (bench-only, no store code changed): the shards' getAll (records, ords), the
 * summary and deltas, the pub columns; and the warm medians.
 */
async function searchOnly(ext: Ext, script: string, cdp: CDPSession) {
  const cold: number[] = [];
  const phases: Record<string, number>[] = [];
  for (let i = 0; i < COLD; i++) {
    await stopWorkers(cdp);
    const page = await storePage(ext, script);
    // `--profile`: the cold search under the CDP sampling profiler, self time per function.
    const prof = argv.includes('--profile') ? await ext.context.newCDPSession(page) : null;
    if (prof) {
      await prof.send('Profiler.enable');
      await prof.send('Profiler.setSamplingInterval', { interval: 100 });
      await prof.send('Profiler.start');
    }
    cold.push(await coldSearch(page, i));
    if (prof) {
      const { profile } = (await prof.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; lineNumber: number }; hitCount?: number }[]; samples: number[]; timeDeltas: number[] } };
      const self = new Map<string, number>();
      const byId = new Map(profile.nodes.map((nd) => [nd.id, nd]));
      profile.samples.forEach((id, j) => {
        const nd = byId.get(id)!;
        const name = `${nd.callFrame.functionName || '(anon)'}:${nd.callFrame.lineNumber}`;
        self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[j] ?? 0) / 1000);
      });
      log(`profile ${i}: ` + [...self].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `${k} ${r1(v)}`).join(', '));
    }
    await page.close();
    await stopWorkers(cdp);
    const p2 = await storePage(ext, script);
    phases.push(
      await p2.evaluate(async (i) => {
        const S = (globalThis as any).vnaStore;
        const a = new S.Archive();
        const db = await a.db();
        const q = S.BENCH_QUERIES[i % S.BENCH_QUERIES.length] as string;
        const terms = S.indexWords(q) as string[];
        const out: Record<string, number> = {};
        let t = performance.now();
        const tx = db.transaction([S.STORE.words, S.STORE.wordDeltas, S.STORE.ordCols, S.STORE.meta], 'readonly');
        await tx.objectStore(S.STORE.meta).get(S.META.summary);
        out.summaryMs = performance.now() - t;
        t = performance.now();
        const d = await tx.objectStore(S.STORE.wordDeltas).getAll();
        out.deltasMs = performance.now() - t;
        out.deltas = d.length;
        t = performance.now();
        const lists = await Promise.all(terms.map((w) => tx.objectStore(S.STORE.words).getAll(IDBKeyRange.bound([w, -Infinity], [w + '\uffff', Infinity]))));
        out.wordsGetAllMs = performance.now() - t;
        out.records = lists.reduce((x: number, l: any[]) => x + l.length, 0);
        out.ords = lists.reduce((x: number, l: any[]) => x + l.reduce((y: number, r: any) => y + r.o.length, 0), 0);
        t = performance.now();
        const cols = await tx.objectStore(S.STORE.ordCols).getAll(IDBKeyRange.bound(['pub', -Infinity], ['pub', Infinity]));
        out.pubColsMs = performance.now() - t;
        out.pubCols = cols.length;
        // The search's own steps, in this cold page, on its own transaction (reads warm in the browser process).
        const st = S.searchSteps;
        // Another checkout (--ab) may not expose the steps.
        if (!st) return out;
        const tx2 = db.transaction([S.STORE.words, S.STORE.wordDeltas, S.STORE.ordCols, S.STORE.meta, S.STORE.cards], 'readonly');
        t = performance.now();
        const h = await st.findWordHits(tx2, terms);
        out.findWordHitsMs = performance.now() - t;
        out.hits = h.ords.length;
        t = performance.now();
        const best = st.bestScoreHits(h.scores, null, 20);
        out.bestScoreMs = performance.now() - t;
        out.best = best.length;
        t = performance.now();
        const src = await h.pubSource(best);
        out.pubSourceMs = performance.now() - t;
        t = performance.now();
        const cand = st.relevanceCandidates(h, best, 20, src);
        out.candMs = performance.now() - t;
        out.cand = cand.length;
        t = performance.now();
        // v8 (day columns): the candidates' exact dates from their cards; before: the pub columns.
        if (h.exactCols) await h.exactCols(cand);
        else await h.cols(cand, ['pub']);
        out.colsMs = performance.now() - t;
        t = performance.now();
        const top = await st.rankHits(h, cand, 20, 'relevance', false, (x: number[]) => h.loadExact(x));
        out.rankMs = performance.now() - t;
        out.exactLoaded = h.exact.size;
        t = performance.now();
        await Promise.all(top.map((i: number) => tx2.objectStore(S.STORE.cards).get(h.ords[i])));
        out.cardsMs = performance.now() - t;
        t = performance.now();
        await a.search(q, { limit: 20 });
        out.searchAfterMs = performance.now() - t;
        return out;
      }, i),
    );
    await p2.close();
  }
  const page = await storePage(ext, script);
  const warm = await page.evaluate(async (RUNS) => {
    const S = (globalThis as any).vnaStore;
    const a = new S.Archive({ wordMerge: false });
    await a.search('hanoi');
    const xs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await a.search(S.BENCH_QUERIES[i % S.BENCH_QUERIES.length], { limit: 20 });
      xs.push(performance.now() - t0);
    }
    return xs;
  }, RUNS);
  await page.close();
  return { cold, warm, phases };
}

/** Popup for an article tab: navigation start → related list painted; and the worker's heap. */
async function popupRelated(ext: Ext, cdp: CDPSession, tabId: number, cold: boolean) {
  if (cold) await stopWorkers(cdp);
  const page = await ext.context.newPage();
  await page.goto(extUrl(ext, `src/popup/index.html?tab=${tabId}`), { waitUntil: 'commit' });
  const ms = await waitPainted(page, '[data-testid=related], [data-testid=no-related]', 60_000);
  const heap = cold ? await workerHeapMB(cdp, ext.id) : NaN;
  await page.close();
  return { ms, heap };
}

async function libraryFirstRow(ext: Ext, cdp: CDPSession, cold: boolean, query = ''): Promise<{ ms: number; heapMB: number }> {
  if (cold) await stopWorkers(cdp);
  const page = await ext.context.newPage();
  await page.goto(extUrl(ext, `src/pages/library/index.html${query ? `?q=${encodeURIComponent(query)}` : ''}`), { waitUntil: 'commit' });
  const ms = await waitPainted(page, '[data-testid=dispatch-row]', 60_000);
  if (query) {
    await page.close();
    return { ms, heapMB: NaN };
  }
  // The page's heap once its first screen (rows, counts, tags, sites) has settled.
  await new Promise((r) => setTimeout(r, 500));
  const s = await ext.context.newCDPSession(page);
  // Extension pages share one renderer (one V8 heap): collect what closed pages left first.
  await s.send('HeapProfiler.collectGarbage').catch(() => {});
  const heap = (await s.send('Runtime.getHeapUsage')) as { usedSize: number };
  await s.detach().catch(() => {});
  await page.close();
  return { ms, heapMB: heap.usedSize / 1024 / 1024 };
}

/** The cached Chromium profile of one size. Keyed by size only: a newer schema migrates the cached archive on its first open (untimed). */
const profileOf = (n: number) => join(CACHE, BASE ? `base-${n}` : `ext-${n}`);

/** Bytes of the files under a directory (the profile's IndexedDB, read once the browser has closed it). */
function dirBytes(dir: string): number {
  if (!existsSync(dir)) return NaN;
  let sum = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) sum += e.isDirectory() ? dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return sum;
}

/**
 * One size's figures, and the bytes of its IndexedDB files once the browser closed (LevelDB
 * compacts then): navigator.storage.estimate() is the browser's running count, which after a
 * burst of writes (the warm saves and removes) can stand above the files, e.g. 20.9 MB for
 * 9.5 MB of files at 1,000 dispatches.
 */
async function one(n: number, script: string) {
  const r = await measure(n, script);
  if (!r) return r;
  const files = dirBytes(join(profileOf(n), 'Default', 'IndexedDB'));
  return { ...r, filesBytesPerDispatch: Math.round(files / Math.max(1, r.dispatches)), filesMB: r1(files / 1024 / 1024) };
}

async function measure(n: number, script: string) {
  mkdirSync(CACHE, { recursive: true });
  const profile = profileOf(n);
  const marker = `${profile}.ready.json`;
  // A marker without its profile (the profile moved or deleted by hand) is no cache.
  if (existsSync(marker) && !existsSync(profile)) rmSync(marker);
  // A reused profile keeps the service worker it registered on an earlier run, scripts
  // included: Chromium does not re-register an unpacked extension's worker whose manifest is
  // unchanged, so the worker measured would be the build of that earlier run, not dist/'s.
  // Dropping the registration (not the archive: that is IndexedDB) makes it load dist/ again (an old worker would also refuse a database upgraded by the new code).
  rmSync(join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });
  const ext = await launchExtension({ profile, ...(BASE ? { dist: join(BASE, 'dist') } : {}) });
  try {
    if (existsSync(marker)) {
      const p = await storePage(ext, script);
      const t0 = Date.now();
      const got = await p.evaluate(async () => {
        const S = (globalThis as any).vnaStore;
        const a = new S.Archive();
        const count = await a.count();
        // A reader's library writes the index snapshot once it has loaded the index: the
        // cold search below then loads it as a real second visit would (one get).
        const db = await a.db();
        if (!(await db.get(S.STORE.meta, S.META.indexSnapshot))) {
          await a.index();
          await a.writeIndexSnapshot();
        }
        await a.close();
        return count;
      });
      if (got !== n) throw new Error(`the cached archive ${profile} holds ${got} dispatches, not ${n}: delete it and ${marker} to generate it again`);
      log(`  opened the cached archive: ${got} dispatches (${Date.now() - t0} ms, including any schema upgrade (DB_VERSION ${DB_VERSION}) and the first index snapshot)`);
      await p.close();
    }
    let genMs: number | null = null;
    if (!existsSync(marker)) {
      log(`generating ${n} dispatches into ${profile} (once; later runs reuse it)`);
      genMs = (await generate(ext, script, n)).ms;
      writeFileSync(marker, JSON.stringify({ n, genMs, at: new Date().toISOString() }));
    } else genMs = JSON.parse(readFileSync(marker, 'utf8')).genMs ?? null;
    const helper = await ext.context.newPage();
    await helper.goto(extUrl(ext, 'src/pages/options/index.html'));
    const cdp = await ext.context.newCDPSession(helper);
    if (ONLY === 'search') {
      const other = AB ? await bundleStore(AB) : null;
      const rounds = Number(argOf('--rounds', '1'));
      for (let round = 0; round < rounds; round++) {
        for (const [name, sc] of [['this', script], ...(other ? [['ab', other]] : [])] as [string, string][]) {
          const load0 = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
          const r = await searchOnly(ext, sc, cdp);
          const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
          console.log(JSON.stringify({ code: name === 'ab' ? AB : 'this checkout', n, load: `${load0} → ${load}`, searchColdMs: r1(median(r.cold)), searchWarmMs: r1(median(r.warm)), cold: r.cold.map(r1), ...(argv.includes('--phases') ? { phases: r.phases.map((p) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, r1(v)]))) } : {}) }));
        }
      }
      return null as never;
    }
    const fixtureFile = 'seed-000.new.html';
    const url = gold('seed-000').url as string;
    ext.serveFixture(url, fixtureFile);
    const { tabId } = await openArticle(ext, url);
    await new Promise((r) => setTimeout(r, 500)); // the content script's idle-time report
    const popupCold: number[] = [];
    const heaps: number[] = [];
    const libCold: number[] = [];
    const libHeaps: number[] = [];
    for (let i = 0; i < COLD; i++) {
      const p = await popupRelated(ext, cdp, tabId, true);
      popupCold.push(p.ms);
      heaps.push(p.heap);
      const l = await libraryFirstRow(ext, cdp, true);
      libCold.push(l.ms);
      libHeaps.push(l.heapMB);
    }
    const popupWarm: number[] = [];
    const libWarm: number[] = [];
    for (let i = 0; i < Math.max(3, Math.min(RUNS, 10)); i++) {
      popupWarm.push((await popupRelated(ext, cdp, tabId, false)).ms);
      libWarm.push((await libraryFirstRow(ext, cdp, false)).ms);
    }
    // The library opened on a search (`?q=`, as a bookmark or a reload of a search): navigation
    // start → first result row painted; a common word (most hits) and a rarer pair, alternately.
    const SEARCHES = ['hanoi', 'ministere sante'];
    const searchCold: number[] = [];
    const searchWarm: number[] = [];
    for (let i = 0; i < COLD; i++) searchCold.push((await libraryFirstRow(ext, cdp, true, SEARCHES[i % 2])).ms);
    for (let i = 0; i < Math.max(3, Math.min(RUNS, 10)); i++) searchWarm.push((await libraryFirstRow(ext, cdp, false, SEARCHES[i % 2])).ms);
    const calls = await storeCalls(ext, script, cdp, n);
    return {
      dispatches: calls.warm.count,
      generationMs: genMs,
      popupRelatedPaintedMs: { cold: r1(median(popupCold)), warm: r1(median(popupWarm)) },
      libraryFirstRowMs: { cold: r1(median(libCold)), warm: r1(median(libWarm)) },
      librarySearchPaintedMs: { cold: r1(median(searchCold)), warm: r1(median(searchWarm)) },
      relatedMs: { cold: r1(median(calls.cold.related)), warm: r1(median(calls.warm.related)) },
      searchMs: { cold: r1(median(calls.cold.search)), warm: r1(median(calls.warm.search)) },
      searchAfterRelatedMs: { cold: r1(median(calls.cold.searchAfterRelated)) },
      coldSamples: { related: calls.cold.related.map(r1), search: calls.cold.search.map(r1), searchAfterRelated: calls.cold.searchAfterRelated.map(r1) },
      listFirstPageMs: { cold: r1(median(calls.cold.list)), warm: r1(median(calls.warm.list)) },
      countMs: { cold: r1(median(calls.cold.count)) },
      saveMs: { warm: r1(median(calls.warm.save)) },
      wordMergeBatchMs: r1(calls.warm.mergeBatchMs),
      tailFoldBatchMs: r1(calls.warm.tailFoldBatchMs),
      workerHeapMB: r1(median(heaps)),
      libraryHeapMB: r1(median(libHeaps)),
      bytesPerDispatch: Math.round(calls.warm.bytes / Math.max(1, calls.warm.count)),
      bytesMB: r1(calls.warm.bytes / 1024 / 1024),
    };
  } finally {
    await ext.close();
  }
}

async function main() {
  if (!existsSync(join(ROOT, 'dist/manifest.json'))) throw new Error('run `npm run build` first');
  if (!existsSync(FIXTURES)) throw new Error(`no fixtures at ${FIXTURES}`);
  const script = await bundleStore(BASE ?? undefined);
  const rows: Record<string, Awaited<ReturnType<typeof one>>> = {};
  for (const n of SCALES) {
    log(`— ${n} dispatches —`);
    rows[n] = await one(n, script);
    if (ONLY) continue;
    log(JSON.stringify(rows[n]));
  }
  if (ONLY) return;
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  if (json) {
    console.log(JSON.stringify({ scales: rows, targets: TARGETS, runs: RUNS, coldSamples: COLD, loadavg: load }));
    return;
  }
  const cell = (c: number, w?: number) => (w === undefined ? `${c}` : `${c} / ${w}`);
  const table: Record<string, Record<string, string>> = {};
  const line = (name: string, f: (r: (typeof rows)[string]) => string, target: string) => {
    table[name] = { ...Object.fromEntries(SCALES.map((n) => [n.toLocaleString('en'), f(rows[n])])), target };
  };
  line('popup: related list painted (cold / warm ms)', (r) => cell(r.popupRelatedPaintedMs.cold, r.popupRelatedPaintedMs.warm), `< ${TARGETS.popupRelatedPaintedMs}`);
  line('library: first row painted (cold / warm ms)', (r) => cell(r.libraryFirstRowMs.cold, r.libraryFirstRowMs.warm), `< ${TARGETS.libraryFirstRowMs}`);
  line('library: search results painted (cold / warm ms)', (r) => cell(r.librarySearchPaintedMs.cold, r.librarySearchPaintedMs.warm), '-');
  line('related query (cold / warm median ms)', (r) => cell(r.relatedMs.cold, r.relatedMs.warm), `< ${TARGETS.relatedMs}`);
  line('search (cold / warm median ms)', (r) => cell(r.searchMs.cold, r.searchMs.warm), `< ${TARGETS.searchMs}`);
  line('search as the 4th call of a cold page (after related, list, count; ms)', (r) => cell(r.searchAfterRelatedMs.cold), '-');
  line('library page list(50) (cold / warm ms)', (r) => cell(r.listFirstPageMs.cold, r.listFirstPageMs.warm), '-');
  line('save (warm median ms)', (r) => cell(r.saveMs.warm), `< ${TARGETS.saveMs}`);
  line('word-delta merge, per batch (ms, idle time)', (r) => cell(r.wordMergeBatchMs), '-');
  line('index-tail fold, per batch (ms, idle time)', (r) => cell(r.tailFoldBatchMs), '-');
  line('service-worker heap after a cold popup (MB)', (r) => cell(r.workerHeapMB), `< ${TARGETS.workerHeapMB}`);
  line('library page heap, first screen (MB)', (r) => cell(r.libraryHeapMB), '-');
  line('bytes per dispatch (storage.estimate)', (r) => cell(r.bytesPerDispatch), `<= ~${TARGETS.bytesPerDispatch}`);
  line('bytes on disk (storage.estimate, MB)', (r) => cell(r.bytesMB), '-');
  line('IndexedDB files after close: bytes per dispatch / MB', (r) => cell(r.filesBytesPerDispatch, r.filesMB), '-');
  console.log(`VNA Reader archive at scale${BASE ? ` (BASE ${BASE})` : ''} — built extension in Chromium; cold = service worker stopped through CDP and a fresh page (${COLD} samples), warm = ${RUNS} runs; load average ${load}`);
  console.table(table);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
