// The saved dispatches that mention the selected entity (bg/byEntity), each opening the
// saved copy in the reader page.
import { useEffect, useState } from 'preact/hooks';
import type { Entity } from '../../core/types';
import { t } from '../../shared/i18n';
import { toBackground } from '../../shared/rpc';
import { formatDate, siteLabel } from '../format';
import { plural } from '../../shared/format';

type Item = { id: string; title: string; published: string | null; site: string };

interface Props {
  entity: Entity;
  currentId: string;
  highlighted: number | null;
  onOpen: (id: string) => void;
  onDone: () => void;
}

export function EntityDispatches({ entity, currentId, highlighted, onOpen, onDone }: Props) {
  const [items, setItems] = useState<Item[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setItems(null);
    setFailed(false);
    toBackground({ type: 'bg/byEntity', key: entity.key })
      .then((list) => { if (live) setItems((list ?? []).filter((d) => d.id !== currentId)); })
      .catch(() => { if (live) setFailed(true); });
    return () => { live = false; };
  }, [entity.key, currentId]);

  return (
    <section class="panel" data-testid="entity-panel" aria-labelledby="entity-panel-title">
      <p class="status" role="status" data-testid="highlight-status">
        {highlighted === null ? '' : highlighted > 0 ? plural('highlighted', highlighted) : t('highlightNone')}
      </p>
      <h3 id="entity-panel-title">{t('entityDispatches', entity.name)}</h3>
      {failed ? <p class="muted">{t('errorArchive')}</p>
        : items === null ? <p class="muted">{t('loadingShort')}</p>
        : items.length === 0 ? <p class="muted" data-testid="entity-dispatches-empty">{t('noEntityDispatches')}</p>
        : (
          <ul class="links">
            {items.map((d) => (
              <li key={d.id}>
                <button type="button" class="link" data-testid="entity-dispatch" data-id={d.id} onClick={() => onOpen(d.id)}>
                  <span class="link-title">{d.title}</span>
                  <span class="muted small">{[formatDate(d.published), siteLabel(d.site)].filter(Boolean).join(' · ')}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      <button type="button" class="small-btn" data-testid="entity-library"
        onClick={() => toBackground({ type: 'bg/openLibrary', entity: entity.key }).then(onDone, () => {})}>
        {t('entityInLibrary')}
      </button>
    </section>
  );
}
