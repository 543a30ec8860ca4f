// npm run bench:store:related -- [--scale 100000] [--samples 9] [--profile] [--base DIR | --archive NAME --code DIR] [--vs DIR] [--json]
// Issue 17: where a COLD related query's milliseconds go, at one archive size, measured exactly
// as bench:store --scale measures "related (cold)" (storeCalls: worker stopped through CDP, a
// fresh extension page, a new Archive, its first related call) but only that, so a change to
// the related path can be compared before/after in a few seconds rather than a full scale run.
// It reuses bench:store's cached archive (.tmp/bench-store/ext-N, generate it with bench:store
// --scale N first). `--base DIR` measures another checkout's store code and build in a second
// browser, its samples interleaved with these (same load), on the archive bench:store --scale
// N --base DIR generated for it (.tmp/bench-store/base-N: an unpacked extension's id, hence
// its IndexedDB origin, comes from its path, so a copy of ext-N would not do). Or, on one
// browser: `--archive NAME` (a cached profile under .tmp/bench-store, e.g. a `cp -a` of ext-N
// taken before a schema step) and `--code DIR` (whose store code is bundled), with that
// code's build in ./dist.
//
// Per sample it prints the wall time of the call, and with `--profile` a second, instrumented
// set of cold samples: each IndexedDB request of the call (what, how many, from issue to
// success, as a timeline) and a CPU profile (CDP Profiler, 100 µs sampling) summed by
// function, so the time spent waiting on IndexedDB and the time spent in our code are apart.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { loadGold } from '../test/support/store-fixtures';
import { launchExtension, extUrl, ROOT, type Ext } from '../test/e2e/harness';
import { bundleStore } from './store-browser';
import { stopWorkers, storePage } from './lib/ext-pages';
import { argOf } from './lib/args';

const argv = process.argv.slice(2);
const N = Number(argOf('--scale', '100000').replace(/_/g, ''));
const SAMPLES = Number(argOf('--samples', '9'));
const PROFILE = argv.includes('--profile');
const BASE = argv.includes('--base') ? argOf('--base', '') : null;
const JSON_OUT = argv.includes('--json');
const PROFILE_NAME = argOf('--archive', `ext-${N}`);
const CODE = argv.includes('--code') ? argOf('--code', '') : undefined;
/** `--vs DIR`: another checkout's store code on the same archive and browser, samples alternated (two versions of one schema). */
const VS = argv.includes('--vs') ? argOf('--vs', '') : null;
const K = 10;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const log = (s: string) => JSON_OUT || process.stderr.write(s + '\n');



/** In-page: every IDB get/getAll/count of the call, with its store and issue/success times. */
const TRACE_IDB = `(() => {
  const log = (globalThis.__idbLog = []);
  for (const C of [IDBObjectStore, IDBIndex]) {
    for (const m of ['get', 'getAll', 'count', 'getAllKeys']) {
      const f = C.prototype[m];
      C.prototype[m] = function (...a) {
        const t0 = performance.now();
        const r = f.apply(this, a);
        const name = (this.objectStore ? this.objectStore.name + '.' : '') + this.name;
        r.addEventListener('success', () => {
          const v = r.result;
          const size = v && v.o ? v.o.length : Array.isArray(v) ? v.reduce((s, x) => s + (x && x.o ? x.o.length : 1), 0) : 1;
          log.push({ m, name, t0, t1: performance.now(), size });
        });
        return r;
      };
    }
  }
})()`;

interface Sample {
  ms: number;
  idb?: { m: string; name: string; t0: number; t1: number; size: number }[];
  start?: number;
}

async function coldSample(ext: Ext, script: string, cdp: CDPSession, i: number, instrument: boolean): Promise<{ s: Sample; profile?: unknown }> {
  await stopWorkers(cdp);
  const page = await storePage(ext, script);
  let pcdp: CDPSession | null = null;
  if (instrument) {
    await page.evaluate(TRACE_IDB);
    pcdp = await ext.context.newCDPSession(page);
    await pcdp.send('Profiler.enable');
    await pcdp.send('Profiler.setSamplingInterval', { interval: 100 });
  }
  const golds = loadGold();
  // The archive is opened first, as in storeCalls (the call alone is timed).
  await page.evaluate(
    async ({ golds, n, i }) => {
      const S = (globalThis as any).vnaStore;
      const a = ((globalThis as any).__a = new S.Archive());
      (globalThis as any).__fresh = S.makeDispatch(golds, n + 10_000 + i);
      await a.db();
    },
    { golds, n: N, i },
  );
  if (pcdp) await pcdp.send('Profiler.start');
  const s = (await page.evaluate(
    async ({ K }) => {
      const a = (globalThis as any).__a;
      const fresh = (globalThis as any).__fresh;
      const log = (globalThis as any).__idbLog;
      if (log) log.length = 0;
      const t0 = performance.now();
      await a.related(fresh.article, fresh.entities, { k: K });
      const ms = performance.now() - t0;
      const m = (globalThis as any).__m;
      return { ms, idb: log ? [...log] : undefined, start: t0, marks: m ? m.map(([k, v]: [string, number]) => `${k} ${(v - t0).toFixed(1)}`).join(' ') : '' };
    },
    { K },
  )) as Sample;
  let profile: unknown;
  if (pcdp) {
    profile = (await pcdp.send('Profiler.stop')).profile;
    await pcdp.detach().catch(() => {});
  }
  await page.close();
  return { s, profile };
}

interface ProfNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/**
 * Self and inclusive time by function (ms) from a CPU profile's samples: `self:name` and
 * `incl:name` (a function counted once per sample however deep it recurses).
 */
function selfTimes(p: { nodes: ProfNode[]; samples: number[]; timeDeltas: number[] }, into: Map<string, number>): void {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nameOf = (n: ProfNode) => n.callFrame.functionName || '(anon)';
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const n = byId.get(p.samples[i])!;
    into.set(`self:${nameOf(n)}`, (into.get(`self:${nameOf(n)}`) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
      const nm = nameOf(byId.get(id)!);
      if (seen.has(nm)) continue;
      seen.add(nm);
      into.set(`incl:${nm}`, (into.get(`incl:${nm}`) ?? 0) + dt);
    }
  }
}

interface Side {
  ext: Ext;
  cdp: CDPSession;
  script: string;
  count: number;
}

async function openSide(profileDir: string, dist: string | undefined, root: string | undefined): Promise<Side> {
  if (!existsSync(`${profileDir}.ready.json`)) throw new Error(`no cached archive at ${profileDir}: run npm run bench:store -- --scale ${N} first (see the header for a base copy)`);
  const script = await bundleStore(root);
  const ext = await launchExtension({ profile: profileDir, ...(dist ? { dist } : {}) });
  const helper = await ext.context.newPage();
  await helper.goto(extUrl(ext, 'src/pages/options/index.html'));
  const cdp = await ext.context.newCDPSession(helper);
  // The first open after a schema change upgrades the cached archive: not a sample.
  const w = await storePage(ext, script);
  const count = await w.evaluate(async () => new (globalThis as any).vnaStore.Archive().count());
  await w.close();
  return { ext, cdp, script, count };
}

async function main() {
  const side = await openSide(join(ROOT, '.tmp/bench-store', PROFILE_NAME), undefined, CODE);
  const base = BASE ? await openSide(join(ROOT, '.tmp/bench-store', `base-${N}`), join(BASE, 'dist'), BASE) : null;
  const { ext, cdp, script, count } = side;
  try {
    const walls: number[] = [];
    const baseWalls: number[] = [];
    const vsScript = VS ? await bundleStore(VS) : null;
    const vsWalls: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      // With a base, the two alternate (which goes first too), so both see the same load.
      if (base && i % 2 === 0) baseWalls.push((await coldSample(base.ext, base.script, base.cdp, i, false)).s.ms);
      if (vsScript && i % 2 === 0) vsWalls.push((await coldSample(ext, vsScript, cdp, i, false)).s.ms);
      const { s } = await coldSample(ext, script, cdp, i, false);
      walls.push(s.ms);
      // Phase marks a local build may leave in globalThis.__m (name, ms after the call started).
      if ((s as { marks?: string }).marks) log(`  ${r1(s.ms)} ms: ${(s as { marks?: string }).marks}`);
      if (base && i % 2 === 1) baseWalls.push((await coldSample(base.ext, base.script, base.cdp, i, false)).s.ms);
      if (vsScript && i % 2 === 1) vsWalls.push((await coldSample(ext, vsScript, cdp, i, false)).s.ms);
    }
    if (VS) log(`  vs ${VS}, alternated: median ${r1(median(vsWalls))} ms [${vsWalls.map(r1).join(', ')}]`);
    const out: Record<string, unknown> = { dispatches: count, coldRelatedMs: r1(median(walls)), samples: walls.map(r1), loadavg: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') };
    if (base) Object.assign(out, { baseDispatches: base.count, baseColdRelatedMs: r1(median(baseWalls)), baseSamples: baseWalls.map(r1) });
    if (PROFILE) {
      const self = new Map<string, number>();
      const idbAll: { name: string; n: number; size: number; first: number; last: number }[][] = [];
      const instrumented: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const { s, profile } = await coldSample(ext, script, cdp, i, true);
        instrumented.push(s.ms);
        selfTimes(profile as never, self);
        // Group the requests by store and method: how many, what they carried, when the first
        // was issued and the last answered (ms after the call started).
        const g = new Map<string, { name: string; n: number; size: number; first: number; last: number }>();
        for (const r of s.idb ?? []) {
          const key = `${r.m} ${r.name}`;
          const e = g.get(key) ?? { name: key, n: 0, size: 0, first: Infinity, last: 0 };
          e.n++;
          e.size += r.size;
          e.first = Math.min(e.first, r.t0 - s.start!);
          e.last = Math.max(e.last, r.t1 - s.start!);
          g.set(key, e);
        }
        idbAll.push([...g.values()].map((e) => ({ ...e, first: r1(e.first), last: r1(e.last) })));
      }
      out.instrumentedMs = instrumented.map(r1);
      out.idbPerSample = idbAll;
      out.selfMsPerSample = Object.fromEntries(
        [...self.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 50)
          .map(([k, v]) => [k, r1(v / SAMPLES)]),
      );
    }
    if (JSON_OUT) console.log(JSON.stringify(out));
    else {
      log(`cold related at ${count} dispatches: median ${out.coldRelatedMs} ms over ${SAMPLES} samples [${(out.samples as number[]).join(', ')}], load ${out.loadavg}`);
      if (base) log(`  base ${BASE} (${base.count} dispatches), interleaved: median ${out.baseColdRelatedMs} ms [${(out.baseSamples as number[]).join(', ')}]`);
      if (PROFILE) {
        // One line per instrumented sample: its time, then per kind of request "n× (values) first→last ms".
        const idb = out.idbPerSample as { name: string; n: number; size: number; first: number; last: number }[][];
        idb.forEach((g, i) => log(`  ${(out.instrumentedMs as number[])[i]} ms: ${g.map((e) => `${e.name} ${e.n}× (${e.size}) ${e.first}→${e.last}`).join(' | ')}`));
        log('  self time per sample (ms): ' + Object.entries(out.selfMsPerSample as Record<string, number>).map(([k, v]) => `${k} ${v}`).join(', '));
      }
    }
  } finally {
    await ext.close();
    await base?.ext.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
