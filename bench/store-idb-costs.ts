// npm run bench:store:idb -- [--scale 100000] [--samples 8] [--json]
// Issue 17 (cold related): what IndexedDB itself charges a cold extension page for the reads a
// related query makes, apart from our code, on bench:store's cached archive
// (.tmp/bench-store/ext-N; generate it with bench:store --scale N first). Each sample stops
// the service worker, opens a fresh page and times one batch of plain requests on a native
// transaction:
// - cards: 100 scattered gets (what phase 2 reads for a pool of 100 candidates);
// - card keys: the same 100 as getKey (the per-request cost without the value);
// - contiguous cards: 100 cards in ONE getAll over an ord range (the same bytes, one request);
// - common postings: the shards of LOC:vietnam and LOC:hanoi (two getAll; ~107,000 ords at 100k);
// - terms range / terms point: a related query's ~40 term postings as one getAll per term (what
//   the related call reads), and as point gets of each of its possible shards. Measured at 100k
//   (load 2.4): 11.2 ms as ranges, 16.3 ms as points, so the term reads are bound by how many
//   places they are read from, not by the request kind.
// - terms split 2 / 4: the same getAlls spread over 2 or 4 readonly transactions opened together
//   (does Chromium read them side by side?). Measured at 100k (stop 15, load 4.2): ranges 4.8 ms,
//   split 2 4.4, split 4 4.5: no gain. And 41 term getAlls alone take ~5 ms, while in the cold
//   related call the last term result arrives ~12 ms after the entity postings: those results
//   wait for the main thread, busy with phase 1 (bench:store:related --profile), so the cold
//   call's critical path is phase 1's work on ~200,000 posting entries, not the term reads.
// Why: it tells whether a design should cut requests, bytes or scattered reads. Measured at
// 100k, two runs (load ~9 / ~12.7): 100 scattered gets 9 / 24.9 ms, as getKey 6 / 5.6 ms, as one
// getAll 2.2 / 2.5 ms, the two common keys 2.5 / 2.3 ms. So the card round is bound by reading
// values scattered over the archive (one record each, wherever it lies), not by their bytes
// (the same 100 cards side by side cost ~2.5 ms) nor mainly by the request count (getKey).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchExtension, extUrl, ROOT } from '../test/e2e/harness';
import { bundleStore } from './store-browser';
import { stopWorkers, storePage } from './lib/ext-pages';
import { argOf } from './lib/args';
import { loadGold } from '../test/support/store-fixtures';

const argv = process.argv.slice(2);
const N = Number(argOf('--scale', '100000').replace(/_/g, ''));
const SAMPLES = Number(argOf('--samples', '8'));
const MODES = ['cards', 'cardKeys', 'contiguousCards', 'commonPostings', 'termsRange', 'termsPoint', 'termsSplit2', 'termsSplit4'] as const;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

async function main() {
  const script = await bundleStore();
  const ext = await launchExtension({ profile: join(ROOT, `.tmp/bench-store/ext-${N}`) });
  try {
    const helper = await ext.context.newPage();
    await helper.goto(extUrl(ext, 'src/pages/options/index.html'));
    const cdp = await ext.context.newCDPSession(helper);
    const res: Record<string, number[]> = {};
    const golds = loadGold();
    for (let i = 0; i < SAMPLES; i++) {
      // The modes alternate within each round, so all see the same load.
      for (const mode of MODES) {
        await stopWorkers(cdp);
        const p = await storePage(ext, script);
        const ms = await p.evaluate(
          async ({ mode, i, N, golds }) => {
            const S = (globalThis as any).vnaStore;
            // Opened (and upgraded if need be) by the store's own code, then used natively.
            await new S.Archive().db();
            const db: IDBDatabase = await new Promise((res, rej) => {
              const r = indexedDB.open(S.DB_NAME ?? 'vna-reader');
              r.onsuccess = () => res(r.result);
              r.onerror = () => rej(r.error);
            });
            const tx = db.transaction(['cards', 'postings', 'terms'], 'readonly');
            const st = tx.objectStore(mode === 'commonPostings' ? 'postings' : mode.startsWith('terms') ? 'terms' : 'cards');
            // a related query's 40 terms, as the cold related call reads them
            const fresh = S.makeDispatch(golds, N + 10_000 + i);
            const qterms: string[] = [...new Set<string>(S.relatedQuery(fresh.article, fresh.entities).terms)];
            const shards = Math.ceil(N / S.POSTING_SHARD) + 1;
            const ord = (j: number) => (j * 997 + i * 131) % N;
            const t0 = performance.now();
            const reqs: IDBRequest[] = [];
            if (mode === 'cards') for (let j = 0; j < 100; j++) reqs.push(st.get(ord(j)));
            if (mode === 'cardKeys') for (let j = 0; j < 100; j++) reqs.push(st.getKey(ord(j)));
            if (mode === 'contiguousCards') reqs.push(st.getAll(IDBKeyRange.bound((i * 1000) % (N - 100), ((i * 1000) % (N - 100)) + 99)));
            if (mode === 'termsRange') for (const t of qterms) reqs.push(st.getAll(IDBKeyRange.bound([t, -Infinity], [t, Infinity])));
            if (mode === 'termsPoint') for (const t of qterms) for (let sh = 0; sh < shards; sh++) reqs.push(st.get([t, sh]));
            // the same getAlls spread over 2 or 4 readonly transactions opened together
            const split = mode === 'termsSplit2' ? 2 : mode === 'termsSplit4' ? 4 : 0;
            if (split) {
              const txs = Array.from({ length: split }, () => db.transaction(['terms'], 'readonly').objectStore('terms'));
              qterms.forEach((t, j) => reqs.push(txs[j % split].getAll(IDBKeyRange.bound([t, -Infinity], [t, Infinity]))));
            }
            if (mode === 'commonPostings') for (const k of ['LOC:vietnam', 'LOC:hanoi']) reqs.push(st.getAll(IDBKeyRange.bound([k, -Infinity], [k, Infinity])));
            await new Promise((res, rej) => {
              let left = reqs.length;
              for (const r of reqs) {
                r.onsuccess = () => --left === 0 && res(null);
                r.onerror = () => rej(r.error);
              }
            });
            const ms = performance.now() - t0;
            db.close();
            return ms;
          },
          { mode, i, N, golds },
        );
        (res[mode] ??= []).push(ms);
        await p.close();
      }
    }
    const out = {
      dispatches: N,
      loadavg: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
      medianMs: Object.fromEntries(MODES.map((m) => [m, r1(median(res[m]))])),
      samples: Object.fromEntries(MODES.map((m) => [m, res[m].map(r1)])),
    };
    if (argv.includes('--json')) console.log(JSON.stringify(out));
    else {
      console.log(`IndexedDB reads in a cold extension page, ${N} dispatches, load ${out.loadavg} (median of ${SAMPLES}):`);
      for (const m of MODES) console.log(`  ${m.padEnd(16)} ${String(out.medianMs[m]).padStart(6)} ms  [${out.samples[m].join(', ')}]`);
    }
  } finally {
    await ext.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
