// Development aid: the entities a recogniser misses (FN) and invents (FP) on the corpus's
// train or dev split, article by article. Refuses the test split: its errors are looked at
// only after the final run (test/corpus/README.md).
//   [RULE_TYPES=PER,DATE] [OPTS=gold,nested,confirm] npx tsx bench/entity-errors.ts dev [rules|model|combined] [TYPE]
import { recognise } from '../src/core/entities/index';
import { norm } from './lib/entity-score';
import { loadCorpus, tunedGoldDocs } from './lib/corpus';
import { trained } from './lib/train-perceptron';
import { EPOCHS, SEED, MIN_COUNT } from './lib/train-config';

const [split = 'dev', which = 'rules', onlyType] = process.argv.slice(2);
if (split !== 'train' && split !== 'dev') {
  console.error('train or dev only: test-split errors are not looked at before the final run');
  process.exit(2);
}
const { docs } = loadCorpus();
const train = docs.filter((d) => d.split === 'train');
const ruleTypes = (process.env.RULE_TYPES ?? '').split(',').filter(Boolean);
const flag = (k: string) => (process.env.OPTS ?? '').split(',').includes(k);
const model = which === 'rules' ? null : trained(flag('gold') ? [...train, ...tunedGoldDocs()] : train, { rules: which === 'combined', ruleTypes, nested: flag('nested'), confirm: flag('confirm'), epochs: EPOCHS, seed: SEED, minCount: MIN_COUNT }).model;
for (const d of docs.filter((x) => x.split === split)) {
  const pred = model ? recognise(d.record, 'model', model) : recognise(d.record, 'rules');
  const gold = d.record.entities;
  const keys = (e: { name: string; aliases?: string[] }) => new Set([norm(e.name), ...(e.aliases ?? []).map(norm)]);
  const used = new Set<number>();
  const fp: string[] = [];
  for (const e of pred) {
    if (onlyType && e.type !== onlyType) continue;
    const ks = keys(e);
    const i = gold.findIndex((g, k) => !used.has(k) && g.type === e.type && [...keys(g)].some((x) => ks.has(x)));
    if (i < 0) fp.push(`${e.type} ${e.name}${e.aliases.length ? ' [' + e.aliases.join('|') + ']' : ''}`);
    else used.add(i);
  }
  const fn = gold.filter((g, k) => !used.has(k) && (!onlyType || g.type === onlyType)).map((g) => `${g.type} ${g.name}${g.aliases?.length ? ' [' + g.aliases.join('|') + ']' : ''}`);
  if (!fp.length && !fn.length) continue;
  console.log(`\n# ${d.id} (${d.source})`);
  for (const x of fn) console.log(`  - missed  ${x}`);
  for (const x of fp) console.log(`  + spurious ${x}`);
}
