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
import { loadCorpus, corpusCommit, tunedGoldDocs, CORPUS_DIR, ROOT, type CorpusDoc } from '../bench/lib/corpus';
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
const goldTuned = tunedGoldDocs();
for (const d of goldTuned) analysisOf(d);
/** One candidate setting: the model options, and whether the tuned gold records join the train split. */
interface Setting {
  o: TrainOptions;
  gold: boolean;
}
const chosen: Record<string, unknown> = {};
let best: { name: string; file: ReturnType<typeof trained>['file']; dev: Scored } | null = null;
for (const rules of [false, true]) {
  const name = rules ? 'combined' : 'model';
  const fit = (st: Setting) => {
    const m = trained(st.gold ? [...train, ...goldTuned] : train, st.o, { ...meta, variant: name, goldRecords: st.gold ? goldTuned.length : 0 });
    return { st, ...m, dev: evalModel(m.model, dev) };
  };
  const label = (st: Setting) =>
    `${name}${st.gold ? ' +gold' : ''}${st.o.ruleTypes.length ? ' +rules for ' + st.o.ruleTypes.join(',') : ''}${st.o.nested ? ' +nested' : ''}`;
  let cur = fit({ o: { rules, ruleTypes: [], nested: false, epochs: EPOCHS, seed: SEED }, gold: false });
  console.log(line(label(cur.st), cur.dev));
  // greedy, one change at a time, each kept only if it helps on dev
  const tryChange = (next: Setting) => {
    const r = fit(next);
    console.log(line(label(next), r.dev));
    if (crit(r.dev) > crit(cur.dev)) cur = r;
  };
  if (goldTuned.length) tryChange({ ...cur.st, gold: true });
  // per type: the rules' answer where they do better on dev
  const ruleTypes = TYPES.filter((t) => rulesDev.all.perType[t].f1 > cur.dev.all.perType[t].f1);
  if (ruleTypes.length) tryChange({ ...cur.st, o: { ...cur.st.o, ruleTypes } });
  tryChange({ ...cur.st, o: { ...cur.st.o, nested: true } });
  chosen[name] = { ...cur.file.opts, gold: cur.st.gold };
  if (!best || crit(cur.dev) > crit(best.dev)) best = { name, file: cur.file, dev: cur.dev };
}
const winner = best && crit(best.dev) > crit(rulesDev) ? best : null;
console.log(winner ? `dev winner: ${winner.name} ${JSON.stringify(winner.file.opts)}` : 'dev winner: rules (no model shipped)');
if (winner) winner.file.meta.candidates = chosen;
if (!dry) {
  const out = join(ROOT, 'src/data/entity-model.json');
  writeFileSync(out, winner ? JSON.stringify(winner.file) + '\n' : '{}\n');
  console.log(`wrote ${out}`);
}
