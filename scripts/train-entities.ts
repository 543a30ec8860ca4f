// npm run train:entities — trains the entity sequence labeller on the corpus's train split,
// picks on the dev split (never on test) between the candidates below, and writes the winner
// to src/data/entity-model.json with the corpus revision it came from. Deterministic: same
// corpus, same file.
//   npm run train:entities [-- --dry]      --dry: print the dev table, write nothing
// Candidates: rules alone; the model alone (rules not seen); the combined model (the rules'
// labels as features, and a type taken from the rules instead where the rules score better on
// dev for it). Each model's options (tuned gold records as extra training data, nested names,
// `confirm`) are picked on dev among the settings that keep the 21 gold records >= 0.95.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadGold } from '../bench/lib/entity-score';
import { loadCorpus, corpusCommit, tunedGoldDocs, goldDoc, CORPUS_DIR, ROOT, type CorpusDoc } from '../bench/lib/corpus';
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
const meta = { corpusRevision: revision, corpusCommit: corpusCommit(), trainArticles: train.length, devArticles: dev.length };
const goldTuned = tunedGoldDocs();
// the 21 gold records must stay >= 0.95 with whatever is shipped (issue #12): a hard constraint
const SHARED = resolve(ROOT, '../shared/gold');
const OURS = resolve(ROOT, 'test/gold');
const gold21 = [...(existsSync(SHARED) ? loadGold(SHARED) : []), ...(existsSync(OURS) ? loadGold(OURS) : [])].map((r) => goldDoc(r));
const GOLD_MIN = 0.95;
const goldF1 = (m: Model | null) => evalModel(m, gold21).all.core.f1;
console.log(line('rules', rulesDev) + `  gold21 ${goldF1(null).toFixed(3)}`);
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
    return { st, ...m, dev: evalModel(m.model, dev), gold: goldF1(m.model) };
  };
  const label = (st: Setting) =>
    `${name}${st.gold ? ' +gold' : ''}${st.o.ruleTypes.length ? ' +rules for ' + st.o.ruleTypes.join(',') : ''}${st.o.nested ? ' +nested' : ''}${st.o.confirm ? ' +confirm' : ''}`;
  const cur = fit({ o: { rules, ruleTypes: [], nested: false, epochs: EPOCHS, seed: SEED }, gold: false });
  console.log(line(label(cur.st), cur.dev) + `  gold21 ${cur.gold.toFixed(3)}`);
  // then every combination of the options (16 fits): the best on dev among those that keep the
  // 21 gold records >= 0.95
  const ok = (r: { gold: number }) => r.gold >= GOLD_MIN;
  // the model alone never takes a type from the rules (else it would not be the model alone);
  // the combined one may, per type, where the rules do better on dev
  const ruleTypes = rules ? TYPES.filter((t) => rulesDev.all.perType[t].f1 > cur.dev.all.perType[t].f1) : [];
  const base = cur.st.o;
  let pick = ok(cur) ? cur : null;
  let top = cur; // best on dev whatever the gold records say: reported if no setting keeps them
  for (const gold of goldTuned.length ? [false, true] : [false])
    for (const rt of ruleTypes.length ? [[], ruleTypes] : [[]])
      for (const nested of [false, true])
        for (const confirm of [false, true]) {
          if (!gold && !rt.length && !nested && !confirm) continue; // the base, fitted above
          const st: Setting = { o: { ...base, ruleTypes: rt, nested, confirm }, gold };
          const r = fit(st);
          console.log(line(label(st), r.dev) + `  gold21 ${r.gold.toFixed(3)}`);
          if (ok(r) && (!pick || crit(r.dev) > crit(pick.dev))) pick = r;
          if (crit(r.dev) > crit(top.dev)) top = r;
        }
  const sel = pick ?? top;
  console.log(`${name}: ${pick ? 'picked' : 'no setting keeps the gold records >= ' + GOLD_MIN + '; best on dev'}: ${label(sel.st)}`);
  chosen[name] = { ...sel.file.opts, gold: sel.st.gold };
  if (pick && (!best || crit(pick.dev) > crit(best.dev))) best = { name, file: pick.file, dev: pick.dev };
}
const winner = best && crit(best.dev) > crit(rulesDev) ? best : null;
console.log(winner ? `dev winner: ${winner.name} ${JSON.stringify(winner.file.opts)}` : 'dev winner: rules (no model shipped)');
if (winner) winner.file.meta.candidates = chosen;
if (!dry) {
  const out = join(ROOT, 'src/data/entity-model.json');
  writeFileSync(out, winner ? JSON.stringify(winner.file) + '\n' : '{}\n');
  console.log(`wrote ${out}`);
}
