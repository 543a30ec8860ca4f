import type { RelatedDispatch } from '../../store/types';
import { t } from '../../shared/i18n';
import { formatDate, siteLabel } from '../format';

interface Props {
  related: RelatedDispatch[] | null;
  failed: boolean;
  onOpen: (id: string) => void;
}

export function RelatedList({ related, failed, onOpen }: Props) {
  return (
    <section class="related" aria-labelledby="related-title" data-testid="related-list">
      <h2 id="related-title">{t('related')}{related && related.length > 0 ? ` (${related.length})` : ''}</h2>
      {failed ? <p class="muted">{t('errorArchive')}</p>
        : related === null ? <p class="muted">{t('loadingShort')}</p>
        : related.length === 0 ? <p class="muted" data-testid="no-related">{t('noRelated')}</p>
        : (
          <ul class="links">
            {related.map((r) => (
              <li key={r.id}>
                <button type="button" class="link" data-testid="related" data-id={r.id} onClick={() => onOpen(r.id)}>
                  <span class="link-title">{r.title}</span>
                  <span class="muted small">{[formatDate(r.published), siteLabel(r.site, r.url)].filter(Boolean).join(' · ')}</span>
                  {r.shared.length > 0 && (
                    <span class="shared small" data-testid="related-shared">
                      {t('sharedWith')} {r.shared.slice(0, 4).map((s) => s.name).join(', ')}
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        )}
    </section>
  );
}
