// The entity types, defined once. Every place that lists, orders, labels, colours or weighs
// types reads this table: popup grouping, the reader's marks and legend, the popup's and the
// library's colours, related-dispatch weights, export validation, the type of an entity key.
// A type added here (with its locale key, which the compiler demands) shows up everywhere;
// nothing else keeps a list. test/unit/entity-types.test.ts adds a fake one to prove it.
import type { MessageKey } from '../shared/i18n';

export interface Colours {
  light: string;
  dark: string;
}

export interface EntityTypeDescriptor {
  /** Position in lists (popup groups, legend): lower first. */
  order: number;
  /** The UI name of the type (plural: a group heading). */
  label: MessageKey;
  /** How much one shared entity of the type is worth in related dispatches, before rarity. */
  weight: number;
  /** Background of a mention in the reader view (light and dark themes); the library tints it. */
  mark: Colours;
  /** The popup's type dot, strong enough on the popup's own light and dark backgrounds. */
  dot: Colours;
}

export const ENTITY_TYPE_TABLE = {
  PER: { order: 0, label: 'PER', weight: 1.6, mark: { light: '#ffe08a', dark: '#7a5d00' }, dot: { light: '#7b3fa0', dark: '#c99ae6' } },
  ORG: { order: 1, label: 'ORG', weight: 1.2, mark: { light: '#bfe3ff', dark: '#1d4f78' }, dot: { light: '#1f6f8b', dark: '#7cc7e0' } },
  LOC: { order: 2, label: 'LOC', weight: 0.7, mark: { light: '#c8f0c8', dark: '#25602a' }, dot: { light: '#2e7d32', dark: '#8fd694' } },
  EVENT: { order: 3, label: 'EVENT', weight: 1.4, mark: { light: '#f3c9f0', dark: '#6e2a69' }, dot: { light: '#b5530f', dark: '#f0a868' } },
  DATE: { order: 4, label: 'DATE', weight: 0.2, mark: { light: '#e4e4e4', dark: '#4d4d4d' }, dot: { light: '#55606e', dark: '#b8c0cc' } },
} as const satisfies Record<string, EntityTypeDescriptor>;

export type EntityType = keyof typeof ENTITY_TYPE_TABLE;

/** What every consumer uses, derived from a table (the real one below; a test may pass a larger one). */
export function entityTypesOf<T extends string>(table: Readonly<Record<T, EntityTypeDescriptor>>) {
  const types = (Object.keys(table) as T[]).sort((a, b) => table[a].order - table[b].order);
  const known = new Set<string>(types);
  const isEntityType = (x: unknown): x is T => typeof x === 'string' && known.has(x);
  return {
    /** Every type, in display order. */
    ENTITY_TYPES: types as readonly T[],
    isEntityType,
    typeInfo: (type: T): EntityTypeDescriptor => table[type],
    /** The type of a key `TYPE:folded name`; null when the key names no known type (never a guess). */
    keyType: (key: string): T | null => {
      const t = key.slice(0, key.indexOf(':'));
      return isEntityType(t) ? t : null;
    },
    /** CSS for the popup's type dots and the library's type tints, so no stylesheet lists types. */
    entityTypeCss: (): string => {
      let css = '';
      for (const type of types) {
        const { mark, dot } = table[type];
        css += `.entity[data-type="${type}"]::before{background:${dot.light}}`;
        css += `@media (prefers-color-scheme: dark){.entity[data-type="${type}"]::before{background:${dot.dark}}}`;
        css += `.lib-ent-${type}{background:${mark.light}44}`;
      }
      return css;
    },
  };
}

export const { ENTITY_TYPES, isEntityType, typeInfo, keyType, entityTypeCss } = entityTypesOf<EntityType>(ENTITY_TYPE_TABLE);
