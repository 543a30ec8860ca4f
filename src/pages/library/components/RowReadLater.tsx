import { useEffect, useState } from 'preact/hooks';
import type { PhotoSummary, ReadingRecord } from '../../../store';
import { photoSummaries, readingOf } from '../../../store';
import { t } from '../../../shared/i18n';
import { plural } from '../../../shared/format';
import { archive } from '../data';

/**
 * Window event: read-later data (photos, states) changed; rows reload their badges (only the
 * rows named by `detail.ids` when the event names some).
 */
export const READLATER_CHANGED = 'vna-readlater-changed';

/** A row's reading state and photo status ("photos pending" while some are still to fetch). */
export function RowReadLater({ id }: { id: string }) {
  const [r, setR] = useState<ReadingRecord | null>(null);
  const [p, setP] = useState<PhotoSummary | null>(null);
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    // Photo retries and drops elsewhere on the page change what the row shows.
    const on = (ev: Event) => {
      const ids = (ev as CustomEvent<{ ids?: string[] } | null>).detail?.ids;
      if (!ids || ids.includes(id)) setRevision((n) => n + 1);
    };
    addEventListener(READLATER_CHANGED, on);
    return () => removeEventListener(READLATER_CHANGED, on);
  }, [id]);
  useEffect(() => {
    let live = true;
    readingOf(archive, id).then((x) => live && setR(x)).catch(() => {});
    photoSummaries(archive, [id]).then((m) => live && setP(m.get(id) ?? null)).catch(() => {});
    return () => { live = false; };
  }, [id, revision]);
  if (!r) return null;
  const pct = r.state === 'unread' && r.position ? Math.round(r.position.progress * 100) : 0;
  return (
    <span class="lib-readlater">
      <span class={`lib-state lib-state-${r.state}`} data-testid="row-state" data-state={r.state}>{t(`rlState_${r.state}`)}</span>
      {pct > 0 && <span class="lib-small" data-testid="row-progress">{t('rlProgress', String(pct))}</span>}
      {p && p.pending > 0 && <span class="lib-pending" data-testid="photos-pending">{plural('rlRowPhotosPending', p.pending)}</span>}
    </span>
  );
}
