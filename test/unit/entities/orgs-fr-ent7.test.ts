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

describe('French ORG: adjectives and compounds inside the name', () => {
  it('past participles used as adjectives (`personnes âgées`, `élèves doués`, `liée aux`)', () => {
    expect(orgs(["L'Association provinciale des personnes handicapées a reçu un don."])).toContain('Association provinciale des personnes handicapées');
    expect(orgs(['Le Département de lutte contre la fraude liée aux cartes bancaires a publié un avis.'])).toContain('Département de lutte contre la fraude liée aux cartes bancaires');
  });
  it('a noun ending like an infinitive, a prefix glued to an acronym', () => {
    expect(orgs(['La Fédération nationale de tir à l’arc a élu son président.'])).toContain('Fédération nationale de tir à l’arc');
    expect(orgs(['Le Fonds de recherche anti-VIH a été créé.'])).toContain('Fonds de recherche anti-VIH');
  });
  it('a known body with a nationality after it is that country\'s body', () => {
    expect(orgs(["Une délégation de l'Assemblée nationale nord-coréenne est arrivée."])).toContain('Assemblée nationale nord-coréenne');
    expect(orgs(["Le président de l'Assemblée nationale lao a reçu la délégation."])).toContain('Assemblée nationale lao');
  });
});

describe('French ORG: schools, hospitals and museums named by a proper name', () => {
  it('a school or a fund named after a person', () => {
    expect(orgs(["Les élèves de l'école primaire Tran Van Hoang ont chanté."])).toContain('école primaire Tran Van Hoang');
    expect(orgs(["Le Lycée des élèves doués Nguyen Thi Lan a fêté ses 50 ans."])).toContain('Lycée des élèves doués Nguyen Thi Lan');
  });
  it('a lower-case hospital, school or museum with its name', () => {
    expect(orgs(["Il a été soigné à l'hôpital Bach Mai."])).toContain('hôpital Bach Mai');
    expect(orgs(['Le musée de Lyon a prêté trois œuvres.'])).toContain('musée de Lyon');
    expect(orgs(['Elle enseigne à l’école française Voltaire.'])).toContain('école française Voltaire');
  });
  it('not a hospital of a city or a school in a country', () => {
    expect(orgs(["Il a été transféré à l'hôpital de Da Nang."])).toEqual([]);
    expect(orgs(['Il a ouvert un lycée au Laos.'])).toEqual([]);
  });
});
