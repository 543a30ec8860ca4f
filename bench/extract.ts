// npm run bench:extract [-- --json] [-- --iterations N]
// Our extractor vs @mozilla/readability and defuddle on every shared fixture
// (../shared/fixtures/vna, "known layouts"), on the same fixtures with every class/id/
// itemprop stripped ("stripped": simulated drift), and on test/fixtures/drifted (hand-made
// drifted/unknown markup). Figures are score.py's (bench/lib/score.ts is its port).
//
// Fairness: every extractor gets its own freshly parsed linkedom document for every timed
// run (Readability mutates the document it is given; Defuddle and ours do not, but they get
// a fresh one too so nobody profits from warm caches). Parsing is NOT timed; only the
// extraction call is. One untimed warm-up run per extractor and page, then N timed runs;
// the page's time is the median of its runs, and the reported figure the median over pages.
// All three outputs go through the same HTML→blocks serialiser (for the baselines) so that
// conversion choices do not move their F1.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { extractArticle } from '../src/core/extract/index';
import { scoreExtraction, summarize, type GoldRecord, type Prediction, type ExtractionScore } from './lib/score';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '../shared');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const itArg = args.indexOf('--iterations');
// 20 timed runs per page: with 5, one GC pause or a busy neighbour moves a 0.3 ms median.
const ITER = itArg >= 0 ? Math.max(1, Number(args[itArg + 1]) || 20) : 20;

interface Page {
  name: string;
  group: 'known' | 'stripped' | 'drifted';
  html: string;
  url: string;
  gold: GoldRecord;
}

function loadPages(): Page[] {
  const pages: Page[] = [];
  const fx = path.join(shared, 'fixtures/vna');
  for (const f of readdirSync(fx).filter((f) => f.endsWith('.html')).sort()) {
    const gold = JSON.parse(readFileSync(path.join(shared, 'gold', `${f.split('.')[0]}.json`), 'utf8')) as GoldRecord & { url: string };
    const html = readFileSync(path.join(fx, f), 'utf8');
    pages.push({ name: f, group: 'known', html, url: gold.url, gold });
    pages.push({ name: `${f} (stripped)`, group: 'stripped', html: html.replace(/\s(?:class|id|itemprop)="[^"]*"/g, ''), url: gold.url, gold });
  }
  const dd = path.join(root, 'test/fixtures/drifted');
  if (existsSync(dd)) {
    for (const f of readdirSync(dd).filter((f) => f.endsWith('.json')).sort()) {
      const exp = JSON.parse(readFileSync(path.join(dd, f), 'utf8'));
      if (!exp.isArticle) continue;
      pages.push({ name: f.replace('.json', '.html'), group: 'drifted', html: readFileSync(path.join(dd, f.replace('.json', '.html')), 'utf8'), url: exp.url, gold: exp });
    }
  }
  return pages;
}

const parse = (html: string) => parseHTML(html).document as unknown as Document;

const LEAF = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, dd, dt';
/**
 * Neutral HTML → {body, captions} for the baselines: leaf text blocks in order; a
 * figcaption, or the first short block right after an image, is a caption.
 */
function serialise(html: string): { body: string[]; captions: string[] } {
  const doc = parse(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const body: string[] = [];
  const captions: string[] = [];
  let afterImage = false;
  const walk = (el: Element) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const t = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (t) {
          (afterImage && t.length < 400 ? captions : body).push(t);
          afterImage = false;
        }
        continue;
      }
      if (n.nodeType !== 1) continue;
      const c = n as Element;
      const tag = c.tagName.toLowerCase();
      if (tag === 'img') {
        afterImage = true;
        continue;
      }
      if (c.matches(LEAF) && !c.querySelector(LEAF)) {
        const t = (c.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').trim();
        if (!t) {
          if (c.querySelector('img')) afterImage = true;
          continue;
        }
        if (tag === 'figcaption' || (afterImage && t.length < 400)) captions.push(t);
        else body.push(t);
        afterImage = false;
        continue;
      }
      walk(c);
    }
  };
  walk(doc.body);
  return { body, captions };
}

type Runner = (doc: Document, url: string) => Prediction;

const runners: Record<'ours' | 'readability' | 'defuddle', Runner> = {
  ours: (doc, url) => {
    const r = extractArticle(doc, url);
    return r.ok ? { title: r.article.title, lead: r.article.lead, body: r.article.body, captions: r.article.captions } : {};
  },
  readability: (doc) => {
    const r = new Readability(doc).parse();
    if (!r) return {};
    const s = serialise(r.content ?? '');
    return { title: r.title ?? '', lead: r.excerpt ?? null, body: s.body, captions: s.captions };
  },
  defuddle: (doc, url) => {
    const r = new (Defuddle as unknown as new (d: Document, o: object) => { parse(): { title: string; description: string; content: string } })(doc, { url }).parse();
    const s = serialise(r.content ?? '');
    return { title: r.title, lead: r.description || null, body: s.body, captions: s.captions };
  },
};

/** Time only the extraction call: the parse happens before the clock starts. */
function timeRun(run: Runner, html: string, url: string): { ms: number; out: Prediction } {
  const doc = parse(html);
  const t0 = performance.now();
  const out = run(doc, url);
  return { ms: performance.now() - t0, out };
}

const median = (xs: number[]) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

interface Figures {
  bodyF1: number;
  bodyF1Min: number;
  teasersLeaked: number;
  teasersAll: number;
  captionRecall: number | null;
  titleExact: number;
  leadOk: number;
  altTextLeaks: number;
  medianMs: number;
}

function figures(rows: ExtractionScore[], times: number[]): Figures {
  const s = summarize(rows);
  const caps = rows.reduce((a, r) => a + r.captionsAll, 0);
  return {
    bodyF1: round(s.bodyF1Mean, 4),
    bodyF1Min: round(s.bodyF1Min, 3),
    teasersLeaked: s.teasersLeaked,
    teasersAll: s.teasersAll,
    captionRecall: caps ? round(s.captionRecall, 3) : null,
    titleExact: round(s.titleExact, 3),
    leadOk: round(s.leadOk, 3),
    altTextLeaks: s.altTextLeaks,
    medianMs: round(median(times), 3),
  };
}
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

function main() {
  const pages = loadPages();
  const names = Object.keys(runners) as Array<keyof typeof runners>;
  const rows: Record<string, Record<string, ExtractionScore[]>> = {};
  const times: Record<string, Record<string, number[]>> = {};
  const perPage: Array<Record<string, unknown>> = [];
  for (const n of names) {
    rows[n] = { all: [], known: [], stripped: [], drifted: [] };
    times[n] = { all: [], known: [], stripped: [], drifted: [] };
  }
  for (const p of pages) {
    const line: Record<string, unknown> = { page: p.name, group: p.group };
    for (const n of names) {
      let out: Prediction;
      try {
        out = timeRun(runners[n], p.html, p.url).out; // warm-up, untimed
      } catch (e) {
        out = {};
        line[`${n}Error`] = String((e as Error)?.message ?? e);
      }
      const ms: number[] = [];
      for (let i = 0; i < ITER; i++) {
        try {
          ms.push(timeRun(runners[n], p.html, p.url).ms);
        } catch {
          /* counted by the warm-up error */
        }
      }
      const sc = scoreExtraction(out, p.gold);
      const t = median(ms);
      rows[n].all.push(sc);
      rows[n][p.group].push(sc);
      times[n].all.push(t);
      times[n][p.group].push(t);
      line[n] = { bodyF1: round(sc.bodyF1, 3), leaked: sc.teasersLeaked, caps: `${sc.captionsHit}/${sc.captionsAll}`, ms: round(t, 2) };
    }
    perPage.push(line);
  }
  const report: Record<string, unknown> = { pages: pages.filter((p) => p.group === 'known').length, iterations: ITER };
  for (const n of names) report[n] = figures(rows[n].known, times[n].known);
  const ours = report.ours as Figures;
  const rd = report.readability as Figures;
  report.speedupVsReadability = round(rd.medianMs / Math.max(1e-6, ours.medianMs), 2);
  report.groups = Object.fromEntries(
    (['known', 'stripped', 'drifted', 'all'] as const).map((g) => [g, { pages: rows.ours[g].length, ...Object.fromEntries(names.map((n) => [n, figures(rows[n][g], times[n][g])])) }]),
  );
  report.targets = {
    knownBodyF1: ours.bodyF1 >= 0.99,
    knownTeasers0: ours.teasersLeaked === 0,
    captions100: ours.captionRecall === null || ours.captionRecall === 1,
    driftedBodyF1: (['stripped', 'drifted'] as const).every((g) => figures(rows.ours[g], times.ours[g]).bodyF1 >= 0.95),
    speedup5x: (report.speedupVsReadability as number) >= 5,
  };
  if (asJson) {
    console.log(JSON.stringify({ ...report, perPage }));
    return;
  }
  const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
  console.log(`Extraction bench — ${pages.length} pages (${report.pages} shared fixtures; stripped + drifted variants), ${ITER} timed runs each, linkedom`);
  for (const g of ['known', 'stripped', 'drifted'] as const) {
    const grp = (report.groups as Record<string, Record<string, Figures | number>>)[g];
    console.log(`\n[${g}] ${grp.pages} pages`);
    console.log('extractor    body F1  min F1  teasers leaked  captions  title  lead   alt leaks  median ms');
    for (const n of names) {
      const f = grp[n] as Figures;
      console.log(
        `${n.padEnd(12)} ${f.bodyF1.toFixed(4).padStart(7)}  ${f.bodyF1Min.toFixed(3).padStart(6)}  ${`${f.teasersLeaked}/${f.teasersAll}`.padStart(14)}  ${pct(f.captionRecall).padStart(8)}  ${pct(f.titleExact).padStart(5)}  ${pct(f.leadOk).padStart(5)}  ${String(f.altTextLeaks).padStart(9)}  ${f.medianMs.toFixed(2).padStart(9)}`,
      );
    }
  }
  console.log(`\nspeed-up vs Readability (known layouts, median ms/page): ${report.speedupVsReadability}x`);
  console.log('targets:', JSON.stringify(report.targets));
}

main();
