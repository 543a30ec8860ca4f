import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';
import type { Entity } from '../../../src/core/types';

// Events, session ent9 (EVENT): a programme named as such is an EVENT (corpus rule). Inputs invented.
const rules = (body: string[], lang = 'fr'): Entity[] => recognise({ title: '', lead: null, body, captions: [], published: '2025-02-07', lang } as EntityInput, 'rules');
const typed = (body: string[], type: string, lang = 'fr') => rules(body, lang).filter((e) => e.type === type).map((e) => e.name);

describe('EVENT: named programmes', () => {
  it('a capitalised French `Programme de …` is an event, not an organisation', () => {
    const body = ['La province mène à bien le Programme élargi de dépistage des enfants.'];
    expect(typed(body, 'EVENT')).toContain('Programme élargi de dépistage des enfants');
    expect(typed(body, 'ORG')).not.toContain('Programme élargi de dépistage des enfants');
  });
  it('its title is read as an event’s, not ending on an elided word', () => {
    expect(typed(["Le poivre est intégré dans le Programme de développement du poivre vietnamien jusqu’en 2030."], 'EVENT')).toContain('Programme de développement du poivre vietnamien');
    expect(typed(["Ils ont signé le Programme d'actions pour le renforcement d'un partenariat durable entre les deux villes."], 'EVENT')).toContain("Programme d'actions pour le renforcement d'un partenariat durable");
  });
  it('an English `… Programme` too, with its acronym', () => {
    expect(typed(['Experts discussed the Central Highlands Coffee Transformation Programme in Dak Lak.'], 'EVENT', 'en')).toContain('Central Highlands Coffee Transformation Programme');
    const ev = rules(['Le Programme de formation des ingénieurs de Hanoi (PFIH) a 20 ans.']).find((e) => e.name === 'Programme de formation des ingénieurs de Hanoi');
    expect(ev?.type).toBe('EVENT');
    expect(ev?.aliases).toContain('PFIH');
  });
  it('a programme of the United Nations stays an organisation', () => {
    expect(typed(['Le Programme des Nations unies pour les établissements humains soutient la ville.'], 'EVENT')).toEqual([]);
    expect(typed(['The Joint United Nations Programme on HIV/AIDS (UNAIDS) set the goals.'], 'EVENT', 'en')).toEqual([]);
  });
});
