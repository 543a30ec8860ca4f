import type { ComponentChildren } from 'preact';
import type { Entity, EntityType } from '../../core/types';
import { t } from '../../shared/i18n';
import { EntityItem } from './EntityItem';

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
  return (
    <section class="group" data-testid="entity-group" data-type={type} aria-labelledby={id}>
      <h3 id={id}>{t(type)} <span class="muted">({entities.length})</span></h3>
      <ul>
        {entities.map((e) => (
          <EntityItem key={e.key} entity={e} active={e.key === activeKey} focusable={e.key === focusKey} onToggle={onToggle} onFocus={onFocusItem} />
        ))}
      </ul>
      {panel}
    </section>
  );
}
