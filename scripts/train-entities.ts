// npm run train:entities — trains the entity sequence labeller and writes the shipped one to
// src/data/entity-model.json with the corpus revision it came from. Never reads the test split.
// Deterministic: same corpus, same file.
//   npm run train:entities [-- --dry]      --dry: print the tables, write nothing
// How the choice is made (issue #12):
//   - candidates: the rules alone; the model alone (rules not seen: reported on dev); the
//     combined model (the rules' labels as features) under each decoding setting of DECODES
//     (which types the rules answer for, which ones the model may add to in the rules' gaps and
//     with what decoder margin, nested names), with or without the tuned gold records as extra
//     training documents;
//   - each setting is scored by 5-fold cross-validation over train+dev (folds by article id),
//     the criterion the headline F1 plus a quarter of EVENT's (DATE a tie-break); the best one that keeps
//     the 21 gold records >= 0.95 is shipped if it beats the rules there;
//   - the shipped weights are trained on train+dev with that setting; the dev figures printed
//     (and kept in the file's meta) are those of the same setting trained on train alone, so
//     dev stays an honest held-out measure.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadGold } from '../bench/lib/entity-score';
import { loadCorpus, corpusCommit, tunedGoldDocs, goldDoc, CORPUS_DIR, ROOT, type CorpusDoc } from '../bench/lib/corpus';
import { trained, analysisOf, type TrainOptions } from '../bench/lib/train-perceptron';
import { score, type Scored } from '../bench/lib/corpus-eval';
import { recognise } from '../src/core/entities/index';
import type { Model, ModelOptions } from '../src/core/entities/model/perceptron';
import { TYPES } from '../src/core/entities/model/labels';
import { EPOCHS, SEED, MIN_COUNT, FOLDS, DECODES, SPAN_EPOCHS, GOLD_OPTIONS } from '../bench/lib/train-config';
import { spanItems, outOfFoldItems, trainSpanScorer, foldsOf, type SpanItem } from '../bench/lib/train-rescorer';

const dry = process.argv.includes('--dry');

const { docs, revision } = loadCorpus();
const train = docs.filter((d) => d.split === 'train');
const dev = docs.filter((d) => d.split === 'dev');
const pool = [...train, ...dev].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
console.log(`corpus ${CORPUS_DIR}: ${docs.length} articles (${train.length} train, ${dev.length} dev), revision ${revision}`);
if (!train.length || !dev.length) {
  console.error('no train or dev articles: nothing to train on');
  process.exit(1);
}
for (const d of pool) analysisOf(d);

const evalWith = (m: Model | null, set: CorpusDoc[]): Scored => score(set, (d) => (m ? recognise(d.record, 'model', m) : recognise(d.record, 'rules')));
const line = (name: string, s: Scored) =>
  `${name.padEnd(60)} core ${s.all.core.p.toFixed(3)}/${s.all.core.r.toFixed(3)}/${s.all.core.f1.toFixed(3)}  ` +
  TYPES.map((t) => `${t} ${s.all.perType[t].f1.toFixed(3)}`).join(' ');
/**
 * The criterion: the headline F1, a quarter of EVENT's, DATE as a tie-break (the targets). EVENT is a target
 * of its own (issue #12: F1 >= 0.75) and what the popup lists under events, so a setting cannot buy +0.001 of
 * headline with -0.034 of EVENT (as CORE4 did on the 1,646-article corpus).
 */
const crit = (s: Scored) => s.all.core.f1 + 0.25 * s.all.perType.EVENT.f1 + 0.001 * s.all.perType.DATE.f1;
const withOpts = (m: Model, dec: Partial<ModelOptions>): Model => ({ ...m, opts: { ...m.opts, ...dec } });

const SHARED = resolve(ROOT, '../shared/gold');
const OURS = resolve(ROOT, 'test/gold');
const gold21 = [...(existsSync(SHARED) ? loadGold(SHARED) : []), ...(existsSync(OURS) ? loadGold(OURS) : [])].map((r) => goldDoc(r));
const GOLD_MIN = 0.95;
const goldF1 = (m: Model | null) => evalWith(m, gold21).all.core.f1;
const goldTuned = tunedGoldDocs();
for (const d of goldTuned) analysisOf(d);

const folds = foldsOf(pool, FOLDS);
const meta = { corpusRevision: revision, corpusCommit: corpusCommit(), trainArticles: train.length, devArticles: dev.length };

// --- the rules, and the model alone (reported: it never took part in the choice since #12)
const rulesCv = score(pool, (d) => recognise(d.record, 'rules'));
const rulesDev = evalWith(null, dev);
console.log(line('rules (cv)', rulesCv) + `  gold21 ${goldF1(null).toFixed(3)}`);
console.log(line('rules (dev)', rulesDev));
const alone: TrainOptions = { rules: false, ruleTypes: [], nested: true, confirm: true, epochs: EPOCHS, seed: SEED, minCount: MIN_COUNT };
const aloneDev = evalWith(trained(train, alone).model, dev);
console.log(line('model alone +nested +confirm (dev, trained on train)', aloneDev));

// --- the combined model: per training setting, fold models, then every decoding setting on them
interface Result { gold: boolean; dec: Partial<ModelOptions>; spanEpochs: number; cv: Scored; dev: Scored }
const results: Result[] = [];
const label = (gold: boolean, dec: Partial<ModelOptions>, spanEpochs = 0) => `combined${gold ? ' +gold' : ''} ${JSON.stringify(dec)}${spanEpochs ? ' span scorer ' + spanEpochs + ' epochs' : ''}`;
const combinedOpts = (dec: Partial<ModelOptions>): TrainOptions => ({ rules: true, ruleTypes: [], nested: false, epochs: EPOCHS, seed: SEED, minCount: MIN_COUNT, ...dec });
const foldOf = new Map<string, number>();
folds.forEach(([, ev], f) => ev.forEach((d) => foldOf.set(d.id, f)));
/** Out-of-fold pooled spans of every train+dev document, per training setting (what the shipped scorer learns from). */
const itemsByGold = new Map<boolean, SpanItem[]>();
/** Fits and scores every decoding setting for one training setting (gold records in or out). */
function fitSetting(gold: boolean): void {
  const o = combinedOpts({});
  const extra = gold ? goldTuned : [];
  const foldModels = folds.map(([tr]) => trained([...tr, ...extra], o).model);
  const trainOnly = trained([...train, ...extra], o).model;
  const cvOf = (dec: Partial<ModelOptions>, modelFor: (f: number) => Model) => {
    const preds = new Map<CorpusDoc, ReturnType<typeof recognise>>();
    folds.forEach(([, ev], f) => {
      const m = withOpts(modelFor(f), dec);
      for (const d of ev) preds.set(d, recognise(d.record, 'model', m));
    });
    return score(pool, (d) => preds.get(d)!);
  };
  const report = (r: Result) => {
    results.push(r);
    console.log(line(label(r.gold, r.dec, r.spanEpochs) + ' (cv)', r.cv));
    console.log(line('    (dev, trained on train)', r.dev));
  };
  for (const dec of DECODES.filter((x) => !x.rescore)) report({ gold, dec, spanEpochs: 0, cv: cvOf(dec, (f) => foldModels[f]), dev: evalWith(withOpts(trainOnly, dec), dev) });
  // span rescoring: each document's spans pooled by the fold model that did not see it
  const items = folds.flatMap(([, ev], f) => spanItems(ev, foldModels[f]));
  // the held-out dev figure of a rescoring setting: its span scorer learns from train's own out-of-fold spans
  const innerItems = outOfFoldItems(train, o, FOLDS, extra);
  for (const spanEpochs of SPAN_EPOCHS) {
    const scorers = folds.map((_, f) => trainSpanScorer(items.filter((it) => foldOf.get(it.doc) !== f), spanEpochs, SEED).map);
    const devScorer = trainSpanScorer(innerItems, spanEpochs, SEED).map;
    for (const dec of DECODES.filter((x) => x.rescore))
      report({ gold, dec, spanEpochs, cv: cvOf(dec, (f) => ({ ...foldModels[f], spanW: scorers[f] })), dev: evalWith(withOpts({ ...trainOnly, spanW: devScorer }, dec), dev) });
  }
  itemsByGold.set(gold, items);
}

// --- the choice: best cross-validated setting whose train+dev model keeps the gold records
let shipped: { r: Result; file: ReturnType<typeof trained>['file']; gold21: number } | null = null;
function choose(): void {
  results.sort((x, y) => crit(y.cv) - crit(x.cv));
  for (const r of results) {
    if (crit(r.cv) <= crit(rulesCv)) break;
    const full = trained([...pool, ...(r.gold ? goldTuned : [])], combinedOpts(r.dec), { ...meta, variant: 'combined', trainedOn: 'train+dev', goldRecords: r.gold ? goldTuned.length : 0 });
    if (r.spanEpochs) {
      // the shipped scorer learns from every train+dev document's out-of-fold spans
      const sc = trainSpanScorer(itemsByGold.get(r.gold)!, r.spanEpochs, SEED);
      full.file.spans = { features: sc.features, weights: sc.weights };
      full.file.meta.spanEpochs = r.spanEpochs;
      full.model.spanW = sc.map;
    }
    const g = goldF1(full.model);
    console.log(`${label(r.gold, r.dec, r.spanEpochs)}: trained on train+dev, gold21 ${g.toFixed(3)}`);
    if (g >= GOLD_MIN) {
      shipped = { r, file: full.file, gold21: g };
      return;
    }
    if (results.indexOf(r) >= 2) return; // the best few tried; the next training setting may keep them
  }
}
// without the tuned gold records first; with them only if no setting kept the 21 records
for (const gold of GOLD_OPTIONS) {
  if (shipped || (gold && !goldTuned.length)) continue;
  fitSetting(gold);
  choose();
}
/** The settings bench:entities retrains from train to show beside the rules: the model alone, and r's combined one. */
const candidatesOf = (r: Result | undefined) => ({
  model: { rules: alone.rules, ruleTypes: alone.ruleTypes, nested: alone.nested, confirm: alone.confirm, gold: false },
  ...(r && { combined: { rules: true, ruleTypes: [], nested: false, ...r.dec, gold: r.gold, spanEpochs: r.spanEpochs } }),
});
const fig = (s: Scored) => ({ p: s.all.core.p, r: s.all.core.r, f1: s.all.core.f1, perType: Object.fromEntries(TYPES.map((t) => [t, s.all.perType[t].f1])) });
if (shipped) {
  const { r, file } = shipped;
  file.meta.candidates = candidatesOf(r);
  file.meta.selection = { folds: FOLDS, cv: fig(r.cv), rulesCv: fig(rulesCv), devTrainedOnTrain: fig(r.dev), rulesDev: fig(rulesDev), gold21: +shipped.gold21.toFixed(3) };
  console.log(`shipped: ${label(r.gold, r.dec, r.spanEpochs)} — cv ${r.cv.all.core.f1.toFixed(3)} (rules ${rulesCv.all.core.f1.toFixed(3)}), dev ${r.dev.all.core.f1.toFixed(3)} (rules ${rulesDev.all.core.f1.toFixed(3)})`);
} else console.log('shipped: rules (no combined setting beats them in cross-validation with the gold records kept)');
if (!dry) {
  const out = join(ROOT, 'src/data/entity-model.json');
  // the rules winning is a decision too: the file says so, with the figures it was taken on
  const rulesWon = () => {
    const best = [...results].sort((x, y) => crit(y.cv) - crit(x.cv))[0];
    return {
      shipped: 'rules',
      meta: {
        ...meta,
        candidates: candidatesOf(best),
        selection: { folds: FOLDS, rulesCv: fig(rulesCv), rulesDev: fig(rulesDev), bestCombined: best && { setting: label(best.gold, best.dec, best.spanEpochs), cv: fig(best.cv), devTrainedOnTrain: fig(best.dev) } },
      },
    };
  };
  writeFileSync(out, JSON.stringify(shipped ? shipped.file : rulesWon()) + '\n');
  console.log(`wrote ${out}`);
}
