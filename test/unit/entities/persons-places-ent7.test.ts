import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';
import type { Entity } from '../../../src/core/types';

// Person and place shapes of issue #12 (ent7, French): inputs invented, shapes as in the corpus.
const rules = (body: string[], lang = 'fr'): Entity[] => recognise({ title: '', lead: null, body, captions: [], published: '2025-02-07', lang } as EntityInput, 'rules');
const names = (es: Entity[], type: string) => es.filter((e) => e.type === type).map((e) => e.name);

describe('persons and places: words an old capture glued', () => {
  it('a glued name is spaced, a glued honorific left out, one glued word after a title is a full name', () => {
    const es = rules([
      'Le président a reçu Marco BellandiFerri, ambassadeur du Pérou, et MmeLucia Verano, consule.',
      "Le ministre tchèque de l'Intérieur, PavelNovotny, a visité le centre.",
    ]);
    expect(names(es, 'PER')).toEqual(expect.arrayContaining(['Marco Bellandi Ferri', 'Lucia Verano', 'Pavel Novotny']));
    expect(names(es, 'PER').some((n) => /Mme|\p{Ll}\p{Lu}/u.test(n))).toBe(false);
  });
  it('a glued foreign place is spaced; McCain-like names stay whole', () => {
    const es = rules(['La délégation a visité la ville de PortMoresby.', 'Le sénateur John McKellan a déclaré que le projet avançait.']);
    expect(names(es, 'LOC')).toContain('Port Moresby');
    expect(names(es, 'PER')).toContain('John McKellan');
  });
});

describe('places: compass regions', () => {
  it('a region named with its country keeps the bare region as an alias; a known place before `du Nord` is one region', () => {
    const es = rules(['Les pluies ont touché le Nord du Vietnam, puis la Normandie du Sud et les hauts plateaux du Centre.']);
    const nord = es.find((e) => e.type === 'LOC' && e.name === 'Nord du Vietnam');
    expect(nord?.aliases).toContain('Nord');
    expect(names(es, 'LOC')).toEqual(expect.arrayContaining(['Normandie du Sud', 'hauts plateaux du Centre']));
    expect(names(es, 'LOC')).not.toContain('Sud');
    expect(names(es, 'LOC')).not.toContain('Centre');
  });
  it('a region after `de la` and a known place; a distance `km au Nord de` is a direction', () => {
    const es = rules(['Les clubs du Sud de la Floride étaient là, à 30 km au Nord de Lyon.']);
    expect(names(es, 'LOC')).toContain('Sud de la Floride');
    expect(names(es, 'LOC')).not.toContain('Nord');
  });
});

describe('places and persons: capitals and nationalities', () => {
  it('`La réunion` at a sentence start is a meeting, not La Réunion', () => {
    expect(names(rules(['La réunion a eu lieu à Hanoï. Il est né à La Réunion.']), 'LOC')).toEqual(['Hanoï', 'Réunion']);
  });
  it('a person after a compound nationality (`le Sud-Coréen`) is a person, not an English `Park` place', () => {
    const es = rules(["L'équipe doit beaucoup au Sud-Coréen Park Min-jae, son entraîneur."]);
    expect(names(es, 'PER')).toEqual(['Park Min-jae']);
    expect(names(es, 'LOC')).toEqual([]);
  });
});

describe('places: built and natural sites with their kind words', () => {
  it('a site named after a two-word kind, a hyphenated name of four words, a château or a forest', () => {
    const es = rules(['Les visiteurs ont vu la citadelle impériale de Vinh, le parc national Kon Ka-Kinh Lang, le château de Versailles et la forêt de Mang Den.']);
    expect(names(es, 'LOC')).toEqual(expect.arrayContaining(['citadelle impériale de Vinh', 'parc national Kon Ka-Kinh Lang', 'château de Versailles', 'forêt de Mang Den']));
  });
});

describe('persons: a French word glued by a hyphen after a name', () => {
  it('`Président Hô Chi Minh-héros` is the person; `Kim Seo-yeong` keeps its hyphenated given name', () => {
    const es = rules(['Deux thèmes : Président Hô Chi Minh-héros du peuple ; la Sud-Coréenne Kim Seo-yeong a gagné.']);
    expect(names(es, 'PER')).toEqual(['Hô Chi Minh', 'Kim Seo-yeong']);
  });
});

describe('places: a city glued to the next word', () => {
  it('`Hô Chi Minh-Villeétaient` reads the city', () => {
    expect(names(rules(['Les usines de Hô Chi Minh-Villeétaient pleines.']), 'LOC')).toEqual(['Hô Chi Minh-Ville']);
  });
});
