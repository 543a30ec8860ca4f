import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';

// Session ent15: two false places found on the train split. Inputs invented, shapes from train.
const of = (body: string[], lang: string) =>
  recognise({ title: '', lead: null, body, captions: [], published: '2024-03-07', lang } as EntityInput, 'rules').filter((e) => e.type === 'LOC');
const places = (body: string[], lang: string): string[] => of(body, lang).map((e) => e.name);
const korea = (body: string[], lang: string): string[] => of(body, lang).find((e) => e.name !== 'Vietnam')?.aliases ?? [];

describe('`Vietnam+` is the paper’s credit, not the country', () => {
  it('a photo credit without a colon names no place', () => {
    expect(places(['Flowers bloom all year round in Da Lat. (Photo Vietnam+)'], 'en')).toEqual(['Da Lat']);
  });
  it('the country written plainly is still a place', () => {
    expect(places(['Flowers bloom all year round in Vietnam.'], 'en')).toEqual(['Vietnam']);
  });
});

describe('`R. de Corée` and `RoK` are the Republic of Korea', () => {
  it('the abbreviated French form is the country, not a bare `Corée`', () => {
    expect(places(['Les relations entre le Vietnam et la R. de Corée se renforcent.'], 'fr')).toEqual(['Vietnam', 'R. de Corée']);
    expect(korea(['Les relations entre le Vietnam et la R. de Corée se renforcent.'], 'fr')).toContain('République de Corée');
  });
  it('the English acronym too', () => {
    expect(places(['Vietnam and the RoK signed the deal.'], 'en')).toEqual(['Vietnam', 'RoK']);
    expect(korea(['Vietnam and the RoK signed the deal.'], 'en')).toContain('République de Corée');
  });
});
