// Development aid: the rules' scores on train or dev, whole split and per source (the English
// en.vietnamplus subset is tracked on its own: issue #12 has a target for it). Refuses the test
// split: its figures come only from the final run.
//   npx tsx bench/entity-by-source.ts [dev|train]
import { recognise } from '../src/core/entities/index';
import { loadCorpus } from './lib/corpus';
import { score, SOURCES, type Figures } from './lib/corpus-eval';
import { TYPES } from './lib/entity-score';

const [split = 'dev'] = process.argv.slice(2);
if (split !== 'train' && split !== 'dev') {
  console.error('train or dev only: test-split figures come only from the final run');
  process.exit(2);
}
const docs = loadCorpus().docs.filter((d) => d.split === split);
const s = score(docs, (d) => recognise(d.record, 'rules'));
const line = (f: Figures) =>
  `core ${f.core.p.toFixed(3)}/${f.core.r.toFixed(3)}/${f.core.f1.toFixed(3)}  ` + TYPES.map((t) => `${t} ${f.perType[t].f1.toFixed(3)}`).join(' ');
console.log(`${split} all (${s.all.docs})  ${line(s.all)}`);
for (const src of SOURCES) {
  const f = s.bySource[src];
  if (f) console.log(`${split} ${src} (${f.docs})  ${line(f)}`);
}
