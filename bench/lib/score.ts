// Port of ../shared/gold/score.py (the reference scorer) so our benches print the same
// figures it would. Keep it line-for-line comparable with the Python: norm, tokens, f1,
// shingles, ent_match, prf and the per-document extraction figures. Token and name
// folding reuse src/core/text/fold.ts, which mirrors score.py's norm()/tokens().
import { foldName, tokens as foldTokens } from '../../src/core/text/fold';

export interface GoldTeaser {
  caption?: string;
  title: string;
  lede?: string;
}

export interface GoldEntity {
  type: string;
  name: string;
  aliases?: string[];
}

/** The fields of a gold record (../shared/gold/README.md) the scorer reads. */
export interface GoldRecord {
  id: string;
  title: string;
  lead?: string | null;
  body: string[];
  captions?: string[];
  teasers?: GoldTeaser[];
  entities?: GoldEntity[];
}

/** What a prediction file holds (same schema, every field optional). */
export interface Prediction {
  title?: string | null;
  lead?: string | null;
  body?: string[] | null;
  captions?: string[] | null;
  entities?: Array<{ type?: string; name?: string; aliases?: string[] | null }> | null;
}

/** score.py norm(): NFKD, no combining marks, đ→d, unified apostrophes/dashes, casefold, no leading article. */
export function norm(s: string | null | undefined): string {
  return foldName((s ?? '').replace(/ß/g, 'ss'));
}

/** score.py tokens(): `\w+` after NFC + casefold. */
export function tokens(s: string | null | undefined): string[] {
  return foldTokens((s ?? '').replace(/ß/g, 'ss'));
}

function counter(xs: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

/** Bag-of-tokens precision, recall, F1 (score.py f1()). */
export function f1(pred: string[], gold: string[]): [number, number, number] {
  if (!pred.length && !gold.length) return [1, 1, 1];
  const p = counter(pred);
  const g = counter(gold);
  let ov = 0;
  for (const [k, v] of p) ov += Math.min(v, g.get(k) ?? 0);
  const P = ov / Math.max(1, pred.length);
  const R = ov / Math.max(1, gold.length);
  return [P, R, P + R ? (2 * P * R) / (P + R) : 0];
}

export function shingles(toks: string[], n = 6): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < Math.max(0, toks.length - n + 1); i++) out.add(toks.slice(i, i + n).join('\u0001'));
  return out;
}

/** score.py ent_match(): [tp, fp, fn]; each gold entity can be matched once. */
export function entMatch(
  predEnts: NonNullable<Prediction['entities']>,
  goldEnts: GoldEntity[],
  types: Set<string>,
): [number, number, number] {
  let tp = 0;
  let fp = 0;
  const golds = goldEnts.filter((g) => types.has(g.type));
  const keys = golds.map((g) => new Set([norm(g.name), ...(g.aliases ?? []).map(norm)]));
  const used = new Set<number>();
  for (const e of predEnts) {
    if (!e.type || !types.has(e.type)) continue;
    const names = new Set([norm(e.name ?? ''), ...(e.aliases ?? []).map(norm)]);
    let hit: number | null = null;
    for (let i = 0; i < golds.length; i++) {
      if (golds[i].type === e.type && [...keys[i]].some((k) => names.has(k))) {
        hit = i;
        break;
      }
    }
    if (hit === null || used.has(hit)) fp++;
    else {
      used.add(hit);
      tp++;
    }
  }
  return [tp, fp, golds.length - used.size];
}
export const ent_match = entMatch;

export function prf(tp: number, fp: number, fn: number): [number, number, number] {
  const P = tp + fp ? tp / (tp + fp) : 0;
  const R = tp + fn ? tp / (tp + fn) : 0;
  return [P, R, P + R ? (2 * P * R) / (P + R) : 0];
}

export interface ExtractionScore {
  bodyP: number;
  bodyR: number;
  bodyF1: number;
  titleOk: boolean;
  /** null when the gold record has no lead. */
  leadOk: boolean | null;
  captionsHit: number;
  captionsAll: number;
  teasersLeaked: number;
  teasersAll: number;
  altTextLeaks: number;
}

/** The extraction figures of one document, exactly as score.py computes them. */
export function scoreExtraction(p: Prediction, g: GoldRecord): ExtractionScore {
  const pb = (p.body ?? []).join(' ');
  const gb = g.body.join(' ');
  const [bodyP, bodyR, bodyF1] = f1(tokens(pb), tokens(gb));
  const titleOk = norm(p.title) === norm(g.title);
  const leadOk = g.lead ? f1(tokens(p.lead), tokens(g.lead))[2] >= 0.95 : null;
  const pc = new Set((p.captions ?? []).map(norm));
  let captionsHit = 0;
  const gcaps = g.captions ?? [];
  for (const c of gcaps) captionsHit += pc.has(norm(c)) ? 1 : 0;
  const pcaps = (p.captions ?? []).join(' ');
  const gcapsJ = gcaps.join(' ');
  const outSh = shingles(tokens([p.title ?? '', p.lead ?? '', pb, pcaps].join(' ')));
  const goldText = [g.title, g.lead ?? '', gb, gcapsJ].join(' ');
  const goldSh = shingles(tokens(goldText));
  const gold4 = shingles(tokens(goldText), 4);
  const out4 = new Set([...outSh, ...shingles(tokens([p.title ?? '', pb].join(' ')), 4)]);
  let teasersLeaked = 0;
  const teasers = g.teasers ?? [];
  for (const t of teasers) {
    const ts = new Set([
      ...shingles(tokens(t.title ?? ''), 4),
      ...shingles(tokens(t.lede ?? '')),
      ...shingles(tokens(t.caption ?? '')),
    ]);
    const own = [...ts].filter((s) => {
      const first4 = s.split('\u0001').slice(0, 4).join('\u0001');
      return !goldSh.has(s) && !gold4.has(first4) && !gold4.has(s);
    });
    if (own.some((s) => out4.has(s))) teasersLeaked++;
  }
  const altTextLeaks = (JSON.stringify(p).match(/ảnh \d/g) ?? []).length;
  return {
    bodyP, bodyR, bodyF1, titleOk, leadOk, captionsHit, captionsAll: gcaps.length,
    teasersLeaked, teasersAll: teasers.length, altTextLeaks,
  };
}

export interface ExtractionSummary {
  docs: number;
  bodyF1Mean: number;
  bodyF1Min: number;
  titleExact: number;
  leadOk: number;
  captionRecall: number;
  teasersLeaked: number;
  teasersAll: number;
  altTextLeaks: number;
}

/** score.py's summary over documents (mean body F1, caption recall pooled, teasers pooled). */
export function summarize(rows: ExtractionScore[]): ExtractionSummary {
  const n = Math.max(1, rows.length);
  const leads = rows.filter((r) => r.leadOk !== null);
  const capsAll = rows.reduce((a, r) => a + r.captionsAll, 0);
  return {
    docs: rows.length,
    bodyF1Mean: rows.reduce((a, r) => a + r.bodyF1, 0) / n,
    bodyF1Min: rows.length ? Math.min(...rows.map((r) => r.bodyF1)) : 0,
    titleExact: rows.filter((r) => r.titleOk).length / n,
    leadOk: leads.filter((r) => r.leadOk).length / Math.max(1, leads.length),
    captionRecall: rows.reduce((a, r) => a + r.captionsHit, 0) / Math.max(1, capsAll),
    teasersLeaked: rows.reduce((a, r) => a + r.teasersLeaked, 0),
    teasersAll: rows.reduce((a, r) => a + r.teasersAll, 0),
    altTextLeaks: rows.reduce((a, r) => a + r.altTextLeaks, 0),
  };
}
