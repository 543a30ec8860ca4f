// Anchoring highlights in the text of a dispatch, in the spirit of the W3C Web Annotation
// TextQuoteSelector: a highlight remembers its paragraph and offsets (fast, exact when the text
// is unchanged) and the quoted text with a little context before and after (robust when the
// text changed: a paragraph inserted above, a word corrected around it, a typo fixed inside).
// Pure string logic, no DOM: the reader maps the result onto its elements.
import type { HighlightAnchor } from '../store/readlater-schema';

/** Characters of context kept on each side of the quote. */
export const CONTEXT = 32;
/** Longest quote searched approximately (longer ones must be found exactly). */
const FUZZY_MAX = 400;

export interface Slot {
  field: 'lead' | 'body';
  index: number;
  text: string;
}

export interface Located {
  field: 'lead' | 'body';
  index: number;
  start: number;
  end: number;
}

/** The anchor of [start, end) in a slot's text. */
export function anchorAt(slot: Slot, start: number, end: number): HighlightAnchor {
  const s = Math.max(0, Math.min(start, end));
  const e = Math.min(slot.text.length, Math.max(start, end));
  return {
    field: slot.field,
    index: slot.index,
    start: s,
    end: e,
    exact: slot.text.slice(s, e),
    prefix: slot.text.slice(Math.max(0, s - CONTEXT), s),
    suffix: slot.text.slice(e, e + CONTEXT),
  };
}

/** Length of the common end of a and b (how much of the prefix still precedes the match). */
function commonTail(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonHead(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** 0..1: how well the text around [start, end) agrees with the stored prefix and suffix. */
function contextScore(text: string, start: number, end: number, a: HighlightAnchor): number {
  const pre = a.prefix ? commonTail(a.prefix, text.slice(Math.max(0, start - a.prefix.length), start)) / a.prefix.length : 1;
  const suf = a.suffix ? commonHead(a.suffix, text.slice(end, end + a.suffix.length)) / a.suffix.length : 1;
  return (pre + suf) / 2;
}

/** Small preference for the stored paragraph and offset, to break ties between repeats. */
function nearness(slot: Slot, start: number, a: HighlightAnchor): number {
  const sameField = slot.field === a.field ? 1 : 0;
  const dist = Math.abs(slot.index - a.index) + (slot.index === a.index ? Math.abs(start - a.start) / 10_000 : 0);
  return sameField * (1 / (1 + dist));
}

/**
 * Approximate occurrences of `pat` in `text` (Sellers' edit-distance search): for each end
 * position the lowest number of edits and where that match starts. Returns the best ones.
 */
function fuzzyFind(text: string, pat: string, maxErr: number): { start: number; end: number; err: number }[] {
  const m = pat.length;
  let cost = new Int32Array(m + 1);
  let from = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) { cost[j] = j; from[j] = 0; }
  let nextCost = new Int32Array(m + 1);
  let nextFrom = new Int32Array(m + 1);
  const hits: { start: number; end: number; err: number }[] = [];
  for (let i = 1; i <= text.length; i++) {
    nextCost[0] = 0;
    nextFrom[0] = i;
    const ch = text[i - 1];
    for (let j = 1; j <= m; j++) {
      const sub = cost[j - 1] + (pat[j - 1] === ch ? 0 : 1);
      const del = cost[j] + 1; // a text char not in the pattern
      const ins = nextCost[j - 1] + 1; // a pattern char not in the text
      if (sub <= del && sub <= ins) { nextCost[j] = sub; nextFrom[j] = from[j - 1]; }
      else if (del <= ins) { nextCost[j] = del; nextFrom[j] = from[j]; }
      else { nextCost[j] = ins; nextFrom[j] = nextFrom[j - 1]; }
    }
    if (nextCost[m] <= maxErr) hits.push({ start: nextFrom[m], end: i, err: nextCost[m] });
    [cost, nextCost] = [nextCost, cost];
    [from, nextFrom] = [nextFrom, from];
  }
  // Keep, for each run of overlapping hits, the one with the fewest edits.
  const best: typeof hits = [];
  for (const h of hits) {
    const last = best[best.length - 1];
    if (last && h.start < last.end) {
      if (h.err < last.err || (h.err === last.err && h.end - h.start === m && last.end - last.start !== m)) best[best.length - 1] = h;
    } else best.push(h);
  }
  return best;
}

/**
 * Where the anchor is in the current text, or null when it cannot be found with confidence.
 * 1. The stored paragraph still has the quote at the stored offsets.
 * 2. Exact occurrences of the quote anywhere, ranked by context (prefix/suffix), then nearness.
 * 3. Approximate occurrences (up to 1 edit in 5 characters), ranked by edits, context, nearness.
 */
export function locate(slots: readonly Slot[], a: HighlightAnchor): Located | null {
  if (!a || typeof a.exact !== 'string' || !a.exact) return null;
  const home = slots.find((s) => s.field === a.field && s.index === a.index);
  if (home && home.text.slice(a.start, a.end) === a.exact) return { field: home.field, index: home.index, start: a.start, end: a.end };

  let best = null as { loc: Located; score: number } | null;
  for (const s of slots) {
    for (let at = s.text.indexOf(a.exact); at >= 0; at = s.text.indexOf(a.exact, at + 1)) {
      const score = contextScore(s.text, at, at + a.exact.length, a) * 10 + nearness(s, at, a);
      if (!best || score > best.score) best = { loc: { field: s.field, index: s.index, start: at, end: at + a.exact.length }, score };
    }
  }
  // A short quote found exactly but with none of its context is likely another occurrence of
  // the same words; keep looking approximately and take it only if nothing better turns up.
  if (best && (a.exact.length >= 12 || best.score >= 2)) return best.loc;

  if (a.exact.length > FUZZY_MAX || a.exact.length < 4) return best?.loc ?? null;
  const maxErr = Math.floor(a.exact.length / 5);
  let fuzzy = null as { loc: Located; score: number } | null;
  // The stored paragraph and its neighbours first; elsewhere only when nothing is found there.
  const near = slots.filter((s) => s.field === a.field && Math.abs(s.index - a.index) <= 3);
  for (const pool of [near, slots.filter((s) => !near.includes(s))]) {
    for (const s of pool) {
      for (const h of fuzzyFind(s.text, a.exact, maxErr)) {
        const score = (1 - h.err / (maxErr + 1)) * 10 + contextScore(s.text, h.start, h.end, a) * 5 + nearness(s, h.start, a);
        if (!fuzzy || score > fuzzy.score) fuzzy = { loc: { field: s.field, index: s.index, start: h.start, end: h.end }, score };
      }
    }
    if (fuzzy) break;
  }
  return fuzzy?.loc ?? best?.loc ?? null;
}
