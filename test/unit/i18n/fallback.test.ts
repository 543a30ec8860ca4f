// When the browser's getMessage answers nothing (seen once under heavy load in CI: a library
// page showing raw keys such as `libPageOf`), the page still shows words, from our own copy of
// the browser-picked language's file; while getMessage answers, its answer is used.
import { afterEach, describe, expect, it, vi } from 'vitest';

const g = globalThis as { chrome?: unknown };
afterEach(() => {
  delete g.chrome;
  // A fresh page: the module and the language state it keeps on the global object.
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('vna-reader.i18n')];
  vi.resetModules();
});

async function withI18n(getMessage: (k: string, s?: string[]) => string, ui = 'fr-FR') {
  g.chrome = { i18n: { getMessage, getUILanguage: () => ui } };
  const mod = await import('../../../src/shared/i18n');
  await mod.initI18n();
  return mod;
}

describe('t() when chrome.i18n answers nothing', () => {
  it('French browser: the French file, with its placeholders', async () => {
    const { t } = await withI18n(() => '');
    expect(t('libPageOf', '2', '7')).toBe('Page 2 sur 7');
  });
  it('English browser: the English file', async () => {
    const { t } = await withI18n(() => '', 'en-GB');
    expect(t('libPageOf', '2', '7')).toMatch(/2.*7/);
    expect(t('libPageOf', '2', '7')).not.toContain('sur');
  });
  it('a browser that answers: its answer, never the copy', async () => {
    const { t } = await withI18n((k) => (k === 'lang' ? 'fr' : `native:${k}`));
    expect(t('libPageOf', '2', '7')).toBe('native:libPageOf');
  });
});
