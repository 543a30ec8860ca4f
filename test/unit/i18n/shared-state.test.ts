// The popup runs src/shared/i18n.ts twice: bundled into its classic first-paint script
// (src/popup/boot.ts) and as the view's module. Both copies must show the language the reader
// chose, loaded once: the state lives on the page's global object, and a copy that set a
// loader for the files (the first-paint script fetches the packaged file) serves the other.
import { afterEach, describe, expect, it, vi } from 'vitest';

const KEY = Symbol.for('vna-reader.i18n');
const g = globalThis as Record<symbol, unknown>;
afterEach(() => {
  delete g[KEY];
  vi.resetModules();
});

async function freshCopy() {
  vi.resetModules(); // a second evaluation of the module, as a second bundle of it would be
  return import('../../../src/shared/i18n');
}

describe('two copies of i18n on one page', () => {
  it('a language chosen through one copy is the other copy\'s language, with its strings', async () => {
    const boot = await freshCopy();
    const view = await freshCopy();
    expect(boot).not.toBe(view);
    await boot.setUiLanguage('en');
    expect(view.uiLang()).toBe('en');
    expect(view.t('libPageOf', '2', '7')).toBe(boot.t('libPageOf', '2', '7'));
    expect(view.t('libPageOf', '2', '7')).not.toContain('sur');
    await view.setUiLanguage('fr');
    expect(boot.t('libPageOf', '2', '7')).toBe('Page 2 sur 7');
  });

  it('a change announced once reaches the listeners of both copies', async () => {
    const boot = await freshCopy();
    const view = await freshCopy();
    const heard: string[] = [];
    boot.onLanguageChange(() => heard.push('boot'));
    view.onLanguageChange(() => heard.push('view'));
    await boot.setUiLanguage('en');
    expect(heard.sort()).toEqual(['boot', 'view']);
  });

  it('the loader one copy set is the one that loads the file', async () => {
    const boot = await freshCopy();
    const asked: string[] = [];
    boot.setTableLoader(async (lang) => {
      asked.push(lang);
      return { lang: { message: lang }, libPageOf: { message: `${lang} $1/$2` } };
    });
    await boot.setUiLanguage('en');
    expect(boot.t('libPageOf', '2', '7')).toBe('en 2/7');
    expect(asked).toEqual(['en']);
  });
});
