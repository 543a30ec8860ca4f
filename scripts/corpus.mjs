#!/usr/bin/env node
// The real-article corpus (test/corpus/): add a captured article, build its gold and mention
// offsets from the annotator's entity list, check it, freeze the test split.
//
//   node scripts/corpus.mjs add --url URL --lang fr --section politics --batch NAME [--complete true] < text.txt
//   node scripts/corpus.mjs lines FILE            numbered lines of the captured text
//   node scripts/corpus.mjs annotate FILE < ann.json   merge {parts, dateline, published, signature, entities}, then build
//   node scripts/corpus.mjs build FILE [FILE…]    parts + entities → gold fields and mentions, with checks
//   node scripts/corpus.mjs check                 every article valid, no reserved article, no duplicate
//   node scripts/corpus.mjs freeze --batch NAME   checksums of NAME's test-split articles (append-only)
//   node scripts/corpus.mjs stats
//
// The split is a pure function of host and numeric article id (fnv1a % 20: 0-10 train, 11-14 dev,
// 15-19 test), decided before any annotation or tuning, so nobody chooses where an article goes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, 'test/corpus/articles');
const FROZEN = join(ROOT, 'test/corpus/frozen');
const RESERVED = join(ROOT, '../shared/reserved-articles.txt');
const TYPES = ['PER', 'ORG', 'LOC', 'EVENT', 'DATE'];

export function hostOf(url) {
  return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
}
/** The numeric article id: the last run of 4+ digits in the path (-post123.vnp, /123.vnp, -123.html). */
export function articleIdOf(url) {
  const m = new URL(url).pathname.match(/(\d{4,})(?!.*\d{4,})/);
  return m ? m[1] : null;
}
function fnv1a(s) {
  let h = 0x811c9dc5;
  for (const c of Buffer.from(s, 'utf8')) h = Math.imul(h ^ c, 0x01000193) >>> 0;
  return h >>> 0;
}
export function splitOf(host, id) {
  const b = fnv1a(`${host}:${id}`) % 20;
  return b <= 10 ? 'train' : b <= 14 ? 'dev' : 'test';
}
export function reserved() {
  if (!existsSync(RESERVED)) return new Set();
  return new Set(
    readFileSync(RESERVED, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => { const [h, id] = l.trim().split(/\s+/); return `${h.replace(/^www\./, '')}:${id}`; }),
  );
}
/** Lines of the text as the annotator sees them: trimmed, empty ones dropped, with their offsets. */
export function linesOf(text) {
  const out = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ text: t, start: pos + lead, end: pos + lead + t.length });
    pos += raw.length + 1;
  }
  return out;
}

const isWord = (c) => !!c && /[\p{L}\p{N}]/u.test(c);
const isLower = (c) => !!c && c !== c.toUpperCase() && c === c.toLowerCase();
const isUpper = (c) => !!c && c !== c.toLowerCase() && c === c.toUpperCase();
const isDigit = (c) => !!c && /\p{N}/u.test(c);
/** Whole-word occurrences; old captures glue words (`àHai Duong`, `Hanoï.Le`), so a case change is a boundary too. */
function occurrences(hay, needle, from, to) {
  const res = [];
  if (!needle) return res;
  let i = hay.indexOf(needle, from);
  while (i !== -1 && i + needle.length <= to) {
    const b = hay[i - 1], a = hay[i + needle.length];
    // `ảnh 1Nicolas Warnery`: the alt-text counter glued to a caption's first name is a boundary too.
    const okB = !isWord(b) || !isWord(needle[0]) || ((isLower(b) || isDigit(b)) && isUpper(needle[0]));
    const okA = !isWord(a) || !isWord(needle[needle.length - 1]) || isUpper(a);
    if (okB && okA) res.push(i);
    i = hay.indexOf(needle, i + 1);
  }
  return res;
}

function articleRanges(rec, lines) {
  const p = rec.parts;
  const idx = [p.title, p.lead, ...(p.body ?? []), ...(p.captions ?? [])].filter((x) => Number.isInteger(x));
  return [...new Set(idx)].sort((a, b) => a - b).map((i) => lines[i]);
}

// The agency's own credits are never mentions, even where VNA is also named as an organisation:
// `Hanoï (VNA)`, `Photo: VNA`, `(Source: VNA)`, the closing `–VNA` / `VNA/VOV`.
function isAgencyCredit(text, c) {
  const before = text.slice(Math.max(0, c.start - 24), c.start);
  const after = text.slice(c.end, c.end + 3);
  const tok = text.slice(c.start, c.end);
  // Only the agencies' own credit shapes are skipped: a dateline's `(VNA) –`, `Photo: VNA`, the closing
  // `-VNA` / `VNA/CVN`. An acronym after its long form (`Voice of Vietnam (VOV) reported`, `Office (GSO)`)
  // or glued to a word by a dash (`Corée-ASEAN`) is a mention.
  const agency = /^(VNA|AVI|CVN|VOV|VNS|TTXVN|CPV|CTV|AFP|NDEL|VOV\/VNA|CPV\/VNA|AFP\/VNA)$/.test(tok);
  const endsLine = /^[\s./]*(\n|$)/.test(text.slice(c.end, c.end + 6));
  // A credit word is capitalised (`Photo :`, `Ảnh:`): the lowercase `ảnh 2` of an image's alt repeat is
  // not a credit, and an acronym glued after it (`ảnh 2EVN fait…`) is a mention.
  if (!/^[A-Z/]{2,8}$/.test(tok)) return isNamedCredit(text, c);
  return (
    (/\($/.test(before) && agency && /^\)\s*([–—-]|\n|$)/.test(text.slice(c.end, c.end + 4))) ||
    /(Photo|Photos|PHOTO|Source|Fuente|Foto|Ảnh|Crédit|Credit)\s*:?[^\n.)]*$/.test(before) ||
    // an unknown acronym after a dash at a line's end is a signature only after a sentence's end
    // (`… fin./.–NDEL`), not inside a name (`l'Accord de libre-échange Vietnam – UE.`)
    (/(^|[^\p{L}\p{N}])[–—-]\s*$/u.test(before) && (agency || (endsLine && /[.!?»"”]\s*[–—-]\s*$/.test(before)))) ||
    ((/\/$/.test(before) || /^\//.test(after)) && (agency || endsLine))
  );
}

// A credit naming a source that is not an agency (`Photo : Vietnam Airlines`, `Photo: Le Musée de
// Hanoï.`, `(Source: Daidoanket)`) is not a mention either, even when that body is named elsewhere: the
// name comes right after the credit word and its colon and ends the credit (line end, `.`, `)`, `/`).
function isNamedCredit(text, c) {
  const before = text.slice(Math.max(0, c.start - 16), c.start);
  // the credit may run on after the candidate (`(Photo: Vietnam Football Federation)` holds no mention of
  // Vietnam), as long as it closes within a few words
  const after = text.slice(c.end, c.end + 48);
  return /(Photo|Photos|PHOTO|Source|Fuente|Foto|Ảnh|Crédit|Credit)\s*:\s*(?:(?:Le|La|Les|L['’]|The)\s*)?$/.test(before) &&
    /^[^\n.)/(]{0,40}(?:[.)/]|\n|$)/.test(after);
}

/** What is wrong with one annotated entity: its type, its name, a DATE's ISO value. */
function entityErrors(e, k) {
  const errors = [];
  if (!TYPES.includes(e.type)) errors.push(`entity ${k} "${e.name}": type ${e.type}`);
  if (!e.name || typeof e.name !== 'string') errors.push(`entity ${k}: no name`);
  if (e.type === 'DATE' && e.value !== null && !/^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/.test(String(e.value ?? ''))) errors.push(`DATE "${e.name}": value "${e.value}" is not ISO (YYYY[-MM[-DD]], a range as A/B, or null)`);
  return errors;
}

/** Copies the text of the lines that "parts" names into the record; returns the line numbers that do not exist. */
function fillParts(rec, p, lines) {
  const errors = [];
  const L = (i) => (Number.isInteger(i) && lines[i] ? lines[i].text : null);
  const inRange = (i) => Number.isInteger(i) && i >= 0 && i < lines.length;
  for (const i of [p.title, p.lead, ...(p.body ?? []), ...(p.captions ?? [])]) if (i != null && !inRange(i)) errors.push(`line ${i} does not exist`);
  rec.title = L(p.title);
  rec.lead = p.lead == null ? null : L(p.lead);
  rec.body = (p.body ?? []).map(L);
  rec.captions = (p.captions ?? []).map(L);
  rec.teasers = (p.teasers ?? []).map((t) => ({ title: L(t.title), ...(t.caption != null ? { caption: L(t.caption) } : {}), ...(t.lede != null ? { lede: L(t.lede) } : {}) }));
  return errors;
}

function build(file) {
  const rec = JSON.parse(readFileSync(file, 'utf8'));
  const errors = [];
  const warns = [];
  const lines = linesOf(rec.text);
  const p = rec.parts;
  if (!p) throw new Error(`${file}: no "parts" yet (see: node scripts/corpus.mjs lines ${file})`);
  errors.push(...fillParts(rec, p, lines));
  if (!rec.title) errors.push('no title line');
  if (!rec.body.length) errors.push('no body lines');
  if (rec.dateline != null && !rec.body.some((b) => b.includes(rec.dateline.replace(/\s*\(VNA\)$/, '')))) warns.push(`dateline "${rec.dateline}" not seen in the body`);
  if (rec.published != null && !/^\d{4}-\d{2}-\d{2}$/.test(rec.published)) errors.push(`published "${rec.published}" is not YYYY-MM-DD`);
  const ranges = articleRanges(rec, lines);
  const ents = rec.entities ?? [];
  const cands = [];
  ents.forEach((e, k) => {
    errors.push(...entityErrors(e, k));
    for (const form of [e.name, ...(e.aliases ?? []), ...(e.forms ?? [])]) {
      for (const r of ranges) for (const at of occurrences(rec.text, form, r.start, r.end)) cands.push({ start: at, end: at + form.length, type: e.type, entity: k });
    }
  });
  // A credit drops every candidate inside it too (`Photo: Vietnam Airlines` is not a mention of Vietnam).
  const credits = cands.filter((c) => isAgencyCredit(rec.text, c));
  for (let i = cands.length - 1; i >= 0; i--) if (credits.some((k) => cands[i].start < k.end && k.start < cands[i].end)) cands.splice(i, 1);
  // Longest span first, no overlaps: the place inside an organisation's name is not a mention of its own.
  cands.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = [];
  for (const c of cands) if (!taken.some((t) => c.start < t.end && t.start < c.end)) taken.push(c);
  taken.sort((a, b) => a.start - b.start);
  rec.mentions = taken.map((m) => ({ ...m, text: rec.text.slice(m.start, m.end) }));
  ents.forEach((e, k) => {
    if (!taken.some((m) => m.entity === k)) errors.push(`entity ${k} ${e.type} "${e.name}": no mention found in title/lead/body/captions (copy the text exactly; a glued form goes in "forms")`);
  });
  // Capitalised words no mention covers: a prompt for the annotator, not an error.
  const covered = (i) => taken.some((t) => i >= t.start && i < t.end);
  const loose = new Set();
  for (const r of ranges) {
    const seg = rec.text.slice(r.start, r.end);
    for (const m of seg.matchAll(/[\p{Lu}][\p{L}'’-]+/gu)) {
      const at = r.start + m.index;
      const prev = rec.text.slice(Math.max(r.start, at - 2), at);
      if (!covered(at) && !(at === r.start || /[.!?:–-]\s$/.test(prev))) loose.add(m[0]);
    }
  }
  const { parts, ...rest } = rec;
  const order = ['id', 'host', 'articleId', 'url', 'lang', 'section', 'batch', 'split', 'complete', 'captured', 'text', 'parts', 'title', 'lead', 'dateline', 'published', 'body', 'captions', 'signature', 'teasers', 'entities', 'mentions'];
  const out = {};
  for (const k of order) if (k === 'parts') out.parts = parts; else if (k in rest) out[k] = rest[k];
  for (const k of Object.keys(rest)) if (!(k in out)) out[k] = rest[k];
  writeFileSync(file, serialise(out));
  return { errors, warns, loose: [...loose], mentions: taken.length, entities: ents.length };
}

/** Indented JSON, but one line per mention so that a file stays readable and diffs stay small. */
export function serialise(rec) {
  const { mentions, ...rest } = rec;
  const head = JSON.stringify(rest, null, 1);
  if (!mentions) return head + '\n';
  const ms = mentions.map((m) => '  ' + JSON.stringify(m)).join(',\n');
  return head.replace(/\n}$/, `,\n "mentions": [\n${ms}\n ]\n}`) + '\n';
}

function allFiles() {
  return existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.json')).sort().map((f) => join(DIR, f)) : [];
}
const sha = (f) => createHash('sha256').update(readFileSync(f)).digest('hex');

function arg(name, def) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
}

const cmd = process.argv[2];
if (cmd === 'add') {
  const url = arg('url');
  const host = hostOf(url);
  const id = articleIdOf(url);
  if (!id) throw new Error(`no numeric article id in ${url}`);
  if (reserved().has(`${host}:${id}`)) { console.error(`REFUSED: ${host} ${id} is a reserved article (../shared/reserved-articles.txt)`); process.exit(3); }
  mkdirSync(DIR, { recursive: true });
  const file = join(DIR, `${host}-${id}.json`);
  if (existsSync(file)) { console.error(`already in the corpus: ${file}`); process.exit(4); }
  const text = readFileSync(0, 'utf8');
  const rec = {
    id: `${host}-${id}`, host, articleId: id, url, lang: arg('lang', 'fr'), section: arg('section', null), batch: arg('batch', null),
    split: splitOf(host, id), complete: arg('complete', 'false') === 'true',
    captured: arg('captured', 'stored public web page (search tool, pages corpus): the page text as captured, first ~2,000 characters'),
    text,
  };
  writeFileSync(file, JSON.stringify(rec, null, 1) + '\n');
  console.log(`${file}\nsplit: ${rec.split}`);
  linesOf(text).forEach((l, i) => console.log(`${String(i).padStart(3)}  ${l.text}`));
} else if (cmd === 'annotate') {
  // Merge the annotator's reading (JSON on stdin: parts, dateline, published, signature, entities) and build.
  const file = process.argv[3];
  const rec = JSON.parse(readFileSync(file, 'utf8'));
  const ann = JSON.parse(readFileSync(0, 'utf8'));
  for (const k of ['parts', 'dateline', 'published', 'signature', 'entities', 'complete', 'section', 'lang']) if (k in ann) rec[k] = ann[k];
  writeFileSync(file, serialise(rec));
  const r = build(file);
  console.log(`${file}: ${r.entities} entities, ${r.mentions} mentions`);
  for (const w of r.warns) console.log(`  warn: ${w}`);
  if (r.loose.length) console.log(`  capitalised words no mention covers (check each): ${r.loose.join(', ')}`);
  for (const e of r.errors) console.log(`  ERROR: ${e}`);
  process.exit(r.errors.length ? 1 : 0);
} else if (cmd === 'lines') {
  const rec = JSON.parse(readFileSync(process.argv[3], 'utf8'));
  linesOf(rec.text).forEach((l, i) => console.log(`${String(i).padStart(3)}  ${l.text}`));
} else if (cmd === 'build') {
  let bad = 0;
  for (const f of process.argv.slice(3)) {
    const r = build(f);
    console.log(`${f}: ${r.entities} entities, ${r.mentions} mentions`);
    for (const w of r.warns) console.log(`  warn: ${w}`);
    if (r.loose.length) console.log(`  capitalised words no mention covers (check each): ${r.loose.join(', ')}`);
    for (const e of r.errors) console.log(`  ERROR: ${e}`);
    if (r.errors.length) bad++;
  }
  process.exit(bad ? 1 : 0);
} else if (cmd === 'check') {
  const res = reserved();
  const seen = new Map();
  let bad = 0;
  for (const f of allFiles()) {
    const r = JSON.parse(readFileSync(f, 'utf8'));
    const key = `${hostOf(r.url)}:${articleIdOf(r.url)}`;
    const problems = [];
    if (res.has(key)) problems.push('RESERVED');
    if (seen.has(key)) problems.push(`duplicate of ${seen.get(key)}`);
    seen.set(key, f);
    if (r.split !== splitOf(hostOf(r.url), articleIdOf(r.url))) problems.push('split does not follow the rule');
    if (!r.mentions) problems.push('not built');
    if (problems.length) { bad++; console.log(`${f}: ${problems.join('; ')}`); }
  }
  console.log(`${allFiles().length} articles, ${bad} with problems`);
  process.exit(bad ? 1 : 0);
} else if (cmd === 'freeze') {
  const batch = arg('batch');
  if (!batch) throw new Error('--batch NAME');
  mkdirSync(FROZEN, { recursive: true });
  const out = join(FROZEN, `${batch}.sha256`);
  const old = new Map(existsSync(out) ? readFileSync(out, 'utf8').trim().split('\n').filter(Boolean).map((l) => { const [h, n] = l.split(/\s+/); return [n, h]; }) : []);
  const tests = allFiles().map((f) => [f, JSON.parse(readFileSync(f, 'utf8'))]).filter(([, r]) => r.batch === batch && r.split === 'test');
  // A test article is frozen only once annotated and built: a checksum of an empty stub would
  // freeze nothing worth keeping and make its later annotation look like tampering.
  const unbuilt = tests.filter(([, r]) => !Array.isArray(r.entities) || !r.entities.length || !r.mentions);
  if (unbuilt.length) { console.error(`REFUSED: not annotated and built yet: ${unbuilt.map(([f]) => f.slice(DIR.length + 1)).join(', ')}`); process.exit(1); }
  for (const [f] of tests) {
    const n = f.slice(DIR.length + 1);
    const h = sha(f);
    if (old.has(n) && old.get(n) !== h) { console.error(`REFUSED: ${n} changed after it was frozen`); process.exit(1); }
    old.set(n, h);
  }
  writeFileSync(out, [...old].sort().map(([n, h]) => `${h}  ${n}`).join('\n') + '\n');
  console.log(`${out}: ${old.size} test articles frozen`);
} else if (cmd === 'stats') {
  const t = {};
  for (const f of allFiles()) {
    const r = JSON.parse(readFileSync(f, 'utf8'));
    const k = `${r.host} ${r.split}`;
    t[k] = (t[k] ?? 0) + 1;
  }
  console.log(t, allFiles().length);
} else {
  console.error('usage: see the header of scripts/corpus.mjs');
  process.exit(2);
}
