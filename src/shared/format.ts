// The one formatter for every page: dates, numbers, sizes, plurals and language names, all
// in the UI language (src/shared/i18n.ts).
//
// Dates are shown as they are in Hanoi (Asia/Ho_Chi_Minh), whatever the reader's own time
// zone: a dispatch published at 2018-01-01T05:30+07:00 is a 1 January dispatch for VNA and
// for its readers, even in Los Angeles where it is still 31 December. A date without a time
// is a calendar date and shown as such; a date-time without an offset is Hanoi time.
import { t, uiLocale, type MessageKey, type PluralBase } from './i18n';

const HANOI_TZ = 'Asia/Ho_Chi_Minh';

export type DateStyle = 'short' | 'medium' | 'long';

interface Parsed {
  date: Date;
  /** What the source says: a year, a month, a day, or a moment in time. */
  precision: 'year' | 'month' | 'day' | 'time';
}

function parse(value: string | number | Date): Parsed | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { date: value, precision: 'time' };
  if (typeof value === 'number') return Number.isFinite(value) ? { date: new Date(value), precision: 'time' } : null;
  const s = value.trim();
  const cal = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(s);
  if (cal) {
    // Noon UTC of that calendar day, formatted in UTC: the same day in every time zone.
    const d = new Date(Date.UTC(+cal[1], cal[2] ? +cal[2] - 1 : 0, cal[3] ? +cal[3] : 1, 12));
    return Number.isNaN(d.getTime()) ? null : { date: d, precision: cal[3] ? 'day' : cal[2] ? 'month' : 'year' };
  }
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(s);
  const d = new Date(hasZone ? s : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s) ? `${s}+07:00` : s);
  return Number.isNaN(d.getTime()) ? null : { date: d, precision: 'time' };
}

/**
 * One Intl object per kind, locale and options, made once per page: a formatter costs 0.1-0.6 ms
 * to construct and almost nothing to use, and the popup's first frame formats two numbers and a
 * plural for every entity (issue 17: ~150 constructions, several ms, before the first paint).
 * A construction that throws is remembered too (null), so it fails the same way every time.
 */
const made = new Map<string, unknown>();
function memo<T>(kind: string, locale: string, opts: object, make: () => T): T | null {
  const key = `${kind}|${locale}|${JSON.stringify(opts)}`;
  if (made.has(key)) return made.get(key) as T | null;
  let value: T | null;
  try {
    value = make();
  } catch {
    value = null;
  }
  made.set(key, value);
  return value;
}

function dtf(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return memo('dtf', locale, opts, () => new Intl.DateTimeFormat(locale, opts)) ?? new Intl.DateTimeFormat('fr', opts);
}

/**
 * The date of `value` (ISO string, epoch ms or Date) as shown in Hanoi: "21 oct. 2019" /
 * "Oct 21, 2019" (medium), "21 octobre 2019" (long), "21/10/2019" (short). Partial dates keep
 * their precision ("octobre 2019"). '' for nothing, the input itself when it is not a date.
 */
export function formatDate(value: string | number | Date | null | undefined, style: DateStyle = 'medium', locale = uiLocale()): string {
  if (value === null || value === undefined || value === '') return '';
  const p = parse(value);
  if (!p) return String(value);
  const timeZone = p.precision === 'time' ? HANOI_TZ : 'UTC';
  if (p.precision === 'year') return dtf(locale, { year: 'numeric', timeZone }).format(p.date);
  if (p.precision === 'month') return dtf(locale, { year: 'numeric', month: style === 'short' ? '2-digit' : style === 'medium' ? 'short' : 'long', timeZone }).format(p.date);
  return dtf(locale, { dateStyle: style, timeZone }).format(p.date);
}

/** Date and time in Hanoi ("9 avril 2021 à 09:19"); a calendar date alone stays a date. */
export function formatDateTime(value: string | number | Date | null | undefined, style: DateStyle = 'long', locale = uiLocale()): string {
  if (value === null || value === undefined || value === '') return '';
  const p = parse(value);
  if (!p) return String(value);
  if (p.precision !== 'time') return formatDate(value, style, locale);
  return dtf(locale, { dateStyle: style, timeStyle: 'short', timeZone: HANOI_TZ }).format(p.date);
}

/** The `YYYY-MM-DD` of a moment in Hanoi (for date inputs and file names). */
export function hanoiDay(value: string | number | Date): string {
  const p = parse(value);
  if (!p) return '';
  if (p.precision !== 'time') return p.date.toISOString().slice(0, 10);
  const parts = dtf('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: HANOI_TZ }).formatToParts(p.date);
  const get = (ty: string) => parts.find((x) => x.type === ty)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** 12 345 (fr, narrow no-break space) / 12,345 (en). */
export function formatNumber(n: number, opts: Intl.NumberFormatOptions = {}, locale = uiLocale()): string {
  const nf = memo('nf', locale, opts, () => new Intl.NumberFormat(locale, opts));
  try {
    return nf ? nf.format(n) : String(n);
  } catch {
    return String(n);
  }
}

const UNITS: [number, MessageKey][] = [
  [1024 ** 3, 'sizeGB'],
  [1024 ** 2, 'sizeMB'],
  [1024, 'sizeKB'],
];

/** A size in the UI language: "83,8 Ko", "76,9 Go" / "83.8 KB", "76.9 GB" (1 KB = 1024 bytes). */
export function formatBytes(n: number | null | undefined, locale = uiLocale()): string {
  if (n === null || n === undefined || !Number.isFinite(n) || n < 0) return t('sizeUnknown');
  for (const [size, key] of UNITS) {
    if (n >= size) return t(key, formatNumber(n / size, { maximumFractionDigits: 1 }, locale));
  }
  return plural('sizeBytes', n, [], locale);
}

/**
 * The plural form of `base` for `n` by the UI language's rules (Intl.PluralRules: French
 * "0 dépêche", "1 dépêche", "2 dépêches"; English "1 dispatch", "0 dispatches"). `$1` is `n`
 * formatted as a number; `rest` fills `$2`….
 */
export function plural(base: PluralBase, n: number, rest: string[] = [], locale = uiLocale()): string {
  const rules = memo('plural', locale, {}, () => new Intl.PluralRules(locale));
  const rule = rules ? rules.select(n) : n === 1 ? 'one' : 'other';
  const key = `${base}_${rule}` as MessageKey;
  const text = t(key, formatNumber(n, {}, locale), ...rest);
  return text === key ? t(`${base}_other` as MessageKey, formatNumber(n, {}, locale), ...rest) : text;
}

/** A language's own name ("français", "English"), or its name in the UI language. */
export function languageName(code: string, inLocale: string = code): string {
  try {
    const name = new Intl.DisplayNames([inLocale], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(inLocale) + name.slice(1);
  } catch {
    return code;
  }
}
