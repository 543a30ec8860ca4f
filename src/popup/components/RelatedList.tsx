import { useState } from 'preact/hooks';
import type { RelatedRow } from '../../shared/messages';
import { t } from '../../shared/i18n';
import { RELATED_SHOWN, relatedHeading, relatedMeta, relatedReason } from '../related-view';

interface Props {
  related: RelatedRow[] | null;
  failed: boolean;
  onOpen: (id: string) => void;
}

export function RelatedList({ related, failed, onOpen }: Props) {
  const [all, setAll] = useState(false);
  const shown = related && !all ? related.slice(0, RELATED_SHOWN) : related;
  return (
    <section class="related" aria-labelledby="related-title" data-testid="related-list">
      <h2 id="related-title">{relatedHeading(related)}</h2>
      {failed ? <p class="muted">{t('errorArchive')}</p>
        : related === null ? <p class="muted">{t('loadingShort')}</p>
        : related.length === 0 ? <p class="muted" data-testid="no-related">{t('noRelated')}</p>
        : (
          <ul class="links">
            {shown!.map((r) => {
              const why = relatedReason(r);
              return (
                <li key={r.id}>
                  <button type="button" class="link" data-testid="related" data-id={r.id} onClick={() => onOpen(r.id)}>
                    <span class="link-title">{r.title}</span>
                    <span class="muted small">{relatedMeta(r)}</span>
                    {why && <span class="shared small" data-testid={why.testid}>{why.label} {why.list}</span>}
                  </button>
                </li>
              );
            })}
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
