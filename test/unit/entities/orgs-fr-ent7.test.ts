import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';
import type { Entity } from '../../../src/core/types';

// French organisation names, session ent7 (issue #12, ORG): remit shapes. Inputs invented.
const rules = (body: string[]): Entity[] => recognise({ title: '', lead: null, body, captions: [], published: '2025-02-07', lang: 'fr' } as EntityInput, 'rules');
const names = (type: string, body: string[]) => rules(body).filter((e) => e.type === type).map((e) => e.name);
const orgs = (body: string[]) => names('ORG', body);

describe('French ORG: a second remit item after `et` + the article the first took', () => {
  it('lower-case items (`pour la protection et la gestion des …`)', () => {
    expect(orgs(['Le Comité provincial pour la protection et la gestion des forêts a reçu la visite.'])).toContain('Comité provincial pour la protection et la gestion des forêts');
  });
  it('two regions, an `à l\'` remit and its `aux` twin', () => {
    expect(orgs(["L'Institut régional pour l'Afrique et le Moyen-Orient a publié un rapport."])).toContain("Institut régional pour l'Afrique et le Moyen-Orient");
    expect(orgs(["L'Agence flamande à l'Innovation et aux Entreprises a signé."])).toContain("Agence flamande à l'Innovation et aux Entreprises");
  });
  it('not a body and a country, a person, or the people around it', () => {
    expect(orgs(['Le ministère de la Défense et la Thaïlande ont signé.'])).toContain('ministère de la Défense');
    expect(orgs(['Le ministère de la Santé et la population locale ont aidé.'])).toContain('ministère de la Santé');
    expect(orgs(["L'Assemblée nationale et les membres du Conseil populaire ont voté."])).toContain('Assemblée nationale');
  });
  it('also inside a meeting or an agreement', () => {
    expect(names('EVENT', ['La 5e conférence régionale pour l\'Europe et l\'Asie centrale a eu lieu.'])).toContain("5e conférence régionale pour l'Europe et l'Asie centrale");
  });
});
