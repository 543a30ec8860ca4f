import { describe, expect, it } from 'vitest';
import { APP_DEFAULTS, normalizeAppSettings } from '../../../src/shared/settings';
import { DEFAULTS, normalizeSettings } from '../../../src/reader/settings';

describe('settings', () => {
  it('app settings: garbage and old values fall back to the defaults', () => {
    expect(normalizeAppSettings(undefined)).toEqual(APP_DEFAULTS);
    expect(normalizeAppSettings({ uiLanguage: 'de', badge: 'all', contextMenu: 'yes', offlinePhotos: 1 })).toEqual(APP_DEFAULTS);
    expect(normalizeAppSettings({ uiLanguage: 'en', badge: 'saved', contextMenu: false, offlinePhotos: true }))
      .toEqual({ uiLanguage: 'en', badge: 'saved', contextMenu: false, offlinePhotos: true });
    expect(APP_DEFAULTS).toMatchObject({ uiLanguage: 'browser', badge: 'related', contextMenu: true, offlinePhotos: false });
  });
  it('reader settings: System is the default theme, reading speed is clamped', () => {
    expect(DEFAULTS.theme).toBe('system');
    expect(normalizeSettings({}).theme).toBe('system');
    expect(normalizeSettings({ theme: 'sepia' }).theme).toBe('sepia');
    expect(normalizeSettings({ speechRate: 9 }).speechRate).toBe(2);
    expect(normalizeSettings({ speechRate: 1.25 }).speechRate).toBe(1.25);
  });
});
