import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Entity, EntityType } from '../../core/types';
import { typeInfo } from '../../core/entity-types';
import { t } from '../../shared/i18n';
import { EntityItem } from './EntityItem';
import { GROUP_SHOWN, isLongGroup } from '../entity-view';

interface Props {
  type: EntityType;
  entities: Entity[];
  activeKey: string | null;
  focusKey: string | null;
  onToggle: (e: Entity) => void;
  onFocusItem: (key: string) => void;
  panel?: ComponentChildren;
}

export function EntityGroup({ type, entities, activeKey, focusKey, onToggle, onFocusItem, panel }: Props) {
  const id = `group-${type}`;
  const [all, setAll] = useState(false);
  const long = isLongGroup(entities.length);
  // The active or focused entity stays visible even when it is not among the top ones.
  const shown = !long || all ? entities : entities.filter((e, i) => i < GROUP_SHOWN || e.key === activeKey || e.key === focusKey);
  return (
    <section class="group" data-testid="entity-group" data-type={type} aria-labelledby={id}>
      <h3 id={id}>{t(typeInfo(type).label)} <span class="muted">({entities.length})</span></h3>
      <ul>
        {shown.map((e) => (
          <EntityItem key={e.key} entity={e} active={e.key === activeKey} focusable={e.key === focusKey} onToggle={onToggle} onFocus={onFocusItem} />
        ))}
      </ul>
      {long && (
        <button type="button" class="small-btn more" data-testid="group-more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('showLess') : t('showAll', String(entities.length))}
        </button>
      )}
      {panel}
    </section>
  );
}
