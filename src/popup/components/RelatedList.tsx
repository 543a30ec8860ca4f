import { useState } from 'preact/hooks';
import type { RelatedDispatch } from '../../store/types';
import { t } from '../../shared/i18n';
import { formatDate, siteLabel } from '../format';

interface Props {
  related: RelatedDispatch[] | null;
  failed: boolean;
  onOpen: (id: string) => void;
}

/** Shown before "show all": the block sits above the entities, so it stays compact. */
const RELATED_SHOWN = 3;

export function RelatedList({ related, failed, onOpen }: Props) {
  const [all, setAll] = useState(false);
  const shown = related && !all ? related.slice(0, RELATED_SHOWN) : related;
  return (
    <section class="related" aria-labelledby="related-title" data-testid="related-list">
      <h2 id="related-title">{t('related')}{related && related.length > 0 ? ` (${related.length})` : ''}</h2>
      {failed ? <p class="muted">{t('errorArchive')}</p>
        : related === null ? <p class="muted">{t('loadingShort')}</p>
        : related.length === 0 ? <p class="muted" data-testid="no-related">{t('noRelated')}</p>
        : (
          <ul class="links">
            {shown!.map((r) => (
              <li key={r.id}>
                <button type="button" class="link" data-testid="related" data-id={r.id} onClick={() => onOpen(r.id)}>
                  <span class="link-title">{r.title}</span>
                  <span class="muted small">{[formatDate(r.published), siteLabel(r.site, r.url)].filter(Boolean).join(' · ')}</span>
                  {r.shared.length > 0 ? (
                    <span class="shared small" data-testid="related-shared">
                      {t('sharedWith')} {r.shared.slice(0, 3).map((s) => s.name).join(', ')}
                    </span>
                  ) : r.words && r.words.length > 0 ? (
                    <span class="shared small" data-testid="related-words">
                      {t('sharedWords')} {r.words.slice(0, 4).join(', ')}
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        )}
      {related && related.length > RELATED_SHOWN && (
        <button type="button" class="small-btn" data-testid="related-more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('showLess') : t('showAll', String(related.length))}
        </button>
      )}
    </section>
  );
}
