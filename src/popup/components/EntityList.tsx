// Entities grouped by type. One roving tab stop for the whole list: arrow keys move between
// items (across groups), Home/End jump, Enter/Space toggle the highlight (native buttons).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Entity } from '../../core/types';
import { sortedGroups } from '../entity-view';
import { t } from '../../shared/i18n';
import { EntityGroup } from './EntityGroup';

interface Props {
  entities: Entity[];
  activeKey: string | null;
  onToggle: (e: Entity) => void;
  /** Shown under the group of the active entity, next to what the reader just pressed. */
  panel?: ComponentChildren;
}

export function EntityList({ entities, activeKey, onToggle, panel }: Props) {
  const groups = sortedGroups(entities);
  const flat = groups.flatMap(([, list]) => list);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const current = flat.some((e) => e.key === focusKey) ? focusKey : flat[0]?.key ?? null;

  const onKeyDown = (ev: KeyboardEvent) => {
    const target = ev.target as HTMLElement;
    if (target?.dataset?.testid !== 'entity') return;
    const i = flat.findIndex((e) => e.key === target.dataset.key);
    let next: number;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowRight') next = Math.min(flat.length - 1, i + 1);
    else if (ev.key === 'ArrowUp' || ev.key === 'ArrowLeft') next = Math.max(0, i - 1);
    else if (ev.key === 'Home') next = 0;
    else if (ev.key === 'End') next = flat.length - 1;
    else return;
    ev.preventDefault();
    const key = flat[next].key;
    setFocusKey(key);
    const root = ev.currentTarget as HTMLElement;
    const sel = `[data-testid=entity][data-key="${CSS.escape(key)}"]`;
    const el = root.querySelector<HTMLElement>(sel);
    // An item of a collapsed group is rendered once it has the focus key: focus it then.
    if (el) el.focus();
    else setTimeout(() => root.querySelector<HTMLElement>(sel)?.focus(), 0);
  };

  if (!flat.length) return <p class="muted" data-testid="no-entities">{t('noEntities')}</p>;
  return (
    <div class="entities" role="group" aria-label={t('entities')} onKeyDown={onKeyDown}>
      {groups.map(([type, list]) => (
        <EntityGroup key={type} type={type} entities={list} activeKey={activeKey} focusKey={current} onToggle={onToggle} onFocusItem={setFocusKey}
          panel={list.some((e) => e.key === activeKey) ? panel : null} />
      ))}
    </div>
  );
}
