import { useEffect, useState } from 'preact/hooks';
import type { DispatchBrief } from '../../../store';
import type { Entity } from '../../../core/types';
import { t } from '../../../shared/i18n';
import { plural } from '../../../shared/format';
import { errorText } from '../../../shared/error-text';
import { typeLabel } from '../../../shared/type-label';
import { archive, formatDate, readerUrl } from '../data';
import { siteLabel } from '../../../core/extract/profiles';

interface Item {
  brief: DispatchBrief;
  entity: Entity | null;
}

const PAGE = 100;
const ROLE_LIMIT = 500;

/** Every saved dispatch mentioning one entity, newest first, with a person's role history. */
export function EntityView({ entityKey, locale }: { entityKey: string; locale: string }) {
  const [items, setItems] = useState<Item[] | null>(null);
  const [shown, setShown] = useState(PAGE);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      const briefs = await archive.byEntity(entityKey);
      // The entity as each dispatch has it (name, role); bounded for very common entities.
      const withEntity = await Promise.all(briefs.map(async (brief, i) => {
        if (i >= ROLE_LIMIT) return { brief, entity: null };
        const d = await archive.get(brief.id);
        return { brief, entity: d?.entities.find((e) => e.key === entityKey) ?? null };
      }));
      if (live) setItems(withEntity);
    })().catch((e) => live && setError(errorText(e)));
    return () => { live = false; };
  }, [entityKey]);

  const type = entityKey.split(':')[0];
  const name = items?.find((i) => i.entity)?.entity?.name ?? entityKey.slice(entityKey.indexOf(':') + 1);
  const history = roleHistory(items ?? []);

  return (
    <section class="lib-entity-view" data-testid="entity-view">
      <p><a href="./index.html" data-testid="back-to-library">← {t('libBack')}</a></p>
      <h1 data-testid="entity-name">{name} <small class={`lib-ent lib-ent-${type}`}>{typeLabel(entityKey)}</small></h1>
      {error && <p class="lib-error" role="alert">{error}</p>}
      {!items && !error && <p>{t('loading')}</p>}
      {items && <p data-testid="entity-count">{plural('libEntityCount', items.length)}</p>}
      {type === 'PER' && history.length > 0 && (
        <section aria-labelledby="roles-h">
          <h2 id="roles-h">{t('libRoleHistory')}</h2>
          <ol class="lib-roles" data-testid="role-history">
            {history.map((h) => (
              <li data-testid="role-item">
                <strong>{h.role}</strong> — {h.from === h.to ? formatDate(h.from, locale) : `${formatDate(h.from, locale)} → ${formatDate(h.to, locale)}`}
                {' '}<span class="lib-small">({plural('libInDispatches', h.count)})</span>
              </li>
            ))}
          </ol>
        </section>
      )}
      {items && (
        <ul class="lib-rows">
          {items.slice(0, shown).map(({ brief, entity }) => (
            <li class="lib-row" data-testid="entity-dispatch" data-id={brief.id}>
              <div class="lib-row-main">
                <a class="lib-title" href={readerUrl(brief.id)}>{brief.title}</a>
                <div class="lib-meta">
                  <span>{siteLabel(brief.site, brief.url)}</span>
                  <span>{formatDate(brief.published, locale)}</span>
                  {entity?.role && <span data-testid="entity-role">{entity.role}</span>}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {items && items.length > shown && <button type="button" onClick={() => setShown(shown + PAGE)}>{t('libMore')}</button>}
    </section>
  );
}

interface RoleSpan { role: string; from: string | null; to: string | null; count: number }

/** Consecutive runs of the same role, oldest first (dispatches without a role are skipped). */
function roleHistory(items: Item[]): RoleSpan[] {
  const dated = items
    .filter((i) => i.entity?.role)
    .map((i) => ({ role: i.entity!.role!.trim(), date: i.brief.published }))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  const out: RoleSpan[] = [];
  for (const { role, date } of dated) {
    const last = out[out.length - 1];
    if (last && last.role.toLowerCase() === role.toLowerCase()) {
      last.to = date;
      last.count++;
    } else {
      out.push({ role, from: date, to: date, count: 1 });
    }
  }
  return out;
}
