// The UI name of an entity key's type (`PER:ho chi minh` → "Personnes"), from the one table of
// types; empty for a key of no known type rather than a guessed one.
import { keyType, typeInfo } from '../core/entity-types';
import { t } from './i18n';

export function typeLabel(entityKey: string): string {
  const type = keyType(entityKey);
  return type ? t(typeInfo(type).label) : '';
}
