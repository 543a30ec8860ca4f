// npm run bench:popup [-- --json] [-- --opens N]
// Real Chromium with the built extension (dist/), the popup opened as a page for a fixture
// article's tab. The figure is what the reader waits for: from the popup's navigation start
// to the frame that shows the entities painted (`vna:entities-painted`, marked by the popup
// in the task after the next animation frame once the entity list is in the DOM).
//
// Measured inside the page, not by the harness's clock: the harness clock adds the DevTools
// protocol round trips of goto/evaluate (no reader waits for those), and Playwright's
// waitForSelector, used up to now, injected its selector engine into the fresh page and
// polled it every frame on the popup's own main thread (it slowed what it timed). The harness
// wall clock is still reported (harnessWall*), so both can be compared.
//
// - warm: N opens of the popup on one tab (seed-000, layout "new"); the content script keeps
//   its extraction, so after the first open the popup only pays messaging + render.
//   `openToEntitiesMs` is the median over these N opens (the first included).
// - cold: the first popup open on each freshly loaded fixture tab (5 seeds × 4 layouts). The
//   content script may already have begun its own idle-time extraction (it reports every
//   article to the background for the badge), as it would for a real reader.
// One untimed warm-up open first, so the browser's own first load of the popup bundle is not
// charged to one sample (it is reported as firstOpenMs).
// Also reported: the DOM mark (vna:entities-rendered), the content script's extraction time,
// the popup bundle size, and a floor: the same popup for a tab that does not exist, from
// navigation start to the not-article state painted (what any extension page costs to open
// on this machine right now).
import { cpSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, openArticle, extUrl, gold, ROOT, FIXTURES, type Ext } from '../test/e2e/harness';
import { waitPainted } from './lib/painted';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const opensArg = args.indexOf('--opens');
const OPENS = opensArg >= 0 ? Math.max(3, Number(args[opensArg + 1]) || 20) : 20;
const TARGET_MS = 100;
/** Issue 17: the popup's open-to-entities within this ratio of a do-nothing stand-in popup. */
const TARGET_RATIO = 1.2;

/**
 * The do-nothing stand-in popup (issue 17): an extension page of the same build that asks the
 * tab's content script for its article and paints the entity names as text, nothing else (no
 * framework, no strings, no settings, no worker). Written into a copy of dist/ for this run,
 * so both pages are measured in the same browser, on the same tabs, interleaved.
 */
const STANDIN_HTML = '<!doctype html><meta charset="utf-8"><title>stand-in</title><body><script src="/standin.js"></script></body>';
const STANDIN_JS = `const tab = Number(new URLSearchParams(location.search).get('tab'));
performance.mark('vna:boot');
chrome.tabs.sendMessage(tab, { type: 'content/getArticle' }).then((s) => {
  performance.mark('vna:tab-answered');
  const ul = document.createElement('ul');
  for (const e of (s && s.entities) || []) {
    const li = document.createElement('li');
    li.dataset.testid = 'entity';
    li.textContent = e.name;
    ul.append(li);
  }
  document.body.append(ul);
  performance.mark('vna:entities-rendered');
  requestAnimationFrame(() => setTimeout(() => performance.mark('vna:entities-painted'), 0));
});
`;

function distWithStandin(): string {
  const out = join(ROOT, '.tmp/dist-popup-bench');
  rmSync(out, { recursive: true, force: true });
  cpSync(join(ROOT, 'dist'), out, { recursive: true });
  writeFileSync(join(out, 'standin.html'), STANDIN_HTML);
  writeFileSync(join(out, 'standin.js'), STANDIN_JS);
  return out;
}

const median = (xs: number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];
const r1 = (x: number) => Math.round(x * 10) / 10;

/**
 * One open: navigate, then wait *inside the page* for the popup's paint mark. Playwright's
 * waitForSelector was used before; it injects its ~200 KB selector engine into the fresh page
 * and polls once per frame, on the popup's own main thread, so it both added its own latency
 * and slowed the page it was timing. One evaluate that resolves on the mark (a
 * PerformanceObserver, no polling) costs the page nothing; visibility is asserted after.
 */
/** Where an open's time goes (ms from navigation start): first statement, tab's answer, entities in the DOM. */
interface Phases { boot: number; answered: number; mark: number }
async function timeOpen(ext: Ext, tabId: number, path = 'src/popup/index.html'): Promise<{ wall: number; mark: number; paint: number; phases: Phases }> {
  const page = await ext.context.newPage();
  try {
    const url = extUrl(ext, `${path}?tab=${tabId}`);
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    const paint = await waitMark(page, 'vna:entities-painted');
    const wall = performance.now() - t0;
    const phases = await page.evaluate(`(() => {
      const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
      return { boot: at('vna:boot'), answered: at('vna:tab-answered'), mark: at('vna:entities-rendered') };
    })()`) as Phases;
    await page.waitForSelector('[data-testid=entity]', { state: 'visible', timeout: 15_000 }); // untimed check
    return { wall, mark: phases.mark, paint, phases };
  } finally {
    await page.close();
  }
}

// In-page helpers, kept as source text: tsx would wrap named inner functions of a real
// function in a `__name` helper that does not exist in the page.
/** Resolves with the mark's time (ms from navigation start) once it exists; no polling. */
const WAIT_MARK = `(name) => new Promise((resolve, reject) => {
  const done = (obs) => {
    const e = performance.getEntriesByName(name)[0];
    if (!e) return false;
    if (obs) obs.disconnect();
    resolve(e.startTime);
    return true;
  };
  if (done(null)) return;
  const obs = new PerformanceObserver(() => done(obs));
  obs.observe({ type: 'mark' });
  done(obs);
  setTimeout(() => reject(new Error('no ' + name + ' mark')), 15000);
})`;
const waitMark = (page: Page, name: string): Promise<number> => page.evaluate(`(${WAIT_MARK})(${JSON.stringify(name)})`) as Promise<number>;


/** Floor: the same popup for a tab that does not exist (bundle load + one failed message). */
async function timeFloor(ext: Ext): Promise<number> {
  const page = await ext.context.newPage();
  try {
    await page.goto(extUrl(ext, 'src/popup/index.html?tab=999999'), { waitUntil: 'commit' });
    return await waitPainted(page, '[data-testid=not-article]');
  } finally {
    await page.close();
  }
}

/** A tab that finished loading: its content script (loaded at document_idle) answers. */
async function contentReady(ext: Ext, tabId: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await ext.worker.evaluate(async (id) => chrome.tabs.sendMessage(id, { type: 'content/ping' }).then(() => true, (e: Error) => !/Receiving end/.test(String(e?.message))), tabId);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function extractMs(ext: Ext, tabId: number): Promise<number> {
  return ext.worker.evaluate(async (id) => {
    const s: any = await chrome.tabs.sendMessage(id, { type: 'content/getArticle' });
    return s?.ok ? s.extractMs : NaN;
  }, tabId);
}

function popupBundleBytes(): { js: number; css: number } {
  const dist = join(ROOT, 'dist');
  const html = readFileSync(join(dist, 'src/popup/index.html'), 'utf8');
  const seen = new Set<string>();
  // Root-relative (/assets/…, vite's) or page-relative (./boot.js, the classic first-paint script).
  const queue = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => (m[1].startsWith('./') ? `src/popup/${m[1].slice(2)}` : m[1].replace(/^\//, '')));
  let js = 0, css = 0;
  while (queue.length) {
    const f = queue.shift()!;
    if (seen.has(f)) continue;
    seen.add(f);
    const path = join(dist, f);
    let text: string;
    try { text = readFileSync(path, 'utf8'); } catch { continue; }
    if (f.endsWith('.css')) css += statSync(path).size;
    else {
      js += statSync(path).size;
      for (const m of text.matchAll(/from\s*"\.\/([^"]+\.js)"|import\s*"\.\/([^"]+\.js)"/g)) queue.push(`assets/${m[1] ?? m[2]}`);
    }
  }
  return { js, css };
}

function phaseMedians(xs: (Phases & { paint: number })[]) {
  return {
    bootMs: r1(median(xs.map((x) => x.boot))),
    answerAfterBootMs: r1(median(xs.map((x) => x.answered - x.boot))),
    domAfterAnswerMs: r1(median(xs.map((x) => x.mark - x.answered))),
    paintAfterDomMs: r1(median(xs.map((x) => x.paint - x.mark))),
  };
}
const phaseLine = (p: ReturnType<typeof phaseMedians>) => `${p.bootMs} / +${p.answerAfterBootMs} / +${p.domAfterAnswerMs} / +${p.paintAfterDomMs} ms`;

async function main() {
  const ext = await launchExtension({ dist: distWithStandin() });
  try {
    const seeds = readdirSync(FIXTURES).filter((f) => /^seed-\d+\.\w+\.html$/.test(f)).sort();
    const urlOf = (file: string) => {
      const [seed, layout] = file.split('.');
      // One URL per fixture: the gold URL with the layout as a path suffix keeps the -post<ID>.vnp form.
      const u = new URL(gold(seed).url);
      u.pathname = u.pathname.replace(/(-post\d+\.vnp)$/, `-${layout}$1`);
      return u.toString();
    };
    for (const f of seeds) ext.serveFixture(urlOf(f), f);

    // Untimed warm-up on its own tab (browser's first load of the popup bundle).
    const warmup = await openArticle(ext, urlOf(seeds[seeds.length - 1]));
    const first = await timeOpen(ext, warmup.tabId);
    await warmup.page.close();

    // Cold: first popup open on each freshly loaded fixture tab (and the stand-in's first
    // open on another fresh tab of the same fixture, alternating which goes first).
    const cold: { file: string; wall: number; mark: number; paint: number; phases: Phases; extract: number }[] = [];
    const standinCold: number[] = [];
    const standinColdPhases: Phases[] = [];
    for (const [i, f] of seeds.entries()) {
      const one = async (standin: boolean) => {
        const { page, tabId } = await openArticle(ext, urlOf(f));
        await contentReady(ext, tabId);
        if (standin) {
          const o = await timeOpen(ext, tabId, 'standin.html');
          standinCold.push(o.paint);
          standinColdPhases.push(o.phases);
        }
        else {
          const t = await timeOpen(ext, tabId);
          cold.push({ file: f, ...t, extract: await extractMs(ext, tabId) });
        }
        await page.close();
      };
      await one(i % 2 === 1);
      await one(i % 2 === 0);
    }

    // Warm: N opens on one tab.
    const main = seeds.find((f) => f === 'seed-000.new.html') ?? seeds[0];
    const { tabId } = await openArticle(ext, urlOf(main));
    await contentReady(ext, tabId);
    const warm: { wall: number; mark: number; paint: number }[] = [];
    const standinWarm: number[] = [];
    await timeOpen(ext, tabId, 'standin.html'); // its first load, untimed like the popup's
    for (let i = 0; i < OPENS; i++) {
      // Interleaved, so both see the same machine load.
      warm.push(await timeOpen(ext, tabId));
      standinWarm.push((await timeOpen(ext, tabId, 'standin.html')).paint);
    }

    const floor: number[] = [];
    for (let i = 0; i < 10; i++) floor.push(await timeFloor(ext));

    const bundle = popupBundleBytes();
    const out = {
      // What the reader waits for: navigation start → the frame holding the entities painted.
      openToEntitiesMs: r1(median(warm.map((x) => x.paint))),
      warmMedianMs: r1(median(warm.slice(1).map((x) => x.paint))),
      warmP90Ms: r1(p90(warm.map((x) => x.paint))),
      coldMedianMs: r1(median(cold.map((x) => x.paint))),
      coldP90Ms: r1(p90(cold.map((x) => x.paint))),
      // The same opens by the harness's clock: plus the CDP goto/evaluate round trips.
      harnessWallWarmMs: r1(median(warm.map((x) => x.wall))),
      harnessWallColdMs: r1(median(cold.map((x) => x.wall))),
      firstOpenMs: r1(first.paint),
      floorNoArticleMs: r1(median(floor)),
      renderMarkWarmMs: r1(median(warm.map((x) => x.mark))),
      renderMarkColdMs: r1(median(cold.map((x) => x.mark))),
      extractMedianMs: r1(median(cold.map((x) => x.extract).filter(Number.isFinite))),
      opens: OPENS,
      coldTabs: cold.length,
      popupJsBytes: bundle.js,
      popupCssBytes: bundle.css,
      targetMs: TARGET_MS,
      pass: median(warm.map((x) => x.paint)) < TARGET_MS,
      standinWarmMs: r1(median(standinWarm)),
      standinColdMs: r1(median(standinCold)),
      ratioWarm: Math.round((median(warm.map((x) => x.paint)) / median(standinWarm)) * 100) / 100,
      ratioCold: Math.round((median(cold.map((x) => x.paint)) / median(standinCold)) * 100) / 100,
      // The same comparison pair by pair (each popup open over the stand-in open right after it,
      // on the same tab): the machine's load drifts over a run (other jobs on 2 cores), and a
      // ratio of two medians taken across that drift moved 1.13-1.35x between runs of one build.
      ratioWarmPaired: Math.round(median(warm.map((x, i) => x.paint / standinWarm[i])) * 100) / 100,
      targetRatio: TARGET_RATIO,
      loadavg: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
      // Cold opens, phase by phase (medians, ms): the first statement of the page's code, the
      // tab's answer after it, the entities in the DOM after that, painted after that.
      coldPhases: { popup: phaseMedians(cold.map((c) => ({ ...c.phases, paint: c.paint }))), standin: phaseMedians(standinColdPhases.map((p, i) => ({ ...p, paint: standinCold[i] }))) },
    };
    if (asJson) {
      console.log(JSON.stringify(out));
      return;
    }
    console.log(`Popup open → entities visible (Chromium, ${OPENS} warm opens on ${main}, ${cold.length} cold tabs)\n`);
    const rows: [string, string][] = [
      ['openToEntitiesMs (median, all warm opens; nav start → entities painted)', `${out.openToEntitiesMs} ms  (target < ${TARGET_MS} ms: ${out.pass ? 'PASS' : 'FAIL'})`],
      ['ratio to the do-nothing stand-in popup, warm (same run, interleaved)', `${out.ratioWarm}x  (popup ${out.openToEntitiesMs} ms / stand-in ${out.standinWarmMs} ms; target <= ${TARGET_RATIO}x: ${out.ratioWarm <= TARGET_RATIO ? 'PASS' : 'FAIL'})`],
      ['ratio to the stand-in, warm, median of per-pair ratios (each open beside the next stand-in open)', `${out.ratioWarmPaired}x`],
      ['ratio to the stand-in, cold (first open on fresh tabs)', `${out.ratioCold}x  (popup ${out.coldMedianMs} ms / stand-in ${out.standinColdMs} ms)`],
      ['load average', out.loadavg],
      ['warm median (excluding the first open)', `${out.warmMedianMs} ms`],
      ['warm p90', `${out.warmP90Ms} ms`],
      ['cold median (first open per fresh tab)', `${out.coldMedianMs} ms`],
      ['cold p90', `${out.coldP90Ms} ms`],
      ['harness wall clock, warm (goto → mark seen, incl. CDP)', `${out.harnessWallWarmMs} ms`],
      ['harness wall clock, cold', `${out.harnessWallColdMs} ms`],
      ['very first open in the browser (untimed warm-up)', `${out.firstOpenMs} ms`],
      ['floor: same popup, no article (not-article state)', `${out.floorNoArticleMs} ms`],
      ['in-page mark, warm (navigation start → render)', `${out.renderMarkWarmMs} ms`],
      ['in-page mark, cold', `${out.renderMarkColdMs} ms`],
      ['content-script extraction (median, cold tabs)', `${out.extractMedianMs} ms`],
      ['popup bundle', `${(bundle.js / 1024).toFixed(1)} KiB JS + ${(bundle.css / 1024).toFixed(1)} KiB CSS (uncompressed)`],
      ['cold phases, popup: first statement / +tab answer / +in DOM / +painted', phaseLine(out.coldPhases.popup)],
      ['cold phases, stand-in', phaseLine(out.coldPhases.standin)],
    ];
    const w = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
    console.log('\nCold by fixture:');
    for (const c of cold) console.log(`  ${c.file.padEnd(22)} ${r1(c.paint).toString().padStart(7)} ms   extract ${r1(c.extract)} ms`);
  } finally {
    await ext.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
