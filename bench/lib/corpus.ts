// The real-article corpus (test/corpus/articles, format in test/corpus/README.md) as the
// recogniser's bench and trainer read it: each built article as a gold record (the shared
// schema) plus the BIO label of every token of every segment, from its mention offsets.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { segments, type Segment } from '../../src/core/entities/text';
import { B, I } from '../../src/core/entities/model/labels';
import type { EntityType } from '../../src/core/types';
import type { GoldRecord } from './entity-score';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
/** The corpus folder; VNA_CORPUS points elsewhere (an annotator's worktree) while it grows. */
export const CORPUS_DIR = process.env.VNA_CORPUS ? resolve(process.env.VNA_CORPUS) : join(ROOT, 'test/corpus/articles');

export type Source = 'fr.vietnamplus' | 'lecourrier' | 'en.vietnamplus' | 'other';
export type Split = 'train' | 'dev' | 'test';

export interface CorpusMention {
  start: number;
  end: number;
  type: EntityType;
  entity: number;
  text?: string;
}

export interface CorpusArticle {
  id: string;
  host: string;
  articleId: string;
  url: string;
  lang: string;
  split: Split;
  complete?: boolean;
  text: string;
  parts: { title: number; lead?: number | null; body?: number[]; captions?: number[] };
  title: string;
  lead: string | null;
  body: string[];
  captions: string[];
  published: string | null;
  entities: GoldRecord['entities'];
  mentions?: CorpusMention[];
  [k: string]: unknown;
}

export interface CorpusDoc {
  id: string;
  source: Source;
  split: Split;
  /** Who annotated it (the article's `batch`): tells the first session's test split from the second's. */
  batch?: string;
  record: GoldRecord;
  /** Gold BIO label per token of each segment (segments() of the record). */
  gold: Uint8Array[];
}

export function sourceOf(host: string): Source {
  if (host === 'fr.vietnamplus.vn') return 'fr.vietnamplus';
  if (host === 'en.vietnamplus.vn') return 'en.vietnamplus';
  if (host === 'lecourrier.vn') return 'lecourrier';
  return 'other';
}

/** Lines of the captured text as scripts/corpus.mjs numbers them (trimmed, empty ones dropped). */
export function linesOf(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ text: t, start: pos + lead, end: pos + lead + t.length });
    pos += raw.length + 1;
  }
  return out;
}

export function corpusFiles(dir = CORPUS_DIR): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f)) : [];
}

/** BIO labels of a segment's tokens from spans in the segment's own offsets. */
export function labelTokens(seg: Segment, spans: { start: number; end: number; type: EntityType }[]): Uint8Array {
  const lab = new Uint8Array(seg.toks.length);
  for (const sp of spans) {
    let first = true;
    seg.toks.forEach((t, k) => {
      if (t.s < sp.end && t.e > sp.start) {
        lab[k] = first ? B(sp.type) : I(sp.type);
        first = false;
      }
    });
  }
  return lab;
}

export function toDoc(a: CorpusArticle): CorpusDoc | null {
  if (!a.mentions || !a.parts || !a.title) return null;
  const record: GoldRecord = {
    id: a.id, lang: a.lang, title: a.title, lead: a.lead ?? null, body: a.body ?? [], captions: a.captions ?? [],
    published: a.published ?? null, entities: a.entities ?? [],
  };
  const segs = segments({ title: record.title, lead: record.lead, body: record.body, captions: record.captions });
  const lines = linesOf(a.text);
  const lineIdx = [a.parts.title, a.parts.lead, ...(a.parts.body ?? []), ...(a.parts.captions ?? [])]
    .filter((x): x is number => Number.isInteger(x) && !!lines[x as number]);
  // segments() drops empty pieces, as the line list does: they correspond one to one
  const segLines = lineIdx.map((i) => lines[i]).filter((l) => l.text.trim());
  if (segLines.length !== segs.length) return null;
  const gold = segs.map((seg, si) => {
    const L = segLines[si];
    const spans = a.mentions!.filter((m) => m.start >= L.start && m.end <= L.end).map((m) => ({ start: m.start - L.start, end: m.end - L.start, type: m.type }));
    return labelTokens(seg, spans);
  });
  return { id: a.id, source: sourceOf(a.host), split: a.split, batch: typeof a.batch === 'string' ? a.batch : undefined, record, gold };
}

export function loadCorpus(dir = CORPUS_DIR): { docs: CorpusDoc[]; skipped: string[]; revision: string } {
  const docs: CorpusDoc[] = [];
  const skipped: string[] = [];
  const h = createHash('sha256');
  for (const f of corpusFiles(dir)) {
    const a = JSON.parse(readFileSync(f, 'utf8')) as CorpusArticle;
    const d = toDoc(a);
    if (d) {
      docs.push(d);
      if (d.split !== 'test') h.update(f.slice(dir.length) + '\0' + readFileSync(f));
    } else skipped.push(a.id);
  }
  return { docs, skipped, revision: h.digest('hex').slice(0, 16) };
}

/** The git commit of the corpus folder (for the model's provenance), or null outside git. */
export function corpusCommit(dir = CORPUS_DIR): string | null {
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%H', '--', '.'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return out || null;
  } catch {
    return null;
  }
}

const isWord = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);
const isLower = (c: string | undefined) => !!c && c !== c.toUpperCase() && c === c.toLowerCase();
const isUpper = (c: string | undefined) => !!c && c !== c.toLowerCase() && c === c.toUpperCase();
/** Whole-word occurrences, as scripts/corpus.mjs finds them (a case change is a boundary too). */
function occurrences(hay: string, needle: string): number[] {
  const res: number[] = [];
  if (!needle) return res;
  let i = hay.indexOf(needle);
  while (i !== -1) {
    const b = hay[i - 1], a = hay[i + needle.length];
    const okB = !isWord(b) || !isWord(needle[0]) || (isLower(b) && isUpper(needle[0]));
    const okA = !isWord(a) || !isWord(needle[needle.length - 1]) || isUpper(a);
    if (okB && okA) res.push(i);
    i = hay.indexOf(needle, i + 1);
  }
  return res;
}

/**
 * A gold record without mention offsets (../shared/gold, test/gold) as a labelled document:
 * every occurrence of an entity's name or alias, longest first, as the corpus tool builds them.
 */
export function goldDoc(record: GoldRecord, split: Split = 'train'): CorpusDoc {
  const segs = segments({ title: record.title, lead: record.lead, body: record.body, captions: record.captions ?? [] });
  const gold = segs.map((seg) => {
    const cands: { start: number; end: number; type: EntityType }[] = [];
    for (const e of record.entities) for (const form of [e.name, ...(e.aliases ?? [])]) for (const at of occurrences(seg.text, form)) cands.push({ start: at, end: at + form.length, type: e.type as EntityType });
    cands.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
    const taken: typeof cands = [];
    for (const c of cands) if (!taken.some((t) => c.start < t.end && t.start < c.end)) taken.push(c);
    return labelTokens(seg, taken);
  });
  const url = typeof record.url === 'string' ? record.url : '';
  return { id: record.id, source: url ? sourceOf(new URL(url).hostname.replace(/^www\./, '')) : 'other', split, record, gold };
}

/**
 * The gold records the rules were tuned on (../shared/gold and test/gold test-101..107), as
 * extra training documents; the held-out ones (test-108..) stay out so they remain a measure.
 */
export function tunedGoldDocs(): CorpusDoc[] {
  const out: CorpusDoc[] = [];
  for (const dir of [resolve(ROOT, '../shared/gold'), join(ROOT, 'test/gold')]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
      const r = JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldRecord;
      if (Number(/(\d+)$/.exec(r.id)?.[1] ?? 0) >= 108) continue;
      out.push(goldDoc(r, 'train'));
    }
  }
  return out;
}
