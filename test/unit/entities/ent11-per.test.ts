import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';
import type { Entity } from '../../../src/core/types';

// Persons, session ent11: a known given name (given-names.json) opens a foreign person's name with no cue at all;
// `Selon X` at a sentence's start and `d’après X` place a speaker. Inputs invented, shapes from the train split.
const of = (body: string[], lang: string) => recognise({ title: '', lead: null, body, captions: [], published: '2024-03-07', lang } as EntityInput, 'rules');
const persons = (body: string[], lang: string): string[] => of(body, lang).filter((e: Entity) => e.type === 'PER').map((e) => e.name);

describe('PER: a known given name opens a name', () => {
  it('with no title, role or reporting verb', () => {
    expect(persons(['Le film réunit Juliette Morand et Benoît Castel dans les rôles principaux.'], 'fr')).toEqual(['Juliette Morand', 'Benoît Castel']);
    expect(persons(['The match saw Jacqui Dunmore score twice for the visitors.'], 'en')).toEqual(['Jacqui Dunmore']);
    expect(persons(['Una obra de Orlando Fuentes Gil fue presentada.'], 'es')).toEqual(['Orlando Fuentes Gil']);
  });
  it('not when the name is a place or a body named after a person', () => {
    expect(persons(['Il a atterri à l’aéroport international Charles Vernet.'], 'fr')).toEqual([]);
    expect(persons(['The final was played at the Abdullah bin Rashed Stadium.'], 'en')).toEqual([]);
    expect(persons(['A grant from the Konrad Adenauer Stiftung helped.'], 'en')).toEqual([]);
    expect(persons(['Ils ont visité la cathédrale Saint Paul Marchand.'], 'fr')).toEqual([]);
    // nor the second part of a hyphened name
    expect(persons(['Le roi Al-Mustafa Billah Shah a reçu la délégation.'], 'fr')).not.toContain('Mustafa Billah Shah');
  });
  it('a capitalised word that is not a given name places nothing', () => {
    expect(persons(['Green Valley Resort et Blue Lake sont des sites.'], 'fr')).toEqual([]);
  });
});

describe('PER: a speaker placed by `selon` and `d’après`', () => {
  it('at a sentence’s start too', () => {
    expect(persons(['Selon Ramon Ortega, la croissance devrait ralentir.'], 'fr')).toEqual(['Ramon Ortega']);
    expect(persons(['D’après Lena Holt, les ventes ont doublé.'], 'fr')).toEqual(['Lena Holt']);
    expect(persons(['La croissance ralentira, selon Ramon Ortega.'], 'fr')).toEqual(['Ramon Ortega']);
  });
  it('not after another capitalised word', () => {
    expect(persons(['Pour Ramon Ortega, rien ne change.'], 'fr')).toEqual([]);
  });
});

describe('PER: Korean and Japanese names with no cue', () => {
  it('a Korean family name, then two romanised syllables, hyphened or apart', () => {
    expect(persons(['Yoon Min Seok et Choi Yong-hee ont visité Hanoi.'], 'fr')).toEqual(['Yoon Min Seok', 'Choi Yong-hee']);
    expect(persons(['Moon Jae-hyun met the delegation.'], 'en')).toEqual(['Moon Jae-hyun']);
  });
  it('not a Vietnamese place whose first syllable is a Korean family name, nor an English word before a name', () => {
    expect(persons(['La grotte Son Doong et la ville de Son Tay attirent les touristes.'], 'fr')).toEqual([]);
    expect(persons(['Moon Lake Resort a ouvert.'], 'fr')).toEqual([]);
    // Vietnamese syllables (`th`, `nh`, `oa`) are no Korean ones
    expect(persons(['Lee Thanh Hoa a ouvert un restaurant.'], 'fr')).not.toContain('Lee Thanh Hoa');
  });
  it('a Japanese family name, then a known Japanese given name', () => {
    expect(persons(['Hagiuda Koichi a rencontré Tokunaga Mikie.'], 'fr')).toEqual(['Hagiuda Koichi', 'Tokunaga Mikie']);
    // a given name after a word of no Japanese shape opens nothing here
    expect(persons(['Le festival Dragon Taro a eu lieu.'], 'fr')).toEqual([]);
  });
});

describe('PER: Chinese names in pinyin with no cue', () => {
  it('a Chinese family name, then a pinyin given name of one or two syllables', () => {
    expect(persons(['Zhao Qiang et Lu Haoming ont signé.'], 'fr')).toEqual(['Zhao Qiang', 'Lu Haoming']);
  });
  it('not a given syllable Vietnamese spells, nor a Vietnamese place', () => {
    expect(persons(['Dong Nai et Dong Thap sont des provinces.'], 'fr')).toEqual([]);
    expect(persons(['Ma Long a visité.'], 'fr')).toEqual([]);
  });
});
