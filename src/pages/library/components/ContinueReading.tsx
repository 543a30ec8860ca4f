import { useEffect, useState } from 'preact/hooks';
import type { Dispatch, ReadingRecord } from '../../../store';
import { continueReading } from '../../../store';
import { t } from '../../../shared/i18n';
import { archive, readerUrl } from '../data';

/** "Continue reading": the dispatches started and not finished, latest opened first. */
export function ContinueReading({ revision }: { revision: number }) {
  const [items, setItems] = useState<{ r: ReadingRecord; d: Dispatch }[]>([]);
  useEffect(() => {
    let live = true;
    continueReading(archive, 3)
      .then(async (list) => (await Promise.all(list.map(async (r) => ({ r, d: await archive.get(r.id) })))).filter((x): x is { r: ReadingRecord; d: Dispatch } => !!x.d))
      .then((x) => live && setItems(x))
      .catch(() => {});
    return () => { live = false; };
  }, [revision]);
  if (!items.length) return null;
  return (
    <section class="lib-continue" data-testid="continue-reading" aria-label={t('rlContinueReading')}>
      <h2>{t('rlContinueReading')}</h2>
      <ul>
        {items.map(({ r, d }) => (
          <li data-testid="continue-item" data-id={d.id}>
            <a href={readerUrl(d.id)}>{d.article.title}</a>
            <span class="lib-progress-mini" aria-hidden="true"><span style={{ width: `${Math.round((r.position?.progress ?? 0) * 100)}%` }} /></span>
            <span class="lib-small">{t('rlProgress', String(Math.round((r.position?.progress ?? 0) * 100)))}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
