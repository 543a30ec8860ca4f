import type { Entity } from '../../core/types';
import { formatNumber, plural } from '../../shared/format';
import { detailOf } from '../entity-view';

interface Props {
  entity: Entity;
  active: boolean;
  focusable: boolean;
  onToggle: (e: Entity) => void;
  onFocus: (key: string) => void;
}

export function EntityItem({ entity: e, active, focusable, onToggle, onFocus }: Props) {
  const detail = detailOf(e);
  return (
    <li>
      <button
        type="button"
        class="entity"
        data-testid="entity"
        data-type={e.type}
        data-key={e.key}
        aria-pressed={active}
        tabIndex={focusable ? 0 : -1}
        onClick={() => onToggle(e)}
        onFocus={() => onFocus(e.key)}
      >
        <span class="entity-text">
          {e.type === 'DATE' && e.value ? <time class="entity-name" dateTime={e.value}>{e.name}</time> : <span class="entity-name">{e.name}</span>}
          {detail && <span class="entity-detail" data-testid="entity-detail">{detail}</span>}
        </span>
        <span class="count" data-testid="entity-count" aria-label={plural('mentionsCount', e.count)}>{formatNumber(e.count)}</span>
      </button>
    </li>
  );
}
