// Entry bundled into the benchmark / e2e page: exposes the store and the corpus generator on
// `window.vnaStore` so the Node driver can call them through page.evaluate.
import * as store from '../src/store/index';
import { BENCH_QUERIES, makeDispatch } from './store-corpus';
import { goldArticle, synthetic, makeEntity } from '../test/support/store-articles';

(globalThis as unknown as { vnaStore: unknown }).vnaStore = { ...store, makeDispatch, goldArticle, synthetic, makeEntity, BENCH_QUERIES };
