// No UI file holds a user-visible string of its own: every word the reader sees comes from
// _locales (fr and en). The checks look where UI text goes — JSX text, the attributes a
// reader sees or hears (title, aria-label, placeholder, alt, label), DOM text and attributes
// set by the reader renderer and the overlay, and English fallbacks after `||`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const UI_DIRS = ['src/popup', 'src/pages', 'src/reader', 'src/content', 'src/background'];
/** Words that are the same in every language: the product's name, typography. */
const ALLOWED = [/VNA Reader/g, /\bpx\b/g];

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.(tsx?|html)$/.test(name)) out.push(p);
  }
  return out;
}

const hasWords = (s: string) => {
  let x = s;
  for (const a of ALLOWED) x = x.replace(a, '');
  return /\p{L}{2,}/u.test(x);
};

/** Every literal user string in one file's source, as `line: text`. */
export function literalStrings(src: string, file: string): string[] {
  const found: string[] = [];
  const add = (index: number, text: string) => {
    const line = src.slice(0, index).split('\n').length;
    found.push(`${line}: ${text.trim()}`);
  };
  const code = src.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, (m, p) => p + ' '.repeat(m.length - p.length));
  if (file.endsWith('.tsx')) {
    // JSX text between tags: `>Some words<` (not `=>`, not generics).
    // Text with operators is code between a comparison and a tag (`a > 0 && <p>`), not JSX text.
    for (const m of code.matchAll(/(?<![=-])>([^<>{}`;]*?)</g)) if (hasWords(m[1]) && !/[?&|=()]/.test(m[1])) add(m.index!, m[1]);
    for (const m of code.matchAll(/\b(title|aria-label|placeholder|alt|label|aria-valuetext)=(["'])([^"']*)\2/g)) if (hasWords(m[3])) add(m.index!, m[0]);
  }
  if (file.endsWith('.html')) {
    for (const m of code.matchAll(/>([^<>]+)</g)) if (hasWords(m[1]) && !/^\s*$/.test(m[1])) add(m.index!, m[1]);
  }
  // (A stylesheet's text is not words for the reader.)
  for (const m of code.matchAll(/\.(textContent|title|placeholder|alt|ariaLabel)\s*=\s*(['"`])([^'"`]*)\2/g)) if (!m[3].includes('{') && hasWords(m[3].replace(/\$\{[^}]*\}/g, ''))) add(m.index!, m[0]);
  for (const m of code.matchAll(/setAttribute\(\s*'(aria-label|title|placeholder|alt|aria-valuetext)'\s*,\s*(['"`])([^'"`]*)\2/g)) if (hasWords(m[3].replace(/\$\{[^}]*\}/g, ''))) add(m.index!, m[0]);
  for (const m of code.matchAll(/createTextNode\(\s*(['"`])([^'"`]*)\1/g)) if (hasWords(m[2].replace(/\$\{[^}]*\}/g, ''))) add(m.index!, m[0]);
  for (const m of code.matchAll(/(?:textContent|title):\s*(['"`])([^'"`]*)\1/g)) if (hasWords(m[2].replace(/\$\{[^}]*\}/g, ''))) add(m.index!, m[0]);
  // An English (or French) fallback after a lookup: `getMessage('x') || 'Save to VNA Reader'`.
  for (const m of code.matchAll(/\|\|\s*(['"`])([^'"`]*\p{L}{3,}[^'"`]*)\1/gu)) if (/\s/.test(m[2])) add(m.index!, m[0]);
  return found;
}

describe('no literal user strings in UI files', () => {
  const all = UI_DIRS.flatMap((d) => files(resolve(ROOT, d)));
  it('finds the UI files', () => expect(all.length).toBeGreaterThan(20));
  for (const f of all) {
    it(relative(ROOT, f), () => {
      expect(literalStrings(readFileSync(f, 'utf8'), f)).toEqual([]);
    });
  }
  it('catches the kinds of literal it looks for', () => {
    expect(literalStrings('const x = <p class="a">Saved dispatches</p>;', 'a.tsx')).toHaveLength(1);
    expect(literalStrings('<button title="Close the view">x</button>', 'a.tsx')).toHaveLength(1);
    expect(literalStrings("el.textContent = 'No voice';", 'a.ts')).toHaveLength(1);
    expect(literalStrings("title: browser.i18n.getMessage('menuSave') || 'Save to VNA Reader',", 'a.ts')).toHaveLength(1);
    expect(literalStrings("p.appendChild(doc.createTextNode('Source: '));", 'a.ts')).toHaveLength(1);
    expect(literalStrings('const ok = <p>{t(\'saved\')}</p>; const f = (a) => a < b && c > d;', 'a.tsx')).toEqual([]);
  });
});
