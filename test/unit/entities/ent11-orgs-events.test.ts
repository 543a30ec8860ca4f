import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';
import type { Entity } from '../../../src/core/types';

// Organisations and events, session ent11: a capitalised weak head (`Centre`, `Service`) named by a kind adjective or a
// long lower-case field, `Délégation` as a head and `Maison` as a weak one, and events known by a fixed name (events.json). Inputs
// invented, shapes from the train split.
const of = (body: string[], type: string, lang = 'fr'): string[] =>
  recognise({ title: '', lead: null, body, captions: [], published: '2024-03-07', lang } as EntityInput, 'rules')
    .filter((e: Entity) => e.type === type)
    .map((e) => e.name);

describe('ORG: weak heads', () => {
  it('a kind adjective right after a capitalised weak head names it', () => {
    expect(of(['Le Centre culturel vietnamien au Japon a organisé une exposition.'], 'ORG')).toEqual(['Centre culturel vietnamien au Japon']);
    // not a lower-case one
    expect(of(['Le centre culturel du quartier a fermé.'], 'ORG')).toEqual([]);
  });
  it('a long lower-case field after a capitalised weak head and `de` names it, a place or a generic group does not', () => {
    expect(of(['Le Centre de recherche sur les énergies renouvelables a publié un rapport.'], 'ORG')).toEqual(['Centre de recherche sur les énergies renouvelables']);
    expect(of(['Le Centre de la ville historique et ancienne est animé.'], 'ORG')).toEqual([]);
    expect(of(['Le Centre de presse a fermé.'], 'ORG')).toEqual([]);
  });
  it('`Délégation` is a head, `Maison` a weak one', () => {
    expect(of(['La Délégation de Wallonie-Bruxelles a signé un accord.'], 'ORG')).toEqual(['Délégation de Wallonie-Bruxelles']);
    expect(of(['La Maison culturelle des jeunes de Hanoï a rouvert.'], 'ORG')).toEqual(['Maison culturelle des jeunes de Hanoï']);
    expect(of(['La Maison de la ville est fermée.'], 'ORG')).toEqual([]);
  });
});

describe('EVENT: fixed names', () => {
  it('ASEAN Para Games, ADMM+, Brexit', () => {
    expect(of(['Les ASEAN Para Games 2029 se tiendront à Hanoï.'], 'EVENT')).toEqual(['ASEAN Para Games 2029']);
    expect(of(['La 9e ADMM-Plus a adopté une déclaration.'], 'EVENT')).toEqual(['9e ADMM-Plus']);
    expect(of(['Après le Brexit, les échanges ont changé.'], 'EVENT')).toEqual(['Brexit']);
  });
});

describe('ORG: a known company and a business word', () => {
  it('name its subsidiary, another body', () => {
    expect(of(['FPT Software opened an office in Tokyo.'], 'ORG', 'en')).toEqual(['FPT Software']);
    expect(of(['Lotte Mart a ouvert un magasin à Hanoï.'], 'ORG')).toEqual(['Lotte Mart']);
    // any other capitalised word leaves the company alone
    expect(of(['FPT Chairman Truong Gia Binh spoke.'], 'ORG', 'en')).toEqual(['FPT']);
  });
});

describe('LOC: Vietnam’s official names', () => {
  it('are places of their own, as the corpus names them', () => {
    expect(of(['The Socialist Republic of Vietnam and Laos signed.'], 'LOC', 'en')).toEqual(['Socialist Republic of Vietnam', 'Laos']);
    expect(of(['La République démocratique du Vietnam est née en 1945 ; le Vietnam a changé.'], 'LOC')).toEqual(['République démocratique du Vietnam', 'Vietnam']);
  });
});

describe('ORG: brands named after a person', () => {
  it('are companies, not persons (the given-name rule)', () => {
    expect(of(['Louis Vuitton opened a store in Hanoi.'], 'ORG', 'en')).toEqual(['Louis Vuitton']);
    expect(of(['Louis Vuitton opened a store in Hanoi.'], 'PER', 'en')).toEqual([]);
  });
});

describe('LOC: dotted acronyms', () => {
  it('`U.S.` and `U.K.` are the countries, their last dot kept', () => {
    expect(of(['The U.S. and the U.K. agreed.'], 'LOC', 'en')).toEqual(['U.S.', 'U.K.']);
    // lower case is no acronym
    expect(of(['He told us and them.'], 'LOC', 'en')).toEqual([]);
  });
});

describe('EVENT: festivals and contests known by a fixed name', () => {
  it('the region’s new years and festivals, sports and beauty contests', () => {
    expect(of(['Les Khmers célèbrent Chol Chnam Thmay en avril.'], 'EVENT')).toEqual(['Chol Chnam Thmay']);
    expect(of(['Le Tour de France 2030 a commencé.'], 'EVENT')).toEqual(['Tour de France 2030']);
    // a given name that is also a festival's is no event alone
    expect(of(['Kate Morrow visited Hanoi.'], 'EVENT', 'en')).toEqual([]);
  });
});
