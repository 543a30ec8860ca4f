// Entry bundled into the benchmark / e2e page: exposes the store and the corpus generator on
// `window.vnaStore` so the Node driver can call them through page.evaluate.
import * as store from '../src/store/index';
import { BENCH_QUERIES, makeDispatch } from './store-corpus';
import { goldArticle, synthetic, makeEntity } from '../test/support/store-articles';
import { referenceSearch } from '../test/support/reference-search';
// Read-later: the reader's rendering and highlight anchoring/drawing, for the reopen timing.
import { renderArticle } from '../src/reader/render';
import { anchorAt, locate } from '../src/reader/anchor';
import { drawHighlight, slotsOf } from '../src/reader/highlights';
// Issue 17 (search): the merge batch size, for the per-batch merge timing.
import { DAY_SIZE, WORD_MERGE_BATCH, findWordHits } from '../src/store/word-postings';
// Issue 17 (search): the search's steps, timed one by one in a cold page (bench:store --only search --phases).
import { bestScoreHits, dayKey, rankHits, relevanceCandidates } from '../src/store/word-rank';
// Issue 17 (save): the index tail's fold batch, for the per-batch fold timing.
import { TAIL_MERGE_BATCH } from '../src/store/index-tail';

(globalThis as unknown as { vnaStore: unknown }).vnaStore = { ...store, referenceSearch, makeDispatch, goldArticle, synthetic, makeEntity, BENCH_QUERIES, renderArticle, anchorAt, locate, drawHighlight, slotsOf, WORD_MERGE_BATCH, TAIL_MERGE_BATCH, DAY_SIZE, dayKey, searchSteps: { findWordHits, bestScoreHits, relevanceCandidates, rankHits } };
