import { useEffect, useState } from 'preact/hooks';
import { TRASH_DAYS } from '../../../store/schema';
import { onArchiveChange, touchesDispatches } from '../../../store/changes';
import { t } from '../../../shared/i18n';
import { archive, formatDate, undoRemove } from '../data';
import { siteLabel } from '../../../core/extract/profiles';

type Entry = Awaited<ReturnType<typeof archive.trash>>[number];

/** Removed dispatches, kept TRASH_DAYS with the reader's tags and note; each can be put back. */
export function TrashView({ locale }: { locale: string }) {
  const [items, setItems] = useState<Entry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rev, setRev] = useState(0);
  useEffect(() => onArchiveChange((c) => { if (touchesDispatches(c)) setRev((r) => r + 1); }), []);
  useEffect(() => {
    archive.trash().then(setItems, (e) => setError(String((e as Error)?.message ?? e)));
  }, [rev]);
  const restore = (id: string) => undoRemove(id).catch((e) => setError(String((e as Error)?.message ?? e)));
  return (
    <section class="lib-trash" data-testid="trash">
      <p><a href="./index.html" data-testid="back-to-library">← {t('libBack')}</a></p>
      <h1>{t('libTrash')}</h1>
      <p class="lib-small" data-testid="trash-policy">{t('libTrashPolicy', String(TRASH_DAYS))}</p>
      {error && <p class="lib-error" role="alert">{error}</p>}
      {items && items.length === 0 && <p class="lib-empty" data-testid="trash-empty">{t('libTrashEmpty')}</p>}
      {items && items.length > 0 && (
        <ul class="lib-rows">
          {items.map((it) => (
            <li class="lib-row" data-testid="trash-row" data-id={it.id}>
              <div class="lib-row-main">
                <span class="lib-title">{it.title}</span>
                <div class="lib-meta">
                  <span>{siteLabel(it.site)}</span>
                  <span>{t('libRemovedOn', formatDate(it.removedAt, locale))}</span>
                  <span data-testid="trash-purge">{t('libPurgedOn', formatDate(it.purgeAt, locale))}</span>
                </div>
                {(it.userTags.length > 0 || it.note) && (
                  <div class="lib-user">
                    {it.userTags.map((tag) => <span class="lib-tag">{tag}</span>)}
                    {it.note && <span class="lib-note-text">{it.note}</span>}
                  </div>
                )}
              </div>
              <div class="lib-actions">
                <button type="button" data-testid="trash-restore" onClick={() => restore(it.id)}>{t('libRestore')}</button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
