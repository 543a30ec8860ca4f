// What the entity list shows, computed once for both of its renderers: the first paint
// (./first-paint.ts, plain DOM, before Preact is loaded) and the Preact components that take
// over (./components/Entity*.tsx). Sharing these keeps the two frames identical.
import type { Entity, EntityType } from '../core/types';
import { ENTITY_TYPES } from '../core/entity-types';

/** A longer group shows its most mentioned items first, the rest behind "show all". */
export const GROUP_SHOWN = 4;

/** The entities by type, in the types' display order, most mentioned first; empty groups left out. */
export function sortedGroups(entities: Entity[]): [EntityType, Entity[]][] {
  return ENTITY_TYPES.map((type) => [type, entities.filter((e) => e.type === type).sort((a, b) => b.count - a.count)] as [EntityType, Entity[]])
    .filter(([, list]) => list.length > 0);
}

/** Whether a group of this size folds its tail behind "show all". */
export const isLongGroup = (n: number): boolean => n > GROUP_SHOWN + 1;

/** The short detail that identifies an entity: role or acronym. */
export function detailOf(e: Entity): string {
  if (e.type === 'PER') return e.role ?? '';
  if (e.type === 'ORG') {
    const acr = (e.aliases ?? []).filter((a) => a.length >= 2 && a.length <= 12 && /^[\p{Lu}\p{N}&.-]+$/u.test(a) && /\p{Lu}/u.test(a));
    return acr.join(', ');
  }
  // A date's ISO value is not repeated under its French name (it is the <time> datetime).
  return '';
}
