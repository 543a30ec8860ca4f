import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';
import { tokenize } from '../../../src/core/entities/text';
import type { Entity } from '../../../src/core/types';

// Dates, session ent10: days, months and years an old capture glued to a word, `1 er`, and English
// `the beginning of December`. Inputs invented, shapes from the train split.
const rules = (body: string[], lang = 'fr'): Entity[] => recognise({ title: '', lead: null, body, captions: [], published: '2024-03-07', lang } as EntityInput, 'rules');
const dates = (body: string[], lang = 'fr') => rules(body, lang).filter((e) => e.type === 'DATE');

describe('DATE: glued captures', () => {
  it('a month glued to its year or its day is read as the two words, named spaced, pointing at the text as it stands', () => {
    const text = "L'incendie de l'immeuble a eu lieu en mars2018.";
    const d = dates([text]);
    expect(d.map((e) => e.name)).toEqual(['mars 2018']);
    expect(d[0].value).toBe('2018-03');
    const m = d[0].mentions[0];
    expect(text.slice(m.start, m.end)).toBe('mars2018');
    expect(dates(['La fête tombe le 8septembre cette année.']).map((e) => [e.name, e.value])).toEqual([['8 septembre', '2023-09-08']]);
    expect(dates(['Il se terminera les 18 et 19novembre 2023 sur la place.']).map((e) => e.name)).toEqual(['18 et 19 novembre 2023']);
  });
  it('a grammar word glued to a day, and a month glued to `en`', () => {
    expect(dates(['La province organisera du 10 au14 mars le festival.']).map((e) => e.value)).toEqual(['2024-03-10/2024-03-14']);
    expect(dates(['Le partenariat stratégique établi enjuin 2013 a ouvert des chances.']).map((e) => e.name)).toEqual(['juin 2013']);
  });
  it('names with a number stay one token', () => {
    for (const w of ['G20', 'A320', '15e', '5G', 'COVID19']) expect(tokenize(`Le ${w} est là.`).map((t) => t.t)).toContain(w);
    expect(tokenize('Le marché2024 ouvre.').map((t) => t.t)).toContain('marché2024');
  });
  it('`1 er juillet` is the first of July', () => {
    expect(dates(['Les députés ont rencontré le 1 er juillet des électeurs locaux.']).map((e) => [e.name, e.value])).toEqual([['1 er juillet', '2024-07-01']]);
  });
  it('English `the beginning of December` names the month; `of` alone does not', () => {
    expect(dates(['Two cases were found since the beginning of December.'], 'en').map((e) => e.name)).toEqual(['December']);
    expect(dates(['The Queen of May sang.'], 'en')).toEqual([]);
  });
});
