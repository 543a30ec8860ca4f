// Dates and ranges resolved against the publication date: `lundi 18 mai`, `le 14 avril dernier`,
// `du 4 au 6 février`, `août 2020`, `19 décembre 2018`; English `May 18`, `18 May 2020`,
// `February 4-6`, `from February 4 to 6`, `between May 3 and 5`, `entre le 3 et le 5 mai`,
// `from October 28 to November 2`. Years alone and weekdays alone are not dates here.
import { spanText, type Segment, type Tok } from './text';
import type { Cand } from './candidates';
import { FR_MONTHS, EN_MONTHS, FR_MONTH_NAMES, EN_MONTH_NAMES } from './lexicon';

const MONTHS: Record<string, number> = {
  ...Object.fromEntries([...FR_MONTHS.map((m, i) => [m, i + 1]), ...EN_MONTHS.map((m, i) => [m, i + 1])]),
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const WEEKDAYS = new Set(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

const pad = (n: number) => String(n).padStart(2, '0');

function month(t: Tok | undefined): number {
  if (!t || !t.word) return 0;
  const m = MONTHS[t.f];
  if (!m) return 0;
  // English abbreviations and `May`/`March` must be capitalised to count (`mai` FR is lower-case)
  if (t.f.length <= 4 && t.f !== 'mai' && t.f !== 'mars' && t.f !== 'juin' && t.f !== 'aout' && !t.cap) return 0;
  if ((t.f === 'may' || t.f === 'march') && !t.cap) return 0;
  return m;
}
function day(t: Tok | undefined): number {
  if (!t || !t.num) return 0;
  const m = /^(\d{1,2}) ?(er|st|nd|rd|th)?$/.exec(t.f);
  if (!m) return 0;
  const d = +m[1];
  return d >= 1 && d <= 31 ? d : 0;
}
function year(t: Tok | undefined): number {
  if (!t || !t.num || !/^(1[89]|20)\d\d$/.test(t.f)) return 0;
  return +t.f;
}

function pub(published: string | null | undefined): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published ?? '');
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
}

/** Resolve a year-less day/month: the closest to the publication date (or before/after it). */
function resolveYear(m: number, d: number, ref: Date | null, dir: -1 | 0 | 1): number | null {
  if (!ref) return null;
  const y0 = ref.getUTCFullYear();
  let best: number | null = null;
  let bestDist = Infinity;
  for (const y of [y0 - 1, y0, y0 + 1]) {
    const diff = Date.UTC(y, m - 1, d) - ref.getTime();
    if (dir < 0 && diff > 0) continue;
    if (dir > 0 && diff < 0) continue;
    if (Math.abs(diff) < bestDist) {
      bestDist = Math.abs(diff);
      best = y;
    }
  }
  return best;
}

/** What every date matcher reads: the segment's tokens, the publication date, where to put candidates. */
interface DateScan {
  readonly toks: Tok[];
  readonly si: number;
  readonly ref: Date | null;
  readonly out: Cand[];
  /** The segment's text from token a to token b (exclusive). */
  text(a: number, b: number): string;
}

const iso = (y: number | null, m: number, d?: number) => (y == null ? undefined : d ? `${y}-${pad(m)}-${pad(d)}` : `${y}-${pad(m)}`);

/** `dernier`/`last` (-1), `prochain`/`next` (+1) after a date: which side of the publication date it is. */
function dirAt(toks: Tok[], k: number): -1 | 0 | 1 {
  const f = toks[k]?.f;
  return f === 'dernier' || f === 'derniere' || f === 'last' ? -1 : f === 'prochain' || f === 'prochaine' || f === 'next' ? 1 : 0;
}

/** A matcher tries the date starting at token i: the index to scan from next, or null when it does not apply. */
type DateMatcher = (s: DateScan, i: number) => number | null;

/** Where a day range starts: `du`/`from` before it (not with `et`/`and`), `between … and`, `entre le … et`. */
function dayRangeStart(toks: Tok[], i: number, sep: Tok): number {
  const p1 = toks[i - 1]?.f ?? '';
  if (['du', 'from'].includes(p1) && sep.f !== 'et' && sep.f !== 'and') return i - 1;
  if (p1 === 'between' && sep.f === 'and') return i - 1;
  if (p1 === 'le' && toks[i - 2]?.f === 'entre' && sep.f === 'et') return i - 2;
  return i;
}

const isDaySeparator = (sep: Tok) => sep.f === 'au' || sep.f === 'to' || sep.t === '-' || sep.t === '–' || sep.f === 'et' || sep.f === 'and';

/** `du 4 au 6 février [2020]`, `4-6 février`, `entre le 3 et le 5 mai`: two days, one month. */
const dayRange: DateMatcher = (s, i) => {
  const { toks } = s;
  const d1 = day(toks[i]);
  if (!d1) return null;
  const sep = toks[i + 1];
  // `entre le 3 et le 5 mai`: the second day may carry its own article
  const k2 = sep?.f === 'et' && toks[i + 2]?.f === 'le' ? i + 3 : i + 2;
  const d2 = day(toks[k2]);
  if (!(sep && d2 && isDaySeparator(sep) && d2 > d1)) return null;
  const m = month(toks[k2 + 1]);
  if (!m) return null;
  let e = k2 + 2;
  let y = year(toks[e]);
  if (y) e++;
  else y = resolveYear(m, d1, s.ref, 0) ?? 0;
  const a = dayRangeStart(toks, i, sep);
  const yy = y || null;
  s.out.push({ seg: s.si, a, b: e, type: 'DATE', prio: 5, value: yy ? `${iso(yy, m, d1)}/${iso(yy, m, d2)}` : undefined, aliases: a < i ? [s.text(i, e)] : undefined });
  return e;
};

/** `du 28 octobre au 2 novembre [2020]`: day and month at both ends. */
const dayMonthToDayMonth: DateMatcher = (s, i) => {
  const { toks } = s;
  const d1 = day(toks[i]);
  const m1 = month(toks[i + 1]);
  if (!(d1 && m1 && toks[i + 2] && ['au', 'to'].includes(toks[i + 2].f) && day(toks[i + 3]) && month(toks[i + 4]))) return null;
  const d2 = day(toks[i + 3]);
  const m2 = month(toks[i + 4]);
  let e = i + 5;
  const y = year(toks[e]);
  if (y) e++;
  const y1 = y ? (m1 > m2 ? y - 1 : y) : resolveYear(m1, d1, s.ref, 0);
  const y2 = y ? y : y1 != null ? (m2 < m1 ? y1 + 1 : y1) : null;
  const a = toks[i - 1]?.f === 'du' || toks[i - 1]?.f === 'from' ? i - 1 : i;
  s.out.push({ seg: s.si, a, b: e, type: 'DATE', prio: 5, value: y1 != null && y2 != null ? `${iso(y1, m1, d1)}/${iso(y2, m2, d2)}` : undefined, aliases: a < i ? [s.text(i, e)] : undefined });
  return e;
};

/** `[lundi] 18 mai [2020] [dernier|prochain]`. */
const dayMonth: DateMatcher = (s, i) => {
  const { toks } = s;
  const d1 = day(toks[i]);
  const m1 = month(toks[i + 1]);
  if (!(d1 && m1)) return null;
  let e = i + 2;
  const y = year(toks[e]);
  if (y) e++;
  const yy = y || resolveYear(m1, d1, s.ref, dirAt(toks, e));
  const wd = WEEKDAYS.has(toks[i - 1]?.f ?? '') ? i - 1 : -1;
  s.out.push({
    seg: s.si, a: wd >= 0 ? wd : i, b: e, type: 'DATE', prio: 5, value: iso(yy, m1, d1),
    name: s.text(i, e), aliases: wd >= 0 ? [s.text(wd, e)] : undefined,
  });
  return e;
};

/** A year after token e, directly or after a comma (`May 18, 2020`): [year, tokens it takes]. */
function yearAfter(toks: Tok[], e: number): [number, number] {
  const y = year(toks[e]) || (toks[e]?.t === ',' ? year(toks[e + 1]) : 0);
  return [y, y ? (toks[e]?.t === ',' ? 2 : 1) : 0];
}

/** The second end of an English range after `MONTH D`: `-6`, `to 6`, `and 5`, `to November 2`; null when there is none. */
function englishRangeEnd(toks: Tok[], i: number, m: number, d1: number, dot: number): { e: number; m2: number; d2: number; between: boolean } | null {
  const e = i + 2 + dot;
  const sep = toks[e];
  const between = toks[i - 1]?.f === 'between' && sep?.f === 'and';
  // `from October 28 to November 2`, `between October 28 and November 2`
  // `September 12-October 3`, `November 29 – December 4`: a dash between two month-days
  const m2 = (sep?.f === 'to' || between || sep?.t === '-' || sep?.t === '–') && month(toks[e + 1]) && toks[e + 1].cap ? month(toks[e + 1]) : 0;
  const d2 = m2 ? day(toks[e + 2]) : day(toks[e + 1]);
  // `from October 27 to October 29` (the month repeated), `March 15 and 16`
  const and = !m2 && sep?.f === 'and' && !between;
  const later = m2 ? m2 !== m || d2 > d1 : d2 > d1;
  if (!(sep && d2 && later && (sep.t === '-' || sep.t === '–' || sep.f === 'to' || between || and))) return null;
  return { e: e + (m2 ? 3 : 2), m2, d2, between };
}

/** English ranges: `February 4-6`, `from February 4 to 6`, `between May 3 and 5`, `from October 28 to November 2`, `March 15 and 16`. */
function monthDayRange(s: DateScan, i: number, m: number, d1: number, dot: number): number | null {
  const { toks } = s;
  const r = englishRangeEnd(toks, i, m, d1, dot);
  if (!r) return null;
  const { m2, d2, between } = r;
  const [y, taken] = yearAfter(toks, r.e);
  const e = r.e + taken;
  const y2 = y || (resolveYear(m, d1, s.ref, 0) ?? 0) + (m2 && m2 < m ? 1 : 0);
  const y1 = y && m2 && m2 < m ? y - 1 : y || resolveYear(m, d1, s.ref, 0) || 0;
  const a = toks[i - 1]?.f === 'from' || between ? i - 1 : i;
  s.out.push({ seg: s.si, a, b: e, type: 'DATE', prio: 5, value: y1 ? `${iso(y1, m, d1)}/${iso(y2, m2 || m, d2)}` : undefined, aliases: a < i ? [s.text(i, e)] : undefined });
  return e;
}

/** English `[Monday,] May 18[, 2020] [last|next]`. */
function monthDaySingle(s: DateScan, i: number, m: number, d1: number, dot: number): number {
  const { toks } = s;
  let e = i + 2 + dot;
  const [y, taken] = yearAfter(toks, e);
  e += taken;
  const yy = y || resolveYear(m, d1, s.ref, dirAt(toks, e));
  const wd = toks[i - 1]?.t === ',' && WEEKDAYS.has(toks[i - 2]?.f ?? '') ? i - 2 : WEEKDAYS.has(toks[i - 1]?.f ?? '') ? i - 1 : -1;
  s.out.push({ seg: s.si, a: wd >= 0 ? wd : i, b: e, type: 'DATE', prio: 5, value: iso(yy, m, d1), name: s.text(i, e), aliases: wd >= 0 ? [s.text(wd, e)] : undefined });
  return e;
}

/** English month then day (`May 18`, `Dec. 29`), a range or a single day. */
const monthDay: DateMatcher = (s, i) => {
  const { toks } = s;
  const t = toks[i];
  const m = month(t);
  if (!m) return null;
  // `Dec. 29`: an abbreviated month with its dot
  const dot = t.f.length <= 4 && toks[i + 1]?.t === '.' && !toks[i + 1].sp && day(toks[i + 2]) ? 1 : 0;
  const d1 = day(toks[i + 1 + dot]);
  if (!(d1 && t.cap)) return null;
  return monthDayRange(s, i, m, d1, dot) ?? monthDaySingle(s, i, m, d1, dot);
};

/** `juin dernier`, `novembre prochain`: the month nearest the publication date in that direction. */
const monthRelative: DateMatcher = (s, i) => {
  const { toks, ref } = s;
  const m = month(toks[i]);
  if (!m) return null;
  const dir = dirAt(toks, i + 1);
  if (!(dir && !day(toks[i - 1]) && !year(toks[i + 1]) && toks[i + 1].f !== 'last' && toks[i + 1].f !== 'next')) return null;
  let yy: number | null = null;
  if (ref) {
    const pm = ref.getUTCMonth() + 1;
    yy = ref.getUTCFullYear() + (dir < 0 ? (m >= pm ? -1 : 0) : m <= pm ? 1 : 0);
  }
  s.out.push({ seg: s.si, a: i, b: i + 2, type: 'DATE', prio: 5, value: iso(yy, m) });
  return i + 2;
};

/** `août 2020`, `May 2020` (a lower-case `may`/`march` is an English word, not a month); English `late June 2019` keeps its modifier. */
const monthYear: DateMatcher = (s, i) => {
  const t = s.toks[i];
  const m = month(t);
  const y = m ? year(s.toks[i + 1]) : 0;
  if (!(y && (t.cap || !['may', 'march'].includes(t.f)))) return null;
  const a = t.cap ? englishModifierStart(s.toks, i) : i;
  s.out.push({ seg: s.si, a, b: i + 2, type: 'DATE', prio: 5, value: iso(y, m) });
  return i + 2;
};

const EN_MODIFIERS = new Set(['early', 'late', 'mid']);
/** Where an English month starts with its modifier: `late June`, `mid-July`, `mid July`; i when none. */
function englishModifierStart(toks: Tok[], i: number): number {
  if (englishMidDash(toks, i)) return i - 2;
  return EN_MODIFIERS.has(toks[i - 1]?.f ?? '') ? i - 1 : i;
}

/** English month [year] closing a range: `… to [early] August 2020`; [month, year, end] or null. */
function englishRangeMonth(toks: Tok[], k: number): [number, number, number] | null {
  let m = k;
  if (EN_MODIFIERS.has(toks[m]?.f ?? '')) m += toks[m + 1]?.t === '-' && !toks[m + 1].sp ? 2 : 1;
  const t = toks[m];
  const mm = t?.cap ? month(t) : 0;
  if (!mm || day(toks[m + 1])) return null;
  const y = year(toks[m + 1]);
  return [mm, y, y ? m + 2 : m + 1];
}

/**
 * English month ranges with a year: `June to July 2020`, `between July 2019 and June 2020`,
 * `between April and December 2016`, `mid-July to early August 2020`: one DATE as printed.
 */
const englishMonthRange: DateMatcher = (s, i) => {
  const { toks } = s;
  const t = toks[i];
  const m1 = t.cap ? month(t) : 0;
  if (!m1 || (t.f.length <= 4 && !['may', 'june', 'july'].includes(t.f)) || day(toks[i + 1])) return null;
  const y1 = year(toks[i + 1]);
  const k = y1 ? i + 2 : i + 1;
  const sep = toks[k];
  let a = englishModifierStart(toks, i);
  const opener = toks[a - 1]?.f;
  const and = sep?.f === 'and' && opener === 'between';
  if (!sep || !(sep.f === 'to' || and || sep.t === '-' || sep.t === '–')) return null;
  const r = englishRangeMonth(toks, k + 1);
  if (!r || !(r[1] || y1)) return null;
  const [m2, y2r, e] = r;
  if (!r[1] && !toks[k + 1].cap) return null;
  const y2 = y2r || (m2 >= m1 ? y1 : y1 + 1);
  const yy1 = y1 || (m1 <= m2 ? y2 : y2 - 1);
  const bare = a;
  if (opener === 'between' || (opener === 'from' && sep.f === 'to')) a--;
  s.out.push({ seg: s.si, a, b: e, type: 'DATE', prio: 5, value: `${iso(yy1, m1)}/${iso(y2, m2)}`, aliases: a < bare ? [s.text(bare, e)] : undefined });
  return e;
};

/**
 * A month named alone for a time (`en octobre`, `fin avril`, `in October`, `late January`,
 * `entre janvier et mai`, `January-March`): resolved to the nearest such month.
 */
const monthNamedAlone: DateMatcher = (s, i) => {
  const m = month(s.toks[i]);
  const alone = m ? monthAlone(s.toks, i, m, s.ref) : null;
  if (!alone) return null;
  s.out.push({ seg: s.si, ...alone, type: 'DATE', prio: 4, aliases: alone.alias ? [s.text(alone.alias[0], alone.alias[1])] : undefined });
  return alone.b;
};

/** In order: the first matcher that applies takes its tokens; the scan goes on after them. */
const DATE_MATCHERS: readonly DateMatcher[] = [dayRange, dayMonthToDayMonth, dayMonth, monthDay, monthRelative, englishMonthRange, monthYear, monthNamedAlone];

export function findDates(seg: Segment, si: number, out: Cand[], published: string | null | undefined) {
  const toks = seg.toks;
  const scan: DateScan = { toks, si, ref: pub(published), out, text: (a, b) => spanText(seg, a, b) };
  for (let i = 0; i < toks.length;) {
    let next: number | null = null;
    for (const match of DATE_MATCHERS) if ((next = match(scan, i)) !== null) break;
    i = next ?? i + 1;
  }
}

const FR_BEFORE = new Set(['en', 'de', "d'", 'depuis', 'fin', 'debut', 'mi', 'courant', 'entre', 'jusqu', "jusqu'", 'au', 'vers']);
const EN_BEFORE = new Set(['in', 'since', 'until', 'by', 'from', 'early', 'late', 'mid', 'between', 'through', 'last', 'next', 'this', 'during']);
const MODIFIERS = new Set(['fin', 'debut', 'mi', 'early', 'late', 'mid']);

/** English words before a month that say which one it is (kept in the date's span). */
const EN_SIDE = new Set(['last', 'next']);

/** `mid-August`: `mid` glued to the month by a hyphen. */
function englishMidDash(toks: Tok[], i: number): boolean {
  return toks[i - 1]?.t === '-' && !toks[i - 1].sp && !toks[i].sp && toks[i - 2]?.f === 'mid';
}

/** `in June and July`: the second month of a pair (English names each month; `between … and` is a range instead). */
function secondMonthAfterAnd(toks: Tok[], i: number): boolean {
  return toks[i - 1]?.f === 'and' && !!toks[i - 2]?.cap && !!MONTHS[toks[i - 2].f] && !day(toks[i - 3]);
}

/** `the beginning of December`, `by the end of March`: a part of a month names the month (the date is the month). */
function partOfMonth(toks: Tok[], i: number): boolean {
  return toks[i - 1]?.f === 'of' && ['beginning', 'end', 'start', 'middle'].includes(toks[i - 2]?.f ?? '');
}

/** A word right before a month that makes it a date (`en`, `fin`, `in`, `since`, `… and`). */
function dateWordBefore(toks: Tok[], i: number, fr: boolean): boolean {
  const before = toks[i - 1]?.f ?? '';
  return fr ? FR_BEFORE.has(before) || toks[i - 1]?.t === '-' : EN_BEFORE.has(before) || secondMonthAfterAnd(toks, i) || partOfMonth(toks, i);
}

/** Where a month named alone starts: `au mois de mai`, `début du mois de mars`, `fin avril`, `mi-mai`; -1 when nothing before it makes it a date. */
function monthAloneStart(toks: Tok[], i: number, fr: boolean): number {
  let a = i;
  if (fr && toks[i - 1]?.f === 'de' && toks[i - 2]?.f === 'mois') a = toks[i - 3]?.f === 'du' && MODIFIERS.has(toks[i - 4]?.f ?? '') ? i - 4 : i - 2;
  const before = toks[a - 1]?.f ?? '';
  if (!fr && englishMidDash(toks, i)) return i - 2;
  if (a === i && !dateWordBefore(toks, i, fr)) return -1;
  // `late January`; English writes its side in front and keeps it in the date (`last October`, `next March`)
  if (a === i && (MODIFIERS.has(before) || (!fr && EN_SIDE.has(before)))) a = i - 1;
  if (a === i - 1 && toks[i - 1]?.t === '-') a = i; // `mi-mai` is read from `mi`
  if (toks[i - 1]?.t === '-' && toks[i - 2]?.f === 'mi') a = i - 2;
  return a;
}

/** A second month closing a range (`entre janvier et mai`, `January-March`): its number and the end; null when a year follows (another rule's). */
function monthAloneRange(toks: Tok[], i: number): { m2: number; b: number } | null {
  const t = toks[i];
  const sep = toks[i + 1];
  if (!(sep && (sep.f === 'et' || sep.f === 'and' || sep.f === 'to' || sep.f === 'a' || ((sep.t === '-' || sep.t === '–') && !sep.sp)))) return { m2: 0, b: i + 1 };
  const n = toks[i + 2];
  const mm = n ? MONTHS[n.f] : 0;
  if (!(mm && n!.cap === t.cap)) return { m2: 0, b: i + 1 };
  if (year(toks[i + 3])) return null; // `janvier et mai 2024`: another rule's business
  return { m2: mm, b: i + 3 };
}

/** The year of the month `mon` nearest the publication date. */
function nearestMonthYear(ref: Date | null, mon: number): number | null {
  if (!ref) return null;
  const pm = ref.getUTCMonth() + 1;
  const y0 = ref.getUTCFullYear();
  const cands = [y0 - 1, y0, y0 + 1].map((y) => ({ y, d: Math.abs((y - y0) * 12 + mon - pm) }));
  return cands.sort((x, z) => x.d - z.d)[0].y;
}

/** A month named alone (no day, no year printed), as a date: its span, value and short alias. */
function monthAlone(toks: Tok[], i: number, m: number, ref: Date | null): { a: number; b: number; value?: string; alias?: [number, number] } | null {
  const t = toks[i];
  const en = t.cap && EN_MONTH_NAMES.has(t.f);
  const fr = !t.cap && FR_MONTH_NAMES.has(t.f);
  if (!en && !fr) return null;
  if (day(toks[i - 1]) || day(toks[i + 1]) || year(toks[i + 1])) return null;
  const a = monthAloneStart(toks, i, fr);
  if (a < 0) return null;
  let range = monthAloneRange(toks, i);
  if (!range) return null;
  if (en && range.m2 && toks[i + 1].f === 'and' && toks[a - 1]?.f !== 'between') range = { m2: 0, b: i + 1 };
  const { m2, b } = range;
  if (m2) {
    const rangeStart = toks[a - 1]?.f === 'entre' || toks[a - 1]?.f === 'between' ? a - 1 : a;
    const y1 = nearestMonthYear(ref, m);
    const y2 = y1 == null ? null : m2 < m ? y1 + 1 : y1;
    return { a: rangeStart, b, value: y1 != null && y2 != null ? `${iso(y1, m)}/${iso(y2, m2)}` : undefined, alias: rangeStart < a ? [a, b] : undefined };
  }
  return { a, b, value: iso(sidedMonthYear(ref, m, toks[a]?.f ?? ''), m) };
}

/** The year of `last`/`next`/`this` month `mon`: the one before, after, or nearest the publication date. */
function sidedMonthYear(ref: Date | null, mon: number, side: string): number | null {
  if (!ref || (side !== 'last' && side !== 'next')) return nearestMonthYear(ref, mon);
  const pm = ref.getUTCMonth() + 1;
  const y0 = ref.getUTCFullYear();
  return side === 'last' ? (mon >= pm ? y0 - 1 : y0) : mon <= pm ? y0 + 1 : y0;
}
