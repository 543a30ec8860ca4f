// Highlight anchoring: found again when the text around it (or the quote itself) changed a
// little, and not found when it is gone.
import { describe, expect, it } from 'vitest';
import { anchorAt, locate, type Slot } from '../../../src/reader/anchor';

const P = [
  "Hanoï (VNA) – Le Vietnam et la France ont signé mardi un accord de coopération dans le domaine du maintien de la paix.",
  "Selon le ministre de la Défense, cet accord renforce la formation des officiers vietnamiens en France.",
  "Les deux parties ont également discuté de la coopération dans le domaine du maintien de la paix en Afrique.",
  "La prochaine réunion aura lieu à Paris en 2027.",
];
const slots = (ps: string[]): Slot[] => ps.map((text, index) => ({ field: 'body', index, text }));
const at = (ps: string[], i: number, quote: string, nth = 0) => {
  let s = -1;
  for (let k = 0; k <= nth; k++) s = ps[i].indexOf(quote, s + 1);
  return anchorAt({ field: 'body', index: i, text: ps[i] }, s, s + quote.length);
};
const textOf = (ps: string[], l: ReturnType<typeof locate>) => (l ? ps[l.index].slice(l.start, l.end) : null);

describe('highlight anchoring', () => {
  it('keeps the quote with up to 32 characters of context', () => {
    const a = at(P, 1, 'renforce la formation');
    expect(a.exact).toBe('renforce la formation');
    expect(a.prefix).toBe('istre de la Défense, cet accord ');
    expect(a.prefix.length).toBeLessThanOrEqual(32);
    expect(P[1].slice(a.end).startsWith(a.suffix)).toBe(true);
  });

  it('finds an unchanged text at its offsets', () => {
    const a = at(P, 1, 'renforce la formation');
    expect(locate(slots(P), a)).toEqual({ field: 'body', index: 1, start: a.start, end: a.end });
  });

  it('follows the quote when a paragraph is inserted above and words change around it', () => {
    const a = at(P, 1, 'renforce la formation des officiers');
    const edited = [P[0], 'Un paragraphe ajouté par la rédaction après coup.', P[1].replace('Selon le ministre', 'Selon le vice-ministre'), P[2], P[3]];
    const l = locate(slots(edited), a);
    expect(l?.index).toBe(2);
    expect(textOf(edited, l)).toBe('renforce la formation des officiers');
  });

  it('picks the right one of two identical quotes by its context', () => {
    // "maintien de la paix" is in paragraphs 0 and 2: the second one is highlighted.
    const a = at(P, 2, 'maintien de la paix');
    const edited = ['Chapeau ajouté.', ...P];
    const l = locate(slots(edited), a);
    expect(l?.index).toBe(3);
    expect(textOf(edited, l)).toBe('maintien de la paix');
  });

  it('finds a quote whose own text was corrected slightly (typo fixed, accent added)', () => {
    const typo = [...P];
    typo[1] = 'Selon le ministre de la Défense, cet accord renforce la formaton des officers vietnamiens en France.';
    const a = at(typo, 1, 'renforce la formaton des officers vietnamiens');
    const l = locate(slots(P), a);
    expect(l?.index).toBe(1);
    expect(textOf(P, l)).toBe('renforce la formation des officiers vietnamiens');
  });

  it('finds it when the offsets moved inside the same paragraph', () => {
    const a = at(P, 3, 'à Paris en 2027');
    const edited = [...P];
    edited[3] = 'Selon les organisateurs, la prochaine réunion aura lieu à Paris en 2027.';
    const l = locate(slots(edited), a);
    expect(textOf(edited, l)).toBe('à Paris en 2027');
    expect(l!.start).not.toBe(a.start);
  });

  it('gives null when the quote is gone', () => {
    const a = at(P, 1, 'renforce la formation des officiers');
    expect(locate(slots([P[0], P[2], P[3]]), a)).toBeNull();
  });

  it('does not take a distant lookalike for a short quote whose context is gone', () => {
    const a = at(P, 3, 'Paris');
    const edited = [P[0], P[1], P[2], 'La réunion suivante est reportée.'];
    // "France" paragraphs do not contain "Paris": nothing.
    expect(locate(slots(edited), a)).toBeNull();
  });
});
