// `npm run bench:hostile`: extraction time (linkedom) on every bad page and every hostile
// page of issue #9. Parsing is not timed (it is the DOM library's cost, not ours); each page
// is parsed fresh for every timed run. Prints a table and the worst time; `--json` prints
// {"pages", "worstMs", "worstPage", "medianMs"}.
import { parseHTML } from 'linkedom';
import { extractArticle } from '../src/core/extract';
import { badPages } from '../test/fixtures/hostile/bad-pages';
import { hostileCorpus } from '../test/fixtures/hostile';

const json = process.argv.includes('--json');
const RUNS = 3;
const pages = [
  ...badPages().map((p) => ({ kind: 'bad', name: p.name, url: p.url, html: p.html })),
  ...hostileCorpus().map((p) => ({ kind: 'hostile', name: p.name, url: p.url, html: p.html })),
];

interface Row { kind: string; name: string; kb: number; ms: number; result: string }
const rows: Row[] = [];
for (const p of pages) {
  let best = Infinity;
  let result = '';
  for (let i = 0; i < RUNS; i++) {
    const doc = parseHTML(p.html).document as unknown as Document;
    const t0 = performance.now();
    const r = extractArticle(doc, p.url);
    const ms = performance.now() - t0;
    best = Math.min(best, ms);
    result = r.ok ? `article (${r.article.body.length} paragraphs)` : `not an article: ${r.reason}`;
  }
  rows.push({ kind: p.kind, name: p.name, kb: Math.round(p.html.length / 1024), ms: best, result });
}
const sorted = rows.map((r) => r.ms).sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const worst = rows.reduce((a, b) => (b.ms > a.ms ? b : a));
const round = (n: number) => Math.round(n * 10) / 10;

if (json) {
  console.log(JSON.stringify({ pages: rows.length, worstMs: round(worst.ms), worstPage: worst.name, medianMs: round(median) }));
} else {
  console.log(`Hostile and bad pages — ${rows.length} pages, extraction only (linkedom), best of ${RUNS} runs`);
  console.log(`${'kind'.padEnd(8)} ${'page'.padEnd(28)} ${'size KB'.padStart(8)} ${'ms'.padStart(8)}  result`);
  for (const r of rows) console.log(`${r.kind.padEnd(8)} ${r.name.padEnd(28)} ${String(r.kb).padStart(8)} ${round(r.ms).toFixed(1).padStart(8)}  ${r.result.slice(0, 70)}`);
  console.log(`\nworst: ${round(worst.ms)} ms (${worst.name}); median: ${round(median)} ms`);
}
