// Entity benchmark (issue #4): our recogniser vs a general-purpose JS NLP library (compromise)
// on the same article text (title, lead, body, captions of each gold record), scored exactly
// as ../shared/gold/score.py does (bench/lib/entity-score.ts is a port of ent_match/prf).
//   npm run bench:entities [-- --json]
// Reports three groups separately, plus all together: the shared gold set and our own records
// test-101..107 (both tuned on), and the held-out records test-108.. (never tuned on; the
// `source` field of each says so), with the never-inspected subset test-111.. shown again apart.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import nlp from 'compromise';
import { extractEntities } from '../src/core/entities/index';
import { loadGold, newTally, addDoc, prf, TYPES, type GoldRecord, type ScoredEntity, type Tally } from './lib/entity-score';

const here = dirname(fileURLToPath(import.meta.url));
const SHARED = resolve(here, '../../shared/gold');
const OURS = resolve(here, '../test/gold');
const json = process.argv.includes('--json');
const REPS = 20;

function baseline(g: GoldRecord): ScoredEntity[] {
  const text = [g.title, g.lead ?? '', ...g.body, ...(g.captions ?? [])].join('\n\n');
  const doc = nlp(text);
  const out: ScoredEntity[] = [];
  const seen = new Set<string>();
  const add = (type: string, arr: string[]) => {
    for (const raw of arr) {
      const name = raw.replace(/^[\s"'«(]+|[\s"'»),.;:!?]+$/g, '').replace(/['’]s$/, '');
      const k = type + '|' + name.toLowerCase();
      if (!name || seen.has(k)) continue;
      seen.add(k);
      out.push({ type, name, aliases: [] });
    }
  };
  add('PER', doc.people().out('array'));
  add('ORG', doc.organizations().out('array'));
  add('LOC', doc.places().out('array'));
  return out; // compromise core has no date entities without its dates plugin: DATE/EVENT = n/a
}

interface Side {
  tally: Tally;
  ms: number;
}

function run(records: GoldRecord[], fn: (g: GoldRecord) => ScoredEntity[]): Side {
  const tally = newTally();
  for (const g of records) addDoc(tally, fn(g), g.entities);
  // timing: warm-up, then REPS passes over the set
  for (const g of records) fn(g);
  const t0 = performance.now();
  for (let r = 0; r < REPS; r++) for (const g of records) fn(g);
  const ms = (performance.now() - t0) / (REPS * Math.max(1, records.length));
  return { tally, ms };
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
function summary(s: Side, na: string[] = []) {
  const perType: Record<string, { p: number; r: number; f1: number; tp: number; fp: number; fn: number } | null> = {};
  for (const t of TYPES) {
    if (na.includes(t)) {
      perType[t] = null;
      continue;
    }
    const [tp, fp, fn] = s.tally.perType[t];
    const m = prf(tp, fp, fn);
    perType[t] = { p: r3(m.p), r: r3(m.r), f1: r3(m.f1), tp, fp, fn };
  }
  const c = prf(...s.tally.core);
  return { coreF1: r3(c.f1), coreP: r3(c.p), coreR: r3(c.r), perType, msPerDoc: Math.round(s.ms * 1000) / 1000 };
}

const ours = (g: GoldRecord) => extractEntities(g);
const sets: [string, GoldRecord[]][] = [];
if (existsSync(SHARED)) sets.push(['shared', loadGold(SHARED)]);
/** Own records written after tuning and never tuned on (their ids are >= 108). */
const HELD_OUT_FROM = 108;
const isHeldOut = (g: GoldRecord) => Number(/(\d+)$/.exec(g.id)?.[1] ?? 0) >= HELD_OUT_FROM;
if (existsSync(OURS)) {
  const own = loadGold(OURS);
  sets.push(['own', own.filter((g) => !isHeldOut(g))]);
  sets.push(['held-out', own.filter(isHeldOut)]);
}
const all = sets.flatMap(([, r]) => r);
// test-108..110 were scored before the last round of rule work and their failures named the
// classes it fixed, so they are only half unseen; test-111.. were never looked at per entity.
const UNSEEN_FROM = 111;
const unseen = all.filter((g) => isHeldOut(g) && Number(/(\d+)$/.exec(g.id)?.[1] ?? 0) >= UNSEEN_FROM);
if (unseen.length) sets.push(['held-out, of which test-111.. (subset)', unseen]);

const report = (recs: GoldRecord[]) => ({
  docs: recs.length,
  ours: summary(run(recs, ours)),
  baseline: { name: 'compromise@14 people/organizations/places', ...summary(run(recs, baseline), ['DATE', 'EVENT']) },
});
const result = { ...report(all), sets: Object.fromEntries(sets.map(([n, r]) => [n, report(r)])) };

if (json) {
  console.log(JSON.stringify(result));
} else {
  const fmt = (x: { p: number; r: number; f1: number } | null) => (x ? `${x.p.toFixed(3)} ${x.r.toFixed(3)} ${x.f1.toFixed(3)}` : '   n/a           ');
  for (const [name, rep] of [['all', result], ...Object.entries(result.sets)] as [string, ReturnType<typeof report>][]) {
    console.log(`\n== ${name} (${rep.docs} docs)            ours P/R/F1         compromise P/R/F1`);
    for (const t of TYPES) console.log(`  ${t.padEnd(6)}  ${fmt(rep.ours.perType[t])}   ${fmt(rep.baseline.perType[t])}`);
    console.log(`  core F1 (PER+ORG+LOC)   ${rep.ours.coreF1.toFixed(3)}               ${rep.baseline.coreF1.toFixed(3)}`);
    console.log(`  ms/doc                  ${rep.ours.msPerDoc.toFixed(3)}               ${rep.baseline.msPerDoc.toFixed(3)}`);
  }
  console.log(`\ngold: ${SHARED} + ${join('test', 'gold')}; scoring = score.py ent_match/prf`);
}
