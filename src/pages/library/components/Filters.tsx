import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { typeLabel } from '../../../shared/type-label';
import { dateField, entityName, suggestEntities, type EntitySuggestion, type Query } from '../data';
import { siteName } from '../../../core/extract/profiles';

interface Props {
  query: Query;
  sites: string[];
  onChange: (p: Partial<Query>) => void;
}

/** Filters by site, entity (typed, suggested from the archive's entity index) and date range. */
export function Filters({ query, sites, onChange }: Props) {
  const [text, setText] = useState('');
  const [suggestions, setSuggestions] = useState<EntitySuggestion[] | null>(null);
  const [chosenName, setChosenName] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    if (text.trim().length < 2) { setSuggestions(null); return; }
    const id = window.setTimeout(() => {
      suggestEntities(text).then((s) => live && setSuggestions(s)).catch(() => live && setSuggestions([]));
    }, 120);
    return () => { live = false; window.clearTimeout(id); };
  }, [text]);

  useEffect(() => {
    let live = true;
    if (query.entity) entityName(query.entity).then((n) => live && setChosenName(n)).catch(() => {});
    else setChosenName(null);
    return () => { live = false; };
  }, [query.entity]);

  const byPublished = dateField(query.sort) === 'published';
  return (
    <div class="lib-filters" data-testid="filters">
      <label class="lib-field">
        <span>{t('libSite')}</span>
        <select data-testid="filter-site" value={query.site} onChange={(e) => onChange({ site: (e.target as HTMLSelectElement).value })}>
          <option value="">{t('libAllSites')}</option>
          {sites.map((s) => <option value={s}>{siteName(s)}</option>)}
        </select>
      </label>
      <div class="lib-field lib-entity-filter">
        <span id="lib-entity-label">{t('libEntity')}</span>
        {query.entity ? (
          <span class="lib-chip" data-testid="entity-chip">
            {chosenName ?? query.entity} <small>{typeLabel(query.entity)}</small>
            <button type="button" aria-label={t('libClearEntity')} data-testid="entity-clear" onClick={() => onChange({ entity: '' })}>✕</button>
          </span>
        ) : (
          <div class="lib-suggest">
            <input
              type="text"
              data-testid="filter-entity"
              aria-labelledby="lib-entity-label"
              placeholder={t('libEntityPlaceholder')}
              value={text}
              onInput={(e) => setText((e.target as HTMLInputElement).value)}
            />
            {suggestions && suggestions.length > 0 && (
              <ul class="lib-suggestions" aria-labelledby="lib-entity-label">
                {suggestions.map((s) => (
                  <li>
                    <button type="button" data-testid="entity-suggestion" data-key={s.key} onClick={() => { setText(''); setSuggestions(null); onChange({ entity: s.key }); }}>
                      {s.name} <small>{t(s.type)} · {s.count}</small>
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {/* Said, not left as dead text in the box. */}
            {suggestions && suggestions.length === 0 && <p class="lib-small lib-suggest-none" role="status" data-testid="entity-none">{t('libNoEntityMatch')}</p>}
          </div>
        )}
      </div>
      <label class="lib-field">
        <span>{byPublished ? t('libPublishedFrom') : t('libSavedFrom')}</span>
        <input type="date" data-testid="filter-from" value={query.from} onChange={(e) => onChange({ from: (e.target as HTMLInputElement).value })} />
      </label>
      <label class="lib-field">
        <span>{t('libTo')}</span>
        <input type="date" data-testid="filter-to" value={query.to} onChange={(e) => onChange({ to: (e.target as HTMLInputElement).value })} />
      </label>
    </div>
  );
}
