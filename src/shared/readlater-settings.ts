// The "photos kept offline" switch is the settings page's `offlinePhotos` (src/shared/settings.ts):
// the library's checkbox and the settings page write the same value, and the service worker
// deletes the kept photos when it is turned off (background/settings-watch.ts).
import { loadAppSettings, updateAppSettings } from './settings';

export async function photosOfflineEnabled(): Promise<boolean> {
  return (await loadAppSettings()).offlinePhotos;
}

export async function setPhotosOffline(on: boolean): Promise<void> {
  await updateAppSettings({ offlinePhotos: on });
}
