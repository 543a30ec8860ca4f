// The "photos kept offline" setting (on by default), in storage.local. A small local default
// until the settings page (src/shared/settings.ts, branch i18n) exists; then this key moves
// there. Off: saving keeps the text only and no photo is fetched.
import browser from 'webextension-polyfill';

export const PHOTOS_OFFLINE_KEY = 'readlater.photosOffline';

export async function photosOfflineEnabled(): Promise<boolean> {
  try {
    const got = await browser.storage.local.get(PHOTOS_OFFLINE_KEY);
    return got[PHOTOS_OFFLINE_KEY] !== false;
  } catch {
    return true;
  }
}

export async function setPhotosOffline(on: boolean): Promise<void> {
  await browser.storage.local.set({ [PHOTOS_OFFLINE_KEY]: on });
}
