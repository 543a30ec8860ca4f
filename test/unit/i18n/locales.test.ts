// The two locale files say the same things: same keys, same placeholders, every plural
// family complete, and every key the code names exists (the compiler checks t(); this
// checks the keys built from strings at run time, e.g. `readerTheme_${theme}`).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { THEMES } from '../../../src/reader/settings';

const ROOT = resolve(import.meta.dirname, '../../..');
type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const load = (l: string): Record<string, Entry> => JSON.parse(readFileSync(resolve(ROOT, `assets/_locales/${l}/messages.json`), 'utf8'));
const fr = load('fr');
const en = load('en');
const subs = (e: Entry) => [...new Set((e.message.match(/\$[A-Za-z0-9_]+\$/g) ?? []).map((p) => e.placeholders?.[p.slice(1, -1).toLowerCase()]?.content ?? p))].sort();

describe('locales', () => {
  it('fr and en have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });
  it('every message uses the same substitutions in both languages, and each is declared', () => {
    for (const k of Object.keys(fr)) {
      expect(subs(en[k]), k).toEqual(subs(fr[k]));
      for (const e of [fr[k], en[k]]) for (const p of e.message.match(/\$[A-Za-z0-9_]+\$/g) ?? []) expect(e.placeholders?.[p.slice(1, -1).toLowerCase()], `${k} ${p}`).toBeTruthy();
      expect(fr[k].message.trim(), k).not.toBe('');
    }
  });
  it('plural families have one and other in both languages', () => {
    const bases = new Set(Object.keys(fr).filter((k) => /_(one|other|many)$/.test(k)).map((k) => k.replace(/_(one|other|many)$/, '')));
    for (const b of bases) {
      expect(fr[`${b}_one`], `${b}_one`).toBeTruthy();
      expect(fr[`${b}_other`], `${b}_other`).toBeTruthy();
    }
  });
  it('keys built at run time exist', () => {
    for (const th of THEMES) expect(fr[`readerTheme_${th}`], th).toBeTruthy();
    for (const ty of ['PER', 'ORG', 'LOC', 'EVENT', 'DATE']) expect(fr[ty]).toBeTruthy();
    for (const ph of ['read', 'validate', 'write', 'done']) expect(fr[`libPhase_${ph}`]).toBeTruthy();
    for (const b of ['related', 'saved', 'none']) expect(fr[`optBadge_${b}`]).toBeTruthy();
    expect(fr.lang.message).toBe('fr');
    expect(en.lang.message).toBe('en');
  });
  it('the manifest names only keys that exist', () => {
    const manifest = readFileSync(resolve(ROOT, 'manifest.json'), 'utf8');
    for (const m of manifest.matchAll(/__MSG_(\w+)__/g)) expect(fr[m[1]], m[1]).toBeTruthy();
  });
});

describe('typed keys', () => {
  it('a key that is not in the locale files does not compile', async () => {
    const { t, setUiLanguage } = await import('../../../src/shared/i18n');
    await setUiLanguage('en');
    // @ts-expect-error 'noSuchKey' is not a MessageKey: `npm run typecheck` fails if t() accepts any string.
    expect(t('noSuchKey')).toBe('noSuchKey');
    expect(t('save')).toBe('Save');
  });
});
