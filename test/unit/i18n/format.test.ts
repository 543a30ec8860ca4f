// The one formatter: Hanoi dates whatever the machine's time zone, plurals by the UI
// language's rules, French/English numbers and sizes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUiLanguage, t } from '../../../src/shared/i18n';
import { formatBytes, formatDate, formatDateTime, formatNumber, hanoiDay, languageName, plural } from '../../../src/shared/format';

const NBSP = /[\u00a0\u202f]/g;
const plain = (s: string) => s.replace(NBSP, ' ');
const TZS = ['America/Los_Angeles', 'Europe/Paris', 'Asia/Ho_Chi_Minh', 'UTC', 'Pacific/Kiritimati'];
const savedTz = process.env.TZ;

describe('dates are the dates in Hanoi', () => {
  afterAll(() => { process.env.TZ = savedTz; });
  for (const tz of TZS) {
    it(`in ${tz}`, async () => {
      process.env.TZ = tz;
      await setUiLanguage('en');
      // 05:30 in Hanoi on 1 January is still 31 December in Los Angeles.
      expect(formatDate('2018-01-01T05:30:00+07:00', 'medium', 'en-US')).toBe('Jan 1, 2018');
      expect(formatDate('2018-01-01T05:30:00', 'medium', 'en-US')).toBe('Jan 1, 2018'); // no offset: Hanoi time
      expect(formatDate('2017-12-31T23:30:00Z', 'medium', 'en-US')).toBe('Jan 1, 2018'); // 06:30 in Hanoi
      expect(formatDate('2018-01-01', 'medium', 'en-US')).toBe('Jan 1, 2018'); // calendar date
      expect(formatDate(Date.parse('2017-12-31T22:30:00Z'), 'long', 'en-US')).toBe('January 1, 2018'); // savedAt (epoch ms)
      expect(hanoiDay('2017-12-31T17:30:00Z')).toBe('2018-01-01');
      expect(formatDate('2019-10', 'long', 'fr')).toBe('octobre 2019');
      expect(plain(formatDateTime('2021-04-09T09:19:00+07:00', 'long', 'fr'))).toBe('9 avril 2021 à 09:19');
      expect(formatDateTime('2021-04-09T09:19:00+07:00', 'long', 'en-GB')).toBe('9 April 2021 at 09:19');
    });
  }
  it('nothing and garbage', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('not a date')).toBe('not a date');
  });
});

describe('plurals, numbers and sizes', () => {
  beforeAll(() => setUiLanguage('fr'));
  it('French', async () => {
    await setUiLanguage('fr');
    expect(plural('libStoredCount', 1)).toBe('1 dépêche enregistrée');
    expect(plural('libStoredCount', 0)).toBe('0 dépêche enregistrée');
    expect(plain(plural('libStoredCount', 2345))).toBe('2 345 dépêches enregistrées');
    expect(plain(plural('libCount', 1_000_000))).toBe('1 000 000 de dépêches');
    expect(plain(formatBytes(83.8 * 1024))).toBe('83,8 Ko');
    expect(plain(formatBytes(76.85 * 1024 ** 3))).toBe('76,9 Go');
    expect(plain(formatBytes(1))).toBe('1 octet');
    expect(plain(formatBytes(512))).toBe('512 octets');
    expect(plain(formatNumber(12345.5))).toBe('12 345,5');
    expect(t('libImportDone', '1', '2', '3')).toBe('Import terminé — ajoutées : 1 · mises à jour : 2 · déjà présentes : 3.');
  });
  it('English', async () => {
    await setUiLanguage('en');
    expect(plural('libStoredCount', 1)).toBe('1 saved dispatch');
    expect(plural('libStoredCount', 0)).toBe('0 saved dispatches');
    expect(plural('libCount', 2345)).toBe('2,345 dispatches');
    expect(formatBytes(83.8 * 1024)).toBe('83.8 KB');
    expect(formatBytes(76.85 * 1024 ** 3)).toBe('76.9 GB');
    expect(plural('libExportProgress', 10, ['3'])).toBe('Exporting… 3 of 10 dispatches');
    expect(languageName('fr')).toBe('Français');
    expect(languageName('fr', 'en')).toBe('French');
  });
});

describe('language choices that cross', () => {
  it('the last choice wins even when an earlier file is still loading', async () => {
    const { setUiLanguage, uiLang } = await import('../../../src/shared/i18n');
    await setUiLanguage('fr');
    // 'en' needs its file loaded; 'browser' applies at once: the file arriving later must not win.
    const slow = setUiLanguage('en');
    const fast = setUiLanguage('browser');
    await Promise.all([slow, fast]);
    expect(uiLang()).toBe('fr'); // no extension API here: the browser's language is the default locale
  });
});

describe('formatters are made once per locale and options (issue 17)', () => {
  it('the popup formats a count and a plural per entity without constructing an Intl object each time', async () => {
    await setUiLanguage('fr');
    const made = { nf: 0, pr: 0, dtf: 0 };
    const { NumberFormat, PluralRules, DateTimeFormat } = Intl;
    const counting = <C extends new (...a: any[]) => object>(C: C, k: keyof typeof made) =>
      new Proxy(C, { construct: (target, args) => { made[k]++; return new target(...args); } });
    Object.assign(Intl, { NumberFormat: counting(NumberFormat, 'nf'), PluralRules: counting(PluralRules, 'pr'), DateTimeFormat: counting(DateTimeFormat, 'dtf') });
    try {
      for (let i = 0; i < 50; i++) {
        expect(formatNumber(i, {}, 'fr-CA')).toBe(String(i));
        expect(plural('libStoredCount', i, [], 'fr-CA')).toMatch(/^\d+ dépêches? enregistrées?$/);
        expect(formatDate('2019-10-21', 'medium', 'fr-CA')).toBe('21 oct. 2019');
      }
      expect(made).toEqual({ nf: 1, pr: 1, dtf: 1 });
      // Other options are another formatter, and give their own output.
      expect(formatNumber(1.25, { maximumFractionDigits: 1 }, 'fr-CA')).toMatch(/^1,[23]$/);
      expect(made.nf).toBe(2);
    } finally {
      Object.assign(Intl, { NumberFormat, PluralRules, DateTimeFormat });
    }
  });
});
