// Development aid: how much of the rules' score on the train and dev splits comes from lists
// that know the article's own names. Names that only one train/dev article holds (by the
// scorer's normal form of any name or alias) are the kind of name new text brings; for each
// article, the gazetteer entries carrying such names are hidden (`hiddenEntries`, and their
// acronyms), the rules run, and the score is set beside the plain one. The patterns' misses on
// these names are what to mend for text nobody tuned on. Refuses the test split.
//   npx tsx bench/entity-unseen.ts [train|dev|train+dev] [-v TYPE]
import { recognise } from '../src/core/entities/index';
import { entries, hiddenEntries, acronymIndex, givenNames, type GazEntry } from '../src/core/entities/gazetteer';
import { norm } from './lib/entity-score';
import { loadCorpus } from './lib/corpus';
import { score } from './lib/corpus-eval';
import { fold } from '../src/core/text/fold';

const split = process.argv[2] ?? 'train+dev';
if (split !== 'train' && split !== 'dev' && split !== 'train+dev') {
  console.error('train or dev only: test-split errors are not looked at before the final run');
  process.exit(2);
}
const vi = process.argv.indexOf('-v');
const showType = vi > 0 ? process.argv[vi + 1] : null;
const { docs } = loadCorpus();
const pool = docs.filter((d) => d.split !== 'test');
const sel = pool.filter((d) => split === 'train+dev' || d.split === split);

const forms = (e: { name: string; aliases?: string[] }) => [e.name, ...(e.aliases ?? [])].map(norm);
// in how many articles each normal form is a gold name
const articlesOf = new Map<string, number>();
for (const d of pool) for (const f of new Set(d.record.entities.flatMap(forms))) articlesOf.set(f, (articlesOf.get(f) ?? 0) + 1);
// gazetteer entries by the normal form of each of their names and acronyms
const byForm = new Map<string, GazEntry[]>();
for (const e of entries.values()) for (const n of [...e.names, ...e.acronyms]) {
  const k = norm(n);
  byForm.set(k, [...(byForm.get(k) ?? []), e]);
}

const singletons = (d: (typeof docs)[number]) => d.record.entities.filter((e) => forms(e).every((f) => (articlesOf.get(f) ?? 0) <= 1));
// given names that open a person's name only this article holds (the list took some from the corpus)
const givenOf = (d: (typeof docs)[number]) => new Set(singletons(d).filter((e) => e.type === 'PER').map((e) => fold(e.name.split(/[\s-]/)[0])).filter((g) => givenNames.has(g)));
let hiddenTotal = 0;
let givenTotal = 0;
/** Runs the rules on d with the lists' knowledge of its own singleton names hidden. */
function withoutOwnNames(d: (typeof docs)[number]) {
  const hide = new Set(singletons(d).flatMap((e) => forms(e).flatMap((f) => byForm.get(f) ?? [])));
  const given = givenOf(d);
  hiddenTotal += hide.size;
  givenTotal += given.size;
  const acr = new Map<string, GazEntry>();
  for (const e of hide) for (const a of e.acronyms) if (acronymIndex.get(fold(a)) === e) { acr.set(fold(a), e); acronymIndex.delete(fold(a)); }
  for (const e of hide) hiddenEntries.add(e);
  for (const g of given) givenNames.delete(g);
  try {
    return recognise(d.record, 'rules');
  } finally {
    hiddenEntries.clear();
    for (const [k, e] of acr) acronymIndex.set(k, e);
    for (const g of given) givenNames.add(g);
  }
}
const plain = score(sel, (d) => recognise(d.record, 'rules'));
const unseen = score(sel, withoutOwnNames);
const line = (label: string, s: typeof plain) =>
  `${label.padEnd(22)} ${s.all.core.p}/${s.all.core.r}/${s.all.core.f1}  ` +
  Object.entries(s.all.perType).map(([k, v]) => `${k} ${v.p}/${v.r}`).join('  ') + '  ' +
  Object.entries(s.bySource).map(([k, v]) => `${k} ${v.core.f1}`).join('  ');
console.log(`${split}: ${sel.length} articles, ${hiddenTotal} entries and ${givenTotal} given names hidden in all (names only their own article holds)`);
console.log(line('rules', plain));
console.log(line('rules, lists hidden', unseen));

if (showType) {
  // the singleton gold names of that type the rules find with their lists and miss without
  for (const d of sel) {
    const found = (pred: ReturnType<typeof recognise>) => new Set(pred.filter((p) => p.type === showType).flatMap(forms));
    const withLists = found(recognise(d.record, 'rules'));
    const without = found(withoutOwnNames(d));
    for (const g of singletons(d).filter((e) => e.type === showType)) {
      const fs = forms(g);
      if (fs.some((f) => withLists.has(f)) && !fs.some((f) => without.has(f))) console.log(`  ${d.id}: ${g.name}`);
    }
  }
}
