import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';

// English foreign names without a title (issue #12, PER, en.vietnamplus.vn). Inputs invented.
const pers = (body: string[]) =>
  recognise({ title: '', lead: null, body, captions: [], published: '2025-02-07', lang: 'en' } as EntityInput, 'rules')
    .filter((e) => e.type === 'PER')
    .map((e) => e.name);

describe('English PER: a foreign name placed by an apposition', () => {
  it('`, who …`, `, one of the …`', () => {
    expect(pers(['The team won. Marek Dvorak, who trained them, was pleased.'])).toContain('Marek Dvorak');
    expect(pers(['A new frog was found. Ingrid Holm, one of the authors, explained its habitat.'])).toContain('Ingrid Holm');
  });
  it('`, a/an … <trade>` and `from the <body>`', () => {
    expect(pers(['The fair opened. Lucia Ferraro, an Italian painter, showed her work.'])).toContain('Lucia Ferraro');
    expect(pers(['Students attended. Olga Petrenko from the Kyiv National University spoke first.'])).toContain('Olga Petrenko');
  });
  it('a sentence-opening word is not part of the name', () => {
    expect(pers(['Although Marek Dvorak, who trained them, has left, the team is strong.'])).toEqual(['Marek Dvorak']);
  });
  it('a company described by its trade is not a person', () => {
    expect(pers(['Output grew. Hoa Phat, a steel maker, expanded.'])).toEqual([]);
  });
});
