// The fast paths of text.ts must give exactly the answers of the reference definitions:
// cleanText skips String#normalize for text made of NFC-safe characters, looseKey uses a
// per-character table instead of fold() + a Unicode regex.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  KEY_TABLE_RANGES, NFC_SAFE_BELOW, NFC_SAFE_LATIN_EXT, NFC_SAFE_PUNCT, cleanText, looseKey, looseKeySlow,
} from '../../../src/core/extract/text';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function safeChars(): string[] {
  const out: string[] = [];
  for (const [a, b] of [[0, NFC_SAFE_BELOW], NFC_SAFE_LATIN_EXT, NFC_SAFE_PUNCT] as const) {
    for (let c = a; c < b; c++) out.push(String.fromCharCode(c));
  }
  return out;
}

/** Deterministic pseudo-random strings (no Math.random: failures must replay). */
function* randomStrings(alphabet: string[], n: number, len: number): Generator<string> {
  let x = 0x9e3779b9;
  const rnd = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
  for (let i = 0; i < n; i++) {
    let s = '';
    const l = 1 + Math.floor(rnd() * len);
    for (let k = 0; k < l; k++) s += alphabet[Math.floor(rnd() * alphabet.length)];
    yield s;
  }
}

function fixtureTexts(): string[] {
  const out: string[] = [];
  for (const dir of ['../shared/fixtures/vna', 'test/fixtures/drifted']) {
    const d = path.resolve(root, dir);
    let files: string[];
    try {
      files = readdirSync(d).filter((f) => f.endsWith('.html'));
    } catch {
      continue;
    }
    for (const f of files) {
      const html = readFileSync(path.join(d, f), 'utf8');
      for (const m of html.matchAll(/>([^<]{2,})</g)) out.push(m[1]);
    }
  }
  return out;
}

describe('cleanText fast path', () => {
  it('every NFC-safe character, alone and in every pair, is already NFC', () => {
    const chars = safeChars();
    for (const a of chars) {
      expect(a.normalize('NFC')).toBe(a);
      for (const b of chars) {
        const s = a + b;
        if (s.normalize('NFC') !== s) expect(`${a.codePointAt(0)!.toString(16)}+${b.codePointAt(0)!.toString(16)}`).toBe('NFC');
      }
    }
  });

  it('still normalizes text holding other characters', () => {
    expect(cleanText('Hanoi\u0308  x')).toBe('Hanoï x');
    expect(cleanText('Vie\u0323\u0302t Nam')).toBe('Việt Nam');
    expect(cleanText('\u2126 \u212b')).toBe('\u03a9 \u00c5');
    expect(cleanText('a\u00a0:\u202f»')).toBe('a\u00a0:\u202f»');
  });
});

describe('looseKey fast path', () => {
  it('matches the reference on every character of the table, alone and between letters', () => {
    for (const [a, b] of KEY_TABLE_RANGES) {
      for (let c = a; c < b; c++) {
        const ch = String.fromCharCode(c);
        for (const s of [ch, `a${ch}b`, `${ch}${ch}`, ` ${ch}x`, `É${ch}\u0301`]) expect(looseKey(s), `U+${c.toString(16)}`).toBe(looseKeySlow(s));
      }
    }
  });

  it('matches the reference on random strings and on every text of the fixtures', () => {
    const alphabet: string[] = [];
    for (const [a, b] of KEY_TABLE_RANGES) for (let c = a; c < b; c += 3) alphabet.push(String.fromCharCode(c));
    alphabet.push(' ', ' ', 'a', 'E', '\u0301', '\u0323', 'Σ', 'σ', '½', '中', '\ud83d\ude00', 'ς', '-', '’');
    for (const s of randomStrings(alphabet, 20000, 24)) expect(looseKey(s), JSON.stringify(s)).toBe(looseKeySlow(s));
    for (const s of fixtureTexts()) expect(looseKey(s)).toBe(looseKeySlow(s));
  });
});
