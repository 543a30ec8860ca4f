import { useEffect, useState } from 'preact/hooks';
import type { PhotoStats } from '../../../store';
import { pendingPhotoIds, photoStats } from '../../../store';
import { t } from '../../../shared/i18n';
import { plural } from '../../../shared/format';
import { toBackground } from '../../../shared/rpc';
import { photosOfflineEnabled, setPhotosOffline } from '../../../shared/readlater-settings';
import { archive, formatBytes } from '../data';
import { READLATER_CHANGED } from './RowReadLater';

/**
 * Photos kept offline, counted apart from the text: how many and their size, the dispatches
 * whose photos are still pending (with a retry through the background, the one fetcher), the
 * "keep photos offline" setting, and dropping every photo to free space.
 */
export function PhotoStorage({ revision, onChanged }: { revision: number; onChanged: () => void }) {
  const [stats, setStats] = useState<PhotoStats | null>(null);
  const [pending, setPending] = useState(0);
  const [on, setOn] = useState(true);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<string | null>(null);
  const load = () => {
    photoStats(archive).then(setStats).catch(() => {});
    pendingPhotoIds(archive).then((ids) => setPending(ids.length)).catch(() => {});
  };
  useEffect(load, [revision]);
  useEffect(() => { photosOfflineEnabled().then(setOn).catch(() => {}); }, []);

  const retry = async () => {
    setBusy(true);
    try { await toBackground({ type: 'bg/photosRetry' }); } catch { /* the counts below tell */ }
    setBusy(false);
    load();
    onChanged();
    dispatchEvent(new Event(READLATER_CHANGED));
  };
  const drop = async () => {
    if (!window.confirm(t('rlDropPhotosConfirm'))) return;
    setBusy(true);
    const n = await toBackground({ type: 'bg/photosDrop' }).then((r) => r.dropped, () => 0);
    setBusy(false);
    setMsg(plural('rlPhotosDroppedN', n));
    load();
    onChanged();
    dispatchEvent(new Event(READLATER_CHANGED));
  };
  if (!stats) return null;
  return (
    <div class="lib-photos" data-testid="photo-storage">
      <span data-testid="storage-photos" data-count={stats.photos} data-bytes={stats.bytes}>{plural('rlPhotoCount', stats.photos, [formatBytes(stats.bytes)])}</span>
      {pending > 0 && (
        <span class="lib-pending" data-testid="photos-pending-total">
          {plural('rlPendingDispatches', pending)}{' '}
          <button type="button" data-testid="photos-retry" disabled={busy} onClick={retry}>{t('rlRetryPhotos')}</button>
        </span>
      )}
      <label class="lib-check">
        <input type="checkbox" data-testid="photos-offline" checked={on} onChange={(e) => { const v = (e.target as HTMLInputElement).checked; setOn(v); void setPhotosOffline(v); }} />
        {t('rlPhotosOffline')}
      </label>
      <button type="button" data-testid="photos-drop" disabled={busy || stats.photos === 0} onClick={drop}>{t('rlDropPhotos')}</button>
      {msg && <span class="lib-ok" role="status" data-testid="photos-status">{msg}</span>}
    </div>
  );
}
