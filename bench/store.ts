// Store benchmark in real Chromium: 10,000 saved dispatches generated from the gold
// articles with varied entities, then medians of save one / search / related(k=10), and the
// bytes used (navigator.storage.estimate). `--json` prints one JSON object.
//   npm run bench:store [-- --json] [-- --n 10000] [-- --runs 50]
//   npm run bench:store -- --scale 1000,30000,100000   (bench/store-scale.ts)
import { loadGold } from '../test/support/store-fixtures';
import { openStorePage } from './store-browser';
import { runReadLaterBench } from './store-readlater';
import { benchImport } from './store-import';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const arg = (name: string, dflt: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const N = arg('--n', 10_000);
const RUNS = arg('--runs', 50);
const TARGETS = { saveMs: 20, searchMs: 30, relatedMs: 30, coldLoadMs: 250, listMs: 30 };

type StoreApi = typeof import('../src/store/index') & typeof import('./store-corpus') & typeof import('../test/support/store-articles');
declare const vnaStore: StoreApi;

async function main() {
  const golds = loadGold();
  const sp = await openStorePage();
  const log = (s: string) => json || process.stderr.write(s + '\n');
  try {
    // Issue 13: importing a large archive (validate, then batched writes with progress).
    const imp = await benchImport(sp, golds, arg('--import', 3000));
    log(`import: ${imp.dispatches} dispatches (${(imp.fileBytes / 1024 / 1024).toFixed(1)} MB file) in ${(imp.importMs / 1000).toFixed(1)} s, write phase ${(imp.writeMs / 1000).toFixed(1)} s in ${imp.writeSteps} progress steps`);
    const t0 = Date.now();
    const setup = await sp.page.evaluate(
      async ({ golds, N }) => {
        const S = vnaStore;
        const archive = new S.Archive({ name: 'bench' });
        const CHUNK = 500;
        const g0 = performance.now();
        let genMs = 0;
        for (let i = 0; i < N; i += CHUNK) {
          const a = performance.now();
          const items = [];
          for (let j = i; j < Math.min(N, i + CHUNK); j++) items.push({ ...S.makeDispatch(golds, j), savedAt: Date.now() - (N - j) * 1000 });
          genMs += performance.now() - a;
          await archive.saveMany(items);
        }
        const insertMs = performance.now() - g0 - genMs;
        const count = await archive.count();
        await archive.close();
        return { count, insertMs, genMs };
      },
      { golds, N },
    );
    log(`setup: ${setup.count} dispatches inserted in ${(setup.insertMs / 1000).toFixed(1)} s (generation ${(setup.genMs / 1000).toFixed(1)} s); wall ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const res = await sp.page.evaluate(
      async ({ golds, N, RUNS }) => {
        const S = vnaStore;
        // First use in a new context: loads the in-memory index (from the index snapshot the
        // setup context wrote on close, as a worker or tab writes it when idle).
        const coldLoad = async (): Promise<number> => {
          const a = new S.Archive({ name: 'bench' });
          await a.db(); // open the connection outside the timings
          const c0 = performance.now();
          await a.index(); // the in-memory index (filtered lists, suggestions; search reads the word index and count the summary since issue 17)
          const ms = performance.now() - c0;
          await a.close();
          return ms;
        };
        const archive = new S.Archive({ name: 'bench' });
        await archive.db(); // open the connection outside the timings
        const c0 = performance.now();
        await archive.index();
        const coldLoadMs = performance.now() - c0;
        const median = (xs: number[]) => {
          const s = [...xs].sort((a, b) => a - b);
          return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        };
        const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];
        const time = async (f: () => Promise<unknown>) => {
          const a = performance.now();
          await f();
          return performance.now() - a;
        };
        // Fresh articles (not in the archive) for save and related.
        const fresh = Array.from({ length: RUNS * 2 }, (_, i) => S.makeDispatch(golds, N + 1 + i));
        const save: number[] = [];
        const search: number[] = [];
        const related: number[] = [];
        // A library page: 50 rows, newest first, at varying depths, alternately filtered by site.
        const list: number[] = [];
        const hitCounts: number[] = [];
        const relCounts: number[] = [];
        // Warm-up (JIT, first-open caches) is not counted.
        await archive.search('hanoi');
        await archive.related(fresh[RUNS].article, fresh[RUNS].entities, { k: 10 });
        for (let i = 0; i < RUNS; i++) {
          const q = S.BENCH_QUERIES[i % S.BENCH_QUERIES.length];
          search.push(await time(async () => hitCounts.push((await archive.search(q, { limit: 20 })).length)));
          const rel = fresh[RUNS + i];
          related.push(await time(async () => relCounts.push((await archive.related(rel.article, rel.entities, { k: 10 })).length)));
          list.push(await time(() => archive.list({ offset: (i * 50) % N, limit: 50, ...(i % 2 ? { site: 'vietnamplus' } : {}) })));
          const s = fresh[i];
          save.push(await time(() => archive.save(s.article, s.entities)));
        }
        const est = await navigator.storage.estimate();
        const count = await archive.count();
        await archive.close();
        // Cold load from the snapshot plus the RUNS saves logged after it.
        const coldLoadReplayMs = await coldLoad();
        // Cold load without a snapshot (fallback: every brief), then the snapshot is rewritten.
        const db = await S.openArchiveDb('bench');
        await db.delete(S.STORE.meta, S.META.indexSnapshot);
        db.close();
        const coldLoadFullMs = await coldLoad();
        return {
          dispatches: count - RUNS,
          saveMs: median(save),
          searchMs: median(search),
          relatedMs: median(related),
          listMs: median(list),
          listP90Ms: p90(list),
          bytes: est.usage ?? null,
          saveP90Ms: p90(save),
          searchP90Ms: p90(search),
          relatedP90Ms: p90(related),
          runs: RUNS,
          coldLoadMs,
          coldLoadReplayMs,
          coldLoadFullMs,
          searchHitsMedian: median(hitCounts),
          relatedResultsMedian: median(relCounts),
        };
      },
      { golds, N, RUNS },
    );
    // Read-later: save with 5 photos, the archive with photos, reopening with 20 highlights.
    const rl = await runReadLaterBench(sp, golds, N, { runs: Math.min(RUNS, 30), photosPer: arg('--photos-per', 2), photoBytes: arg('--photo-bytes', 6000), savePhotoBytes: arg('--save-photo-bytes', 60_000) });
    const out = { ...res, import: imp, readLater: rl, insertMs: Math.round(setup.insertMs), browser: sp.context.browser()?.version() ?? 'chromium', targets: TARGETS };
    for (const k of ['saveMs', 'searchMs', 'relatedMs', 'listMs', 'listP90Ms', 'saveP90Ms', 'searchP90Ms', 'relatedP90Ms', 'coldLoadMs', 'coldLoadReplayMs', 'coldLoadFullMs'] as const) out[k] = Math.round(out[k] * 100) / 100;
    if (json) {
      process.stdout.write(JSON.stringify(out) + '\n');
    } else {
      const ok = (v: number, t: number) => (v < t ? 'ok' : 'OVER');
      console.log(`VNA Reader store benchmark — real Chromium IndexedDB, ${out.dispatches} dispatches, ${RUNS} runs`);
      console.table({
        save: { medianMs: out.saveMs, p90Ms: out.saveP90Ms, targetMs: TARGETS.saveMs, status: ok(out.saveMs, TARGETS.saveMs) },
        search: { medianMs: out.searchMs, p90Ms: out.searchP90Ms, targetMs: TARGETS.searchMs, status: ok(out.searchMs, TARGETS.searchMs) },
        'related(k=10)': { medianMs: out.relatedMs, p90Ms: out.relatedP90Ms, targetMs: TARGETS.relatedMs, status: ok(out.relatedMs, TARGETS.relatedMs) },
        'library page (list 50)': { medianMs: out.listMs, p90Ms: out.listP90Ms, targetMs: TARGETS.listMs, status: ok(out.listMs, TARGETS.listMs) },
        'import 3,000 (once)': { medianMs: out.import.importMs, p90Ms: '-', targetMs: out.import.targetMs, status: ok(out.import.importMs, out.import.targetMs) },
        'cold load (once)': { medianMs: out.coldLoadMs, p90Ms: '-', targetMs: TARGETS.coldLoadMs, status: ok(out.coldLoadMs, TARGETS.coldLoadMs) },
      });
      const r2 = (v: number) => Math.round(v * 100) / 100;
      const mb = (v: number | null) => `${((v ?? 0) / 1024 / 1024).toFixed(1)} MB`;
      console.log('read-later:');
      console.table({
        'save with 5 photos: text ready': { medianMs: r2(rl.saveTextMs), p90Ms: r2(rl.saveTextP90Ms), 'plain save medianMs': out.saveMs },
        'then photos fetched and stored': { medianMs: r2(rl.photosAfterMs), p90Ms: r2(rl.photosAfterP90Ms), 'photos kept': rl.photosKeptPerSave },
        'reopen with 20 highlights': { medianMs: r2(rl.reopenMs), p90Ms: r2(rl.reopenP90Ms), 'without highlights medianMs': r2(rl.reopenNoHighlightsMs), drawn: rl.highlightsDrawn },
      });
      console.log(`archive with photos: ${rl.corpusPhotos} photos (${mb(rl.corpusPhotoBytes)} of blobs) for ${out.dispatches} dispatches; storage ${mb(rl.bytesBeforePhotos)} before, ${mb(rl.bytesWithPhotos)} with photos; written in ${(rl.photoInsertMs / 1000).toFixed(1)} s`);
      console.log(`bytes used: ${out.bytes} (${((out.bytes ?? 0) / 1024 / 1024).toFixed(1)} MB); bulk insert ${(out.insertMs / 1000).toFixed(1)} s; index cold load ${out.coldLoadMs} ms (once per context; ${out.coldLoadReplayMs} ms with ${RUNS} changes to replay, ${out.coldLoadFullMs} ms without a snapshot); median hits ${out.searchHitsMedian}, related ${out.relatedResultsMedian}`);
    }
  } finally {
    await sp.close();
  }
}

// `--scale 1000,30000,100000`: the archive at several sizes in the built extension (issue 17).
if (argv.includes('--scale')) await import('./store-scale');
else
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
