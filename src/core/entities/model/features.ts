// Features of each token for the sequence labeller: the word and its neighbours, shape,
// affixes, capitalisation run, position in the segment and sentence, membership of the
// gazetteers and of the role/title/keyword lexicons the rules use, and (for the combined
// recogniser) the label the rules gave the token. Strings, hashed by the model's Map.
import type { Segment, Tok } from '../text';
import { sentenceStart, gluedHyphen } from '../text';
import type { Cand } from '../candidates';
import { matchAt, titleAt, familyNames, middleNames, honorifics, cardinals } from '../gazetteer';
import { vnSyllable } from '../persons';
import {
  STOP, CONNECTORS, ORG_HEADS, EN_ORG_HEADS, EVENT_HEADS, EN_EVENT_HEADS, AGREEMENT_HEADS, isOrdinal, NAME_ADJ,
} from '../lexicon';

const MONTHS = new Set('janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));
const WEEKDAYS = new Set('lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday saturday sunday'.split(' '));
/** Words that name a kind of place before or after its name (`rue X`, `X province`, `commune de X`). */
const PLACE_HEADS = new Set('rue avenue boulevard route place quartier marche pont parc lac fleuve riviere mont montagne baie ile iles plage pagode temple port aeroport gare stade palais musee citadelle village hameau commune district province ville cite arrondissement canton prefecture region zone street road avenue square ward district province city village hamlet commune market bridge park lake river mount mountain bay island islands beach pagoda temple port airport station stadium palace citadel prefecture region border gate'.split(' '));
/** Prepositions of place (`à X`, `in X`). */
const PLACE_PREPS = new Set('a au aux en in at from to vers depuis near'.split(' '));
const REPORT = new Set('a dit declare affirme souligne indique estime annonce precise ajoute said says stressed noted affirmed told added announced highlighted underlined emphasised emphasized asserted urged expressed'.split(' '));

/** Word shape with runs collapsed: `Hanoï` -> `Xx`, `ASEAN` -> `X`, `2024` -> `d`, `Covid-19` -> `Xx-d`. */
const shapeCache = new Map<string, string>();
export function shape(t: string): string {
  let v = shapeCache.get(t);
  if (v === undefined) {
    v = computeShape(t);
    if (shapeCache.size > 20000) shapeCache.clear();
    shapeCache.set(t, v);
  }
  return v;
}
function computeShape(t: string): string {
  let out = '';
  let last = '';
  for (const ch of t) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\d/.test(ch) ? 'd' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

function lex(t: Tok): string {
  const f = t.f;
  if (ORG_HEADS.has(f) || EN_ORG_HEADS.has(f)) return 'orghead';
  if (AGREEMENT_HEADS.has(f)) return 'agrhead';
  if (EVENT_HEADS.has(f) || EN_EVENT_HEADS.has(f)) return 'evhead';
  if (MONTHS.has(f)) return 'month';
  if (WEEKDAYS.has(f)) return 'weekday';
  if (isOrdinal(f)) return 'ordinal';
  if (REPORT.has(f)) return 'report';
  if (PLACE_HEADS.has(f)) return 'lochead';
  if (CONNECTORS.has(f)) return 'conn';
  if (STOP.has(f)) return 'stop';
  if (cardinals.has(f)) return 'cardinal';
  return '';
}

/** BIO label (as text) of each token under a set of candidates; nested ones are reported apart. */
export function candLabels(n: number, cands: Cand[], si: number): { top: string[]; inner: string[] } {
  const top = new Array<string>(n).fill('O');
  const inner = new Array<string>(n).fill('');
  for (const c of cands) {
    if (c.seg !== si) continue;
    const arr = c.nested ? inner : top;
    for (let k = c.a; k < c.b; k++) arr[k] = (k === c.a ? 'B-' : 'I-') + c.type;
  }
  return { top, inner };
}

/** Gazetteer spans (longest match, left to right) as `B-`/`I-` + type:kind per token. */
function gazetteerLabels(toks: Segment['toks']): string[] {
  const n = toks.length;
  const gaz = new Array<string>(n).fill('');
  for (let i = 0; i < n; ) {
    const m = matchAt(toks, i);
    if (!m) {
      i++;
      continue;
    }
    const kind = m.entry.type + ':' + m.entry.id.slice(0, m.entry.id.indexOf(':'));
    for (let k = i; k < m.end; k++) gaz[k] = (k === i ? 'B-' : 'I-') + kind;
    i = m.end;
  }
  return gaz;
}

/** Role/title spans: the tokens inside a title, and the token right after one. */
function titleMarks(toks: Segment['toks']): { inTitle: boolean[]; afterTitle: boolean[] } {
  const n = toks.length;
  const inTitle = new Array<boolean>(n).fill(false);
  const afterTitle = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++) {
    const e = titleAt(toks, i);
    if (e > i) {
      for (let k = i; k < e; k++) inTitle[k] = true;
      if (e < n) afterTitle[e] = true;
    }
  }
  return { inTitle, afterTitle };
}

/** Capitalisation runs: consecutive capitalised words (a glued hyphen continues the run). */
interface CapRuns {
  len: number[];
  /** S, B, I or E: the token's place in its run. */
  pos: string[];
  /** The run starts with a Vietnamese family name. */
  fam: boolean[];
  start: number[];
}

function capRuns(toks: Segment['toks']): CapRuns {
  const n = toks.length;
  const r: CapRuns = { len: new Array<number>(n).fill(0), pos: new Array<string>(n).fill(''), fam: new Array<boolean>(n).fill(false), start: new Array<number>(n).fill(-1) };
  for (let i = 0; i < n; ) {
    if (!(toks[i].word && (toks[i].cap || toks[i].upper))) {
      i++;
      continue;
    }
    let j = i + 1;
    const idx = [i];
    while (j < n) {
      if (gluedHyphen(toks, j) && toks[j + 1]?.word && toks[j + 1].cap) {
        j++;
        continue;
      }
      if (toks[j].word && (toks[j].cap || toks[j].upper)) {
        idx.push(j);
        j++;
      } else break;
    }
    const L = idx.length;
    const fam = familyNames.has(toks[i].f);
    idx.forEach((k, p) => {
      r.fam[k] = fam;
      r.start[k] = i;
      r.len[k] = L;
      r.pos[k] = L === 1 ? 'S' : p === 0 ? 'B' : p === L - 1 ? 'E' : 'I';
    });
    i = j;
  }
  return r;
}

/** Inside quotes (titles of exhibitions, programmes, agreements): the word before the quote, per token. */
function quoteHeads(toks: Segment['toks'], lexes: string[]): string[] {
  const n = toks.length;
  const inQuote = new Array<string>(n).fill('');
  for (let i = 0; i < n; i++) {
    const close = toks[i].t === '«' ? '»' : toks[i].t === '“' ? '”' : toks[i].t === '"' ? '"' : '';
    if (!close) continue;
    let k = i + 1;
    while (k < n && toks[k].t !== close && k - i < 30) k++;
    if (k >= n || toks[k].t !== close) continue;
    const head = toks[i - 1] ? lexes[i - 1] || toks[i - 1].f : '<s>';
    for (let j = i + 1; j < k; j++) inQuote[j] = head;
    i = k;
  }
  return inQuote;
}

/** What the per-token features read about the whole segment, computed once. */
interface SegmentView {
  seg: Segment;
  lang: string;
  shapes: string[];
  lexes: string[];
  gaz: string[];
  inTitle: boolean[];
  afterTitle: boolean[];
  runs: CapRuns;
  inQuote: string[];
  rl: { top: string[]; inner: string[] } | null;
}

/** The word/shape window and spelling features of token i. */
function windowFeatures(v: SegmentView, i: number): string[] {
  const toks = v.seg.toks;
  const n = toks.length;
  const W = (k: number) => (k < 0 ? '<s>' : k >= n ? '</s>' : toks[k].f);
  const S = (k: number) => (k < 0 ? '<s>' : k >= n ? '</s>' : v.shapes[k]);
  const f = toks[i].f;
  const sh = v.shapes[i];
  return [
    'b',
    'w=' + f,
    'sh=' + sh,
    'w-1=' + W(i - 1),
    'w+1=' + W(i + 1),
    'w-2=' + W(i - 2),
    'w+2=' + W(i + 2),
    'sh-1=' + S(i - 1),
    'sh+1=' + S(i + 1),
    'sh-1|sh=' + S(i - 1) + '|' + sh,
    'sh|sh+1=' + sh + '|' + S(i + 1),
    'w-1|w=' + W(i - 1) + '|' + f,
    'w|w+1=' + f + '|' + W(i + 1),
    'lang=' + v.lang + '|sh=' + sh,
    'fld=' + v.seg.field,
  ];
}

/** Affixes, position, capitalisation run and the word before the run. */
function formFeatures(v: SegmentView, i: number, fs: string[]): void {
  const toks = v.seg.toks;
  const t = toks[i];
  const f = t.f;
  const sh = v.shapes[i];
  if (f.length > 3) fs.push('p3=' + f.slice(0, 3), 's3=' + f.slice(-3), 's4=' + f.slice(-4));
  if (f.length > 1) fs.push('s2=' + f.slice(-2));
  if (i === 0) fs.push('first');
  if (sentenceStart(toks, i)) fs.push('sent0|sh=' + sh);
  if (!t.sp) fs.push('glued');
  const { runs } = v;
  if (runs.len[i]) fs.push('run=' + Math.min(runs.len[i], 4) + runs.pos[i], 'runfam=' + runs.fam[i] + '|' + runs.pos[i]);
  // the word before a capitalised run (what kind of name it is: `rue`, `à`, `M.`, `province de`)
  if (runs.len[i]) {
    const k = runs.start[i];
    const before = toks[k - 1];
    const before2 = toks[k - 2];
    if (before) fs.push('runprev=' + before.f);
    if (before && CONNECTORS.has(before.f) && before2) fs.push('runprev2=' + before2.f);
    if (before && PLACE_PREPS.has(before.f)) fs.push('runprep');
  }
}

/** Gazetteer, lexicon, title and quote context of token i. */
function contextFeatures(v: SegmentView, i: number, fs: string[]): void {
  const n = v.seg.toks.length;
  const { gaz, lexes } = v;
  const sh = v.shapes[i];
  if (gaz[i]) fs.push('gaz=' + gaz[i], 'gaz=' + gaz[i].slice(0, 2) + gaz[i].slice(2, gaz[i].indexOf(':')));
  if (i > 0 && gaz[i - 1] && !gaz[i]) fs.push('gaz-1=' + gaz[i - 1].slice(2));
  if (i + 1 < n && gaz[i + 1]) fs.push('gaz+1=' + gaz[i + 1]);
  if (lexes[i]) fs.push('lx=' + lexes[i]);
  if (i > 0 && lexes[i - 1]) fs.push('lx-1=' + lexes[i - 1]);
  if (i + 1 < n && lexes[i + 1]) fs.push('lx+1=' + lexes[i + 1]);
  if (v.inTitle[i]) fs.push('title');
  if (v.inQuote[i]) fs.push('inquote', 'quotehead=' + v.inQuote[i]);
  if (v.afterTitle[i]) fs.push('aftertitle|sh=' + sh);
}

/** Name cues (honorific before, Vietnamese name parts, adjectives, numbers) and the rules' labels. */
function nameFeatures(v: SegmentView, i: number, fs: string[]): void {
  const toks = v.seg.toks;
  const n = toks.length;
  const t = toks[i];
  const f = t.f;
  const sh = v.shapes[i];
  const p1 = toks[i - 1];
  if (p1 && (honorifics.has(p1.f) || (p1.t === '.' && toks[i - 2] && honorifics.has(toks[i - 2].f)))) fs.push('afterhon');
  if (t.cap && familyNames.has(f)) fs.push('vnfam');
  if (t.cap && middleNames.has(f)) fs.push('vnmid');
  if (vnSyllable(t)) fs.push('vnsyl');
  if (t.word && !t.cap && NAME_ADJ.test(f)) fs.push('adj');
  if (t.num) fs.push(f.length === 4 && /^(19|20)\d\d$/.test(f) ? 'year' : f.length <= 2 ? 'num2' : 'num');
  const { rl } = v;
  if (rl) {
    const r = rl.top[i];
    fs.push('r=' + r, 'r|sh=' + r + '|' + sh, 'r-1=' + (i > 0 ? rl.top[i - 1] : '<s>'), 'r+1=' + (i + 1 < n ? rl.top[i + 1] : '</s>'));
    if (rl.inner[i]) fs.push('rn=' + rl.inner[i]);
    if (r !== 'O') fs.push('r|w=' + r + '|' + f);
  }
}

/** The features of every token of a segment; `rules` adds the rules' labels (combined recogniser). */
export function segmentFeatures(seg: Segment, si: number, lang: string, rules: Cand[] | null): string[][] {
  const toks = seg.toks;
  const lexes = toks.map(lex);
  const v: SegmentView = {
    seg, lang, shapes: toks.map((t) => shape(t.t)), lexes, gaz: gazetteerLabels(toks), ...titleMarks(toks), runs: capRuns(toks),
    inQuote: quoteHeads(toks, lexes), rl: rules ? candLabels(toks.length, rules, si) : null,
  };
  const out: string[][] = [];
  for (let i = 0; i < toks.length; i++) {
    // the same features in the same order as training saw them
    const fs = windowFeatures(v, i);
    formFeatures(v, i, fs);
    contextFeatures(v, i, fs);
    nameFeatures(v, i, fs);
    out.push(fs);
  }
  return out;
}
