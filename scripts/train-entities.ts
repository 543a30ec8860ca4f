// npm run train:entities — trains the entity sequence labeller on the corpus's train split,
// picks on the dev split (never on test) between the candidates below, and writes the winner
// to src/data/entity-model.json with the corpus revision it came from. Deterministic: same
// corpus, same file.
//   npm run train:entities [-- --dry]      --dry: print the dev table, write nothing
// Candidates: rules alone; the model alone (rules not seen); the combined model (the rules'
// labels as features). For each model, a type is taken from the rules instead when the rules
// score better on dev for it; then the nested-name option is kept if it helps on dev.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus, corpusCommit, CORPUS_DIR, ROOT, type CorpusDoc } from '../bench/lib/corpus';
import { trained, analysisOf, type TrainOptions } from '../bench/lib/train-perceptron';
import { score, type Scored } from '../bench/lib/corpus-eval';
import { recognise } from '../src/core/entities/index';
import type { Model } from '../src/core/entities/model/perceptron';
import { TYPES } from '../src/core/entities/model/labels';
import { EPOCHS, SEED } from '../bench/lib/train-config';

const dry = process.argv.includes('--dry');

const { docs, revision } = loadCorpus();
const train = docs.filter((d) => d.split === 'train');
const dev = docs.filter((d) => d.split === 'dev');
console.log(`corpus ${CORPUS_DIR}: ${docs.length} articles (${train.length} train, ${dev.length} dev), revision ${revision}`);
if (!train.length || !dev.length) {
  console.error('no train or dev articles: nothing to train on');
  process.exit(1);
}
for (const d of docs) if (d.split !== 'test') analysisOf(d);

const evalModel = (m: Model | null, set: CorpusDoc[]): Scored => score(set, (d) => (m ? recognise(d.record, 'model', m) : recognise(d.record, 'rules')));
const line = (name: string, s: Scored) =>
  `${name.padEnd(34)} core ${s.all.core.p.toFixed(3)}/${s.all.core.r.toFixed(3)}/${s.all.core.f1.toFixed(3)}  ` +
  TYPES.map((t) => `${t} ${s.all.perType[t].f1.toFixed(3)}`).join('  ');
/** Dev criterion: the headline F1, then EVENT and DATE as tie-breaks (the targets). */
const crit = (s: Scored) => s.all.core.f1 + 0.001 * (s.all.perType.EVENT.f1 + s.all.perType.DATE.f1);

const rulesDev = evalModel(null, dev);
console.log(line('rules', rulesDev));
const meta = { corpusRevision: revision, corpusCommit: corpusCommit(), trainArticles: train.length, devArticles: dev.length };
const chosen: Record<string, unknown> = {};
let best: { name: string; file: ReturnType<typeof trained>['file']; dev: Scored } | null = null;
for (const rules of [false, true]) {
  const base: TrainOptions = { rules, ruleTypes: [], nested: false, epochs: EPOCHS, seed: SEED };
  const name = rules ? 'combined' : 'model';
  let cur = trained(train, base, { ...meta, variant: name });
  let curDev = evalModel(cur.model, dev);
  console.log(line(name, curDev));
  // per type: the rules' answer where they do better on dev
  const ruleTypes = TYPES.filter((t) => rulesDev.all.perType[t].f1 > curDev.all.perType[t].f1);
  if (ruleTypes.length) {
    const o = { ...base, ruleTypes };
    const m = trained(train, o, { ...meta, variant: name });
    const s = evalModel(m.model, dev);
    console.log(line(`${name} + rules for ${ruleTypes.join(',')}`, s));
    if (crit(s) > crit(curDev)) {
      cur = m;
      curDev = s;
    }
  }
  const on = { ...cur.file.opts, nested: true, epochs: EPOCHS, seed: SEED };
  const mn = trained(train, on, { ...meta, variant: name });
  const sn = evalModel(mn.model, dev);
  console.log(line(`${name} ${on.ruleTypes.length ? '+ rules for ' + on.ruleTypes.join(',') + ' ' : ''}+ nested`, sn));
  if (crit(sn) > crit(curDev)) {
    cur = mn;
    curDev = sn;
  }
  chosen[name] = cur.file.opts;
  if (!best || crit(curDev) > crit(best.dev)) best = { name, file: cur.file, dev: curDev };
}
const winner = best && crit(best.dev) > crit(rulesDev) ? best : null;
console.log(winner ? `dev winner: ${winner.name} ${JSON.stringify(winner.file.opts)}` : 'dev winner: rules (no model shipped)');
if (winner) winner.file.meta.candidates = chosen;
if (!dry) {
  const out = join(ROOT, 'src/data/entity-model.json');
  writeFileSync(out, winner ? JSON.stringify(winner.file) + '\n' : '{}\n');
  console.log(`wrote ${out}`);
}
