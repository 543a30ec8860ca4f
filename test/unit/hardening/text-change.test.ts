// Issue #18: which re-saves may update a saved dispatch, and which keep the reader's copy.
import { describe, expect, it } from 'vitest';
import { materiallyDifferent, textSimilarity } from '../../../src/background/text-change';
import { goldArticle, loadGold } from '../../support/store-fixtures';

const [a, b] = loadGold().map(goldArticle).map((g) => g.article);

describe('materiallyDifferent', () => {
  it('the same text, a corrected figure or an added line is not material', () => {
    expect(materiallyDifferent(a, { ...a })).toBe(false);
    expect(materiallyDifferent(a, { ...a, body: a.body.map((p, i) => (i === 0 ? p.replace(/\d+/, '42') : p)) })).toBe(false);
    expect(materiallyDifferent(a, { ...a, body: [...a.body, 'Une phrase ajoutée à la fin de la dépêche.'] })).toBe(false);
  });
  it('another article\'s text, or another headline, is', () => {
    expect(materiallyDifferent(a, { ...b, id: a.id })).toBe(true);
    expect(materiallyDifferent(a, { ...a, title: 'Un tout autre titre sans rapport' })).toBe(true);
    expect(materiallyDifferent(a, { ...a, body: a.body.slice(0, 1) })).toBe(true);
  });
  it('textSimilarity is a Dice score over word multisets', () => {
    expect(textSimilarity('a b c d', 'a b c d')).toBe(1);
    expect(textSimilarity('', '')).toBe(1);
    expect(textSimilarity('un deux', 'trois quatre')).toBe(0);
    expect(textSimilarity('un deux trois quatre', 'un deux trois cinq')).toBeCloseTo(0.75);
  });
});
