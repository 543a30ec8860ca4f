// The real-article corpus (test/corpus/): what the recogniser is trained and measured on must
// be trustworthy — no reserved article, a split nobody chose, a test split frozen before any
// tuning and big enough to trust, and mention offsets that point at their text.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const DIR = join(ROOT, 'test/corpus/articles');
const FROZEN = join(ROOT, 'test/corpus/frozen');
const RESERVED = join(ROOT, '../shared/reserved-articles.txt');

interface Art {
  id: string;
  host: string;
  articleId: string;
  url: string;
  split: string;
  text: string;
  parts?: { title: number; lead?: number | null; body?: number[]; captions?: number[] };
  mentions?: { start: number; end: number; type: string; entity: number; text?: string }[];
  entities?: { type: string; name: string }[];
}

const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.json')).sort() : [];
const arts = files.map((f) => ({ file: f, a: JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Art }));

// An independent implementation of the rule of scripts/corpus.mjs (fnv1a32("<host>:<id>") % 20:
// 0-10 train, 11-14 dev, 15-19 test; host without `www.`, id the last run of 4+ digits of the path).
const hostOf = (url: string) => new URL(url).hostname.toLowerCase().replace(/^www\./, '');
const idOf = (url: string) => new URL(url).pathname.match(/(\d{4,})(?!.*\d{4,})/)?.[1] ?? null;
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const c of Buffer.from(s, 'utf8')) h = Math.imul(h ^ c, 0x01000193) >>> 0;
  return h >>> 0;
}
const splitOf = (host: string, id: string) => {
  const b = fnv1a(`${host}:${id}`) % 20;
  return b <= 10 ? 'train' : b <= 14 ? 'dev' : 'test';
};

function linesOf(text: string) {
  const out: { start: number; end: number }[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ start: pos + lead, end: pos + lead + t.length });
    pos += raw.length + 1;
  }
  return out;
}

describe('the split rule', () => {
  // values computed by hand from the FNV-1a definition, so the mirror above is checked too
  it('fnv1a32 matches the reference values', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });
});

// Walking every article's mentions takes seconds at 1,400+ articles on a loaded 2-core machine.
describe('corpus', { timeout: 60_000 }, () => {
  it('has articles', () => expect(arts.length).toBeGreaterThan(0));

  it('holds no reserved article (host + numeric id)', () => {
    const reserved = new Set(
      readFileSync(RESERVED, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'))
        .map((l) => { const [h, id] = l.trim().split(/\s+/); return `${h.toLowerCase().replace(/^www\./, '')}:${id}`; }),
    );
    expect(reserved.size).toBeGreaterThan(0);
    const hits = arts.filter(({ a }) => reserved.has(`${hostOf(a.url)}:${idOf(a.url)}`)).map(({ file }) => file);
    expect(hits).toEqual([]);
  });

  it('ids, hosts and file names agree with the URL; no article twice', () => {
    const seen = new Set<string>();
    for (const { file, a } of arts) {
      const key = `${hostOf(a.url)}:${idOf(a.url)}`;
      expect(seen.has(key), file).toBe(false);
      seen.add(key);
      expect(a.host, file).toBe(hostOf(a.url));
      expect(a.articleId, file).toBe(idOf(a.url));
      expect(file).toBe(`${a.host}-${a.articleId}.json`);
    }
  });

  it('every split follows the rule of scripts/corpus.mjs', () => {
    const wrong = arts.filter(({ a }) => a.split !== splitOf(hostOf(a.url), idOf(a.url)!)).map(({ file }) => file);
    expect(wrong).toEqual([]);
  });

  it('frozen checksums match and every test-split article is frozen', () => {
    const frozen = new Map<string, string>();
    const lists = existsSync(FROZEN) ? readdirSync(FROZEN).filter((f) => f.endsWith('.sha256')) : [];
    for (const l of lists)
      for (const line of readFileSync(join(FROZEN, l), 'utf8').split('\n').filter(Boolean)) {
        const [h, n] = line.trim().split(/\s+/);
        frozen.set(n, h);
      }
    const tests = arts.filter(({ a }) => a.split === 'test');
    for (const { file } of tests) expect(frozen.has(file), `${file} is not frozen`).toBe(true);
    for (const [n, h] of frozen) {
      expect(existsSync(join(DIR, n)), `${n} is frozen but gone`).toBe(true);
      expect(createHash('sha256').update(readFileSync(join(DIR, n))).digest('hex'), `${n} changed after it was frozen`).toBe(h);
    }
  });

  it('mentions point at their text, inside the title/lead/body/captions lines, one entity each', () => {
    for (const { file, a } of arts) {
      if (!a.mentions) continue;
      const lines = linesOf(a.text);
      const p = a.parts!;
      const art = [p.title, p.lead, ...(p.body ?? []), ...(p.captions ?? [])].filter((x): x is number => Number.isInteger(x)).map((i) => lines[i]);
      for (const m of a.mentions) {
        if (m.text !== undefined) expect(a.text.slice(m.start, m.end), file).toBe(m.text);
        expect(m.end, file).toBeGreaterThan(m.start);
        expect(art.some((l) => l && m.start >= l.start && m.end <= l.end), `${file} ${m.start}-${m.end} outside the article`).toBe(true);
        expect(a.entities?.[m.entity]?.type, `${file} ${m.text}`).toBe(m.type);
      }
      for (let i = 1; i < a.mentions.length; i++) expect(a.mentions[i].start, `${file}: overlapping mentions`).toBeGreaterThanOrEqual(a.mentions[i - 1].end);
    }
  });

  // The corpus grows during annotation; its test split is judged once it is about its full size.
  const FULL = 150;
  it.skipIf(arts.length < FULL)(`test split: >= 45 articles from all three sources (checked once the corpus holds ${FULL}+ articles)`, () => {
    const tests = arts.filter(({ a }) => a.split === 'test');
    expect(tests.length).toBeGreaterThanOrEqual(45);
    const hosts = new Set(tests.map(({ a }) => hostOf(a.url)));
    for (const h of ['fr.vietnamplus.vn', 'lecourrier.vn', 'en.vietnamplus.vn']) expect(hosts.has(h), h).toBe(true);
  });
});
