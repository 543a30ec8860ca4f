// Development aid: the sequence labeller's training settings compared on dev (trained on
// train) or by k-fold cross-validation over train+dev (never the test split). One model is
// trained per training setting; the decoding options (rules' types, fill, nested, confirm)
// are then tried on the same weights.
//   npx tsx bench/entity-cv.ts [dev|cv5] '<json list of training settings>' '<json list of decode options>'
import { recognise } from '../src/core/entities/index';
import type { Model, ModelOptions } from '../src/core/entities/model/perceptron';
import { loadCorpus, type CorpusDoc } from './lib/corpus';
import { score, type Scored } from './lib/corpus-eval';
import { trained, analysisOf, type TrainOptions } from './lib/train-perceptron';
import { EPOCHS, SEED } from './lib/train-config';
import { TYPES } from '../src/core/entities/model/labels';

const [mode = 'dev', trainJson = '[{}]', decodeJson = '[{}]'] = process.argv.slice(2);
const trainSets = JSON.parse(trainJson) as Partial<TrainOptions>[];
const decodes = JSON.parse(decodeJson) as Partial<ModelOptions>[];
const { docs } = loadCorpus();
const pool = docs.filter((d) => d.split === 'train' || d.split === 'dev');
for (const d of pool) analysisOf(d);
/** Folds: [train docs, eval docs]; cvK folds by article order (ids sorted), deterministic. */
const folds: [CorpusDoc[], CorpusDoc[]][] = [];
if (mode === 'dev') folds.push([pool.filter((d) => d.split === 'train'), pool.filter((d) => d.split === 'dev')]);
else {
  const k = Number(mode.replace('cv', '')) || 5;
  const sorted = [...pool].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (let f = 0; f < k; f++) folds.push([sorted.filter((_, i) => i % k !== f), sorted.filter((_, i) => i % k === f)]);
}
const line = (s: Scored) =>
  `core ${s.all.core.p.toFixed(3)}/${s.all.core.r.toFixed(3)}/${s.all.core.f1.toFixed(3)}  ` + TYPES.map((t) => `${t} ${s.all.perType[t].f1.toFixed(3)}`).join(' ');
const evalDocs = folds.flatMap((f) => f[1]);
const rules = score(evalDocs, (d) => recognise(d.record, 'rules'));
console.log(`${mode}: ${evalDocs.length} eval docs; rules  ${line(rules)}`);
for (const ts of trainSets) {
  const o: TrainOptions = { rules: true, ruleTypes: [], nested: false, epochs: EPOCHS, seed: SEED, ...ts };
  const models: [Model, CorpusDoc[]][] = folds.map(([tr, ev]) => [trained(tr, o).model, ev]);
  for (const dec of decodes) {
    const preds = new Map<CorpusDoc, ReturnType<typeof recognise>>();
    for (const [m, ev] of models) {
      const mm: Model = { ...m, opts: { ...m.opts, ...dec } };
      for (const d of ev) preds.set(d, recognise(d.record, 'model', mm));
    }
    const s = score(evalDocs, (d) => preds.get(d)!);
    console.log(`${JSON.stringify(ts)} ${JSON.stringify(dec)}\n    ${line(s)}`);
  }
}
