import type { StoreStats } from '../../../store';
import { t } from '../../../shared/i18n';
import { plural } from '../../../shared/format';
import { formatBytes } from '../data';

export function StorageUsage({ stats }: { stats: StoreStats | null }) {
  if (!stats) return null;
  const pct = stats.bytes !== null && stats.quota ? Math.min(100, (stats.bytes / stats.quota) * 100) : null;
  return (
    <div class="lib-storage" data-testid="storage">
      <span data-testid="storage-count">{plural('libStoredCount', stats.dispatches)}</span>
      <span data-testid="storage-bytes">{t('libStorageUsed', formatBytes(stats.bytes), formatBytes(stats.quota))}</span>
      {pct !== null && <meter min={0} max={100} value={pct} aria-label={t('libStorage')} />}
      {stats.persisted !== null && <span class="lib-small">{stats.persisted ? t('libPersisted') : t('libNotPersisted')}</span>}
    </div>
  );
}
