// Development aid: the recogniser's errors on the train or dev split sorted into classes
// (glued words, boundary, wrong type, missed, invented) per type, counted; refuses the test
// split as bench/entity-errors.ts does.
//   npx tsx bench/entity-error-classes.ts dev|train [rules|shipped|held-out] [-v]
// held-out: the shipped setting retrained on train alone (its span scorer on train's out-of-fold
// spans), for dev when the shipped weights saw dev
import { recognise } from '../src/core/entities/index';
import { norm } from './lib/entity-score';
import { loadCorpus } from './lib/corpus';
import { shippedModel } from '../src/core/entities/model/tagger';
import { trained } from './lib/train-perceptron';
import { outOfFoldItems, trainSpanScorer } from './lib/train-rescorer';
import { EPOCHS, SEED, MIN_COUNT, FOLDS } from './lib/train-config';

const [split = 'dev', which = 'shipped'] = process.argv.slice(2);
const verbose = process.argv.includes('-v');
if (split !== 'train' && split !== 'dev' && split !== 'train+dev') {
  console.error('train or dev only: test-split errors are not looked at before the final run');
  process.exit(2);
}
const { docs } = loadCorpus();
const heldOut = (() => {
  const sh = shippedModel();
  if (which !== 'held-out' || !sh) return null;
  const o = { ...sh.opts, epochs: EPOCHS, seed: SEED, minCount: MIN_COUNT };
  const train = docs.filter((d) => d.split === 'train');
  const m = trained(train, o).model;
  const ep = Number(sh.meta.spanEpochs ?? 0);
  if (ep) m.spanW = trainSpanScorer(outOfFoldItems(train, o, FOLDS), ep, SEED).map;
  return m;
})();
const sel = docs.filter((d) => d.split !== 'test' && (split === 'train+dev' || d.split === split));
const counts = new Map<string, number>();
const ex = new Map<string, string[]>();
const bump = (k: string, s: string) => {
  counts.set(k, (counts.get(k) ?? 0) + 1);
  const l = ex.get(k) ?? [];
  l.push(s);
  ex.set(k, l);
};
const forms = (e: { name: string; aliases?: string[] }) => [e.name, ...(e.aliases ?? [])].map(norm);
for (const d of sel) {
  const pred = which === 'rules' ? recognise(d.record, 'rules') : heldOut ? recognise(d.record, 'model', heldOut) : recognise(d.record, 'shipped');
  const gold = d.record.entities;
  const used = new Set<number>();
  const fp: typeof pred = [];
  for (const e of pred) {
    const ks = new Set(forms(e));
    const i = gold.findIndex((g, k) => !used.has(k) && g.type === e.type && forms(g).some((x) => ks.has(x)));
    if (i < 0) fp.push(e);
    else used.add(i);
  }
  const fn = gold.filter((_, k) => !used.has(k));
  const fnLeft = new Set(fn);
  for (const e of fp) {
    const pf = forms(e);
    const nsp = (s: string) => s.replace(/[\s'’]/g, '');
    let cls = 'invented';
    let hit: (typeof fn)[number] | undefined;
    for (const g of fnLeft) {
      const gf = forms(g);
      if (gf.some((x) => pf.includes(x))) { cls = 'type ' + g.type + '->' + e.type; hit = g; break; }
      if (g.type === e.type && gf.some((x) => pf.some((y) => nsp(x) === nsp(y)))) { cls = 'glued'; hit = g; break; }
      if (g.type === e.type && gf.some((x) => pf.some((y) => x.includes(y) || y.includes(x)))) { cls = pf.some((y) => gf.some((x) => x.includes(y))) ? 'too short' : 'too long'; hit = g; break; }
    }
    if (hit) fnLeft.delete(hit);
    bump(e.type + ' ' + cls, `${d.id}: ${e.name}${hit ? '  <>  ' + hit.name : ''}`);
  }
  for (const g of fnLeft) bump(g.type + ' missed', `${d.id}: ${g.name}`);
}
for (const [k, v] of [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  console.log(`${String(v).padStart(4)}  ${k}`);
  if (verbose) for (const s of ex.get(k)!) console.log('        ' + s);
}
