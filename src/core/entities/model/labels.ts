// BIO labels over tokens: O, then B-/I- for each entity type. Index order is part of the
// model file format (src/data/entity-model.json stores it and the loader checks it).
import type { EntityType } from '../../types';

// The label set the shipped model was trained on, not the list of types (that is core/entity-types.ts):
// a type added there is found by the rules until a model is trained with it.
export const TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'EVENT', 'DATE'];
export const LABELS: string[] = ['O', ...TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];
export const NL = LABELS.length;

/** Label index of B-type / I-type. */
export const B = (t: EntityType) => 1 + 2 * TYPES.indexOf(t);
export const I = (t: EntityType) => 2 + 2 * TYPES.indexOf(t);
export const typeOf = (l: number): EntityType | null => (l === 0 ? null : TYPES[(l - 1) >> 1]);
export const isB = (l: number) => l > 0 && (l - 1) % 2 === 0;

/** `I-X` may only follow `B-X` or `I-X`: the constraint the decoder enforces. */
export function allowed(prev: number, cur: number): boolean {
  if (cur === 0 || isB(cur)) return true;
  return prev !== 0 && typeOf(prev) === typeOf(cur);
}

/** Spans [a, b) with their type, read from a label sequence. */
export function spansOf(labels: ArrayLike<number>): { a: number; b: number; type: EntityType }[] {
  const out: { a: number; b: number; type: EntityType }[] = [];
  let cur: { a: number; b: number; type: EntityType } | null = null;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    const t = typeOf(l);
    if (cur && (l === 0 || isB(l) || t !== cur.type)) {
      out.push(cur);
      cur = null;
    }
    if (t && (isB(l) || !cur)) cur = { a: i, b: i + 1, type: t };
    else if (cur) cur.b = i + 1;
  }
  if (cur) out.push(cur);
  return out;
}
