// Training constants shared by `npm run train:entities` and the bench's retraining, so both
// produce the same model from the same corpus.
import type { ModelOptions } from '../../src/core/entities/model/perceptron';

export const EPOCHS = 20;
export const SEED = 12;
/**
 * Features seen fewer times in the training tokens are left out (1: all kept). 2 since the corpus
 * grew (343 train articles): the held-out dev figure of the shipped setting stayed (0.858 -> 0.861,
 * train-only weights 169 KB gzipped).
 */
export const MIN_COUNT = 2;
/**
 * Weights below this (in perceptron update units) are dropped from the file. 2 on the first
 * corpus (dev unchanged, 233 -> 92 KB); 4 since it grew: the weights trained on train+dev+gold
 * went from 310 to 210 KB gzipped while the held-out dev figure went 0.851 -> 0.853, keeping the
 * recogniser's code + data well under its 400 KB budget.
 */
export const PRUNE = 4;
/** Cross-validation folds over train+dev for the choice of the decoding setting. */
export const FOLDS = 5;
const CORE4 = ['PER', 'ORG', 'LOC', 'DATE'];
/**
 * Decoding settings tried on the combined model's weights (no retraining needed): the types the
 * rules answer for alone (`ruleTypes`), the ones where the model may add what it finds in the
 * rules' gaps (`fill`, with a minimum decoder margin), span rescoring. (Every type a rule type
 * and no fill would be the rules themselves: taggerNeeded.)
 */
export const DECODES: Partial<ModelOptions>[] = [
  // span rescoring (spans.ts): the rules' and the tagger's spans kept by a learned scorer
  { rescore: true },
  { rescore: true, ruleTypes: ['DATE'] },
  // per-type thresholds on the span scorer (spanBias, in score units; the median |score| is ~13):
  // a lower bar for places and events, where the scorer was too strict in cross-validation
  { rescore: true, ruleTypes: ['DATE'], spanBias: { LOC: 3.4 } },
  { rescore: true, ruleTypes: ['DATE'], spanBias: { LOC: 3.4, EVENT: 3.4 } },
  { rescore: true, ruleTypes: ['DATE'], spanBias: { LOC: 6.8, EVENT: 3.4 } },
  // places from the rules alone: with the larger gazetteers the rules' LOC beat the rescored LOC in
  // cross-validation (0.923 vs 0.910 on the 1,077-article corpus)
  { rescore: true, ruleTypes: ['LOC', 'DATE'] },
  { rescore: true, ruleTypes: ['LOC', 'DATE'], spanBias: { EVENT: 3.4 } },
  // organisations and/or events from the rules alone too: this session's rule work measured the
  // rules' own ORG and EVENT above the rescored ones on dev (ORG 0.828 vs 0.818, EVENT 0.722 vs 0.694)
  { rescore: true, ruleTypes: ['LOC', 'DATE', 'EVENT'] },
  { rescore: true, ruleTypes: ['LOC', 'DATE', 'ORG'] },
  { rescore: true, ruleTypes: ['LOC', 'DATE', 'ORG', 'EVENT'] },
  // (nested: true never won in cross-validation on the grown corpus: left out to keep training short)
  { ruleTypes: [] },
  { ruleTypes: CORE4 },
  { fill: CORE4, fillMargin: 120 },
  // every type from the rules, the tagger adding only events it is sure of in the rules' gaps: with the
  // rules' EVENT above the tagger's in cross-validation (0.763 vs 0.729 on the 1,646-article corpus), the
  // tagger's events should only fill what the rules leave
  // (until 2026-12 these two added nothing: the rule-type test hid the model's events, so what
  // shipped under this name was the rules re-finished with their nested names dropped)
  { ruleTypes: [...CORE4, 'EVENT'], fill: ['EVENT'], fillMargin: 120 },
  { ruleTypes: [...CORE4, 'EVENT'], fill: ['EVENT'], fillMargin: 240 },
];
/** Epochs of the span scorer's averaged perceptron (chosen by cross-validation). */
export const SPAN_EPOCHS = [5, 10];
/** Whether the tuned gold records join the tagger's training documents: tried in this order, the next only if no setting of the previous one keeps the 21 gold records >= 0.95. */
// with them first: on the grown corpus both tie in cross-validation (0.853) and only the +gold
// weights keep the 21 records >= 0.95 (0.963 vs 0.946)
export const GOLD_OPTIONS = [true, false];
