// A re-save (shortcut, context menu) whose text differed materially from the saved copy did
// not replace it (issue #18): the page's version waits here, and the reader picks one.
import { useEffect, useState } from 'preact/hooks';
import type { PendingRevision } from '../../shared/messages';
import { toBackground } from '../../shared/rpc';
import { t } from '../../shared/i18n';

export function RevisionNotice({ id, saved }: { id: string; saved: boolean | null }) {
  const [rev, setRev] = useState<PendingRevision | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!saved) return setRev(null);
    toBackground({ type: 'bg/revision', id }).then((r) => setRev(r ?? null), () => setRev(null));
  }, [id, saved]);
  if (!rev) return null;
  const choose = (use: 'saved' | 'page') => {
    setBusy(true);
    toBackground({ type: 'bg/resolveRevision', id, use })
      .then((r) => { if (r?.ok) setRev(null); }, () => {})
      .finally(() => setBusy(false));
  };
  return (
    <section class="notice revision" role="status" data-testid="revision">
      <p>{t('revisionPending')}</p>
      <p class="muted" data-testid="revision-title">{t('revisionPageTitle', rev.title)}</p>
      <p class="actions">
        <button type="button" data-testid="revision-keep" disabled={busy} onClick={() => choose('saved')}>{t('revisionKeepSaved')}</button>
        <button type="button" data-testid="revision-use" disabled={busy} onClick={() => choose('page')}>{t('revisionUsePage')}</button>
      </p>
    </section>
  );
}
