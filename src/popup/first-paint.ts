// The popup's first frame for an article, in plain DOM (issue 17): the header, the actions, the
// related block (waiting for the worker, or its answer if it came first), and the entities, exactly as the Preact view renders
// them before any answer from the worker (same elements, classes, labels and test ids), so the
// reader sees the entities without waiting for Preact and the rest of the popup to load. The
// Preact view (./App.tsx, loaded right after) then replaces this frame within one task: no
// frame shows both, and nothing here has behaviour of its own (./boot.ts replays a click or
// keeps the focus that lands on it in the meantime).
// Text only (textContent, attributes): nothing from the page is ever parsed as HTML.
import type { Entity } from '../core/types';
import type { ArticleState, RelatedRow } from '../shared/messages';
import { typeInfo } from '../core/entity-types';
import { t } from '../shared/i18n';
import { formatDate, formatNumber, plural } from '../shared/format';
import { detailOf, GROUP_SHOWN, isLongGroup, sortedGroups } from './entity-view';
import { RELATED_SHOWN, relatedHeading, relatedMeta, relatedReason } from './related-view';

type Attrs = Record<string, string | boolean | undefined>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    e.setAttribute(k, v === true ? '' : v);
  }
  e.append(...children);
  return e;
}

function header(state: ArticleState): HTMLElement {
  const { article } = state;
  const date = formatDate(article.published);
  const meta = el('p', { class: 'muted meta' }, el('span', { class: 'site' }, state.siteLabel ?? article.site));
  if (date) meta.append(' · ', el('time', { datetime: article.published ?? undefined, 'data-testid': 'article-date' }, date));
  meta.append(' · ', el('span', { 'data-testid': 'reading-time' }, t('readingTime', formatNumber(article.readingMinutes))));
  return el('header', { class: 'header' }, el('h1', { 'data-testid': 'article-title' }, article.title), meta);
}

/** The save button as Actions.tsx shows it before the shortcuts are known; null: saved state unknown yet (disabled, busy). */
export function saveButton(saved: boolean | null): HTMLElement {
  return saved === null
    ? el('button', { type: 'button', class: 'primary', 'data-testid': 'save', 'aria-pressed': 'false', 'aria-busy': 'true', disabled: true, title: t('cmdSave') }, t('save'))
    : el('button', { type: 'button', class: saved ? 'primary is-saved' : 'primary', 'data-testid': 'save', 'aria-pressed': String(saved), 'aria-busy': 'false', title: saved ? t('unsaveHint') : t('cmdSave') }, saved ? t('saved') : t('save'));
}

/** The actions as Actions.tsx shows them (see saveButton). */
function actions(saved: boolean | null): HTMLElement {
  return el('nav', { class: 'actions', 'aria-label': t('actions') },
    saveButton(saved),
    el('button', { type: 'button', 'data-testid': 'reader', title: t('cmdToggleReader') }, t('readerView')),
    el('button', { type: 'button', 'data-testid': 'open-library' }, t('openLibrary')));
}

function item(e: Entity, focusable: boolean): HTMLElement {
  const detail = detailOf(e);
  const name = e.type === 'DATE' && e.value ? el('time', { class: 'entity-name', datetime: e.value }, e.name) : el('span', { class: 'entity-name' }, e.name);
  const text = el('span', { class: 'entity-text' }, name);
  if (detail) text.append(el('span', { class: 'entity-detail', 'data-testid': 'entity-detail' }, detail));
  return el('li', {}, el('button', {
    type: 'button', class: 'entity', 'data-testid': 'entity', 'data-type': e.type, 'data-key': e.key, 'aria-pressed': 'false', tabindex: focusable ? '0' : '-1',
  }, text, el('span', { class: 'count', 'data-testid': 'entity-count', 'aria-label': plural('mentionsCount', e.count) }, formatNumber(e.count))));
}

function entityList(entities: Entity[]): HTMLElement {
  const groups = sortedGroups(entities);
  const first = groups[0]?.[1][0]?.key ?? null;
  if (!first) return el('p', { class: 'muted', 'data-testid': 'no-entities' }, t('noEntities'));
  const list = el('div', { class: 'entities', role: 'group', 'aria-label': t('entities') });
  for (const [type, all] of groups) {
    const long = isLongGroup(all.length);
    const shown = long ? all.slice(0, GROUP_SHOWN) : all;
    const id = `group-${type}`;
    const section = el('section', { class: 'group', 'data-testid': 'entity-group', 'data-type': type, 'aria-labelledby': id },
      el('h3', { id }, t(typeInfo(type).label), ' ', el('span', { class: 'muted' }, `(${all.length})`)),
      el('ul', {}, ...shown.map((e) => item(e, e.key === first))));
    if (long) section.append(el('button', { type: 'button', class: 'small-btn more', 'data-testid': 'group-more', 'aria-expanded': 'false' }, t('showAll', String(all.length))));
    list.append(section);
  }
  return list;
}

/**
 * The related block as RelatedList.tsx renders it (collapsed): waiting (null), failed, empty,
 * or the rows. Painted here when the worker answers before the view is loaded.
 */
export function relatedBlock(related: RelatedRow[] | null, failed = false): HTMLElement {
  const section = el('section', { class: 'related', 'aria-labelledby': 'related-title', 'data-testid': 'related-list' }, el('h2', { id: 'related-title' }, relatedHeading(related)));
  if (failed) section.append(el('p', { class: 'muted' }, t('errorArchive')));
  else if (related === null) section.append(el('p', { class: 'muted' }, t('loadingShort')));
  else if (related.length === 0) section.append(el('p', { class: 'muted', 'data-testid': 'no-related' }, t('noRelated')));
  else {
    section.append(el('ul', { class: 'links' }, ...related.slice(0, RELATED_SHOWN).map((r) => {
      const why = relatedReason(r);
      const button = el('button', { type: 'button', class: 'link', 'data-testid': 'related', 'data-id': r.id },
        el('span', { class: 'link-title' }, r.title), el('span', { class: 'muted small' }, relatedMeta(r)));
      if (why) button.append(el('span', { class: 'shared small', 'data-testid': why.testid }, why.label, ' ', why.list));
      return el('li', {}, button);
    })));
    if (related.length > RELATED_SHOWN) section.append(el('button', { type: 'button', class: 'small-btn', 'data-testid': 'related-more', 'aria-expanded': 'false' }, t('showAll', String(related.length))));
  }
  return section;
}

/** The article view's first frame: the worker's related answer if it already came, else waiting. */
export function firstFrame(state: ArticleState, now: { related?: RelatedRow[]; relatedFailed?: boolean; saved?: boolean } = {}): HTMLElement {
  return el('main', { 'data-testid': 'article' },
    header(state),
    actions(now.saved ?? null),
    el('p', { class: 'notice', role: 'status', 'data-testid': 'notice', hidden: true }),
    relatedBlock(now.related ?? null, !!now.relatedFailed),
    el('section', { 'aria-labelledby': 'entities-title' }, el('h2', { id: 'entities-title' }, t('entities')), entityList(state.entities)));
}
