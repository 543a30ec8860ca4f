import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';
import type { Entity } from '../../../src/core/types';

// French organisation names, session ent8 (issue #12, ORG): rule shapes. Inputs invented.
const rules = (body: string[]): Entity[] => recognise({ title: '', lead: null, body, captions: [], published: '2025-02-07', lang: 'fr' } as EntityInput, 'rules');
const orgs = (body: string[]) => rules(body).filter((e) => e.type === 'ORG');
const orgNames = (body: string[]) => orgs(body).map((e) => e.name);

describe('French ORG: a name inside the phrase that is no person there', () => {
  it('President Hô Chi Minh as the namesake of a body, or the city after `de`', () => {
    expect(orgNames(["L'Organisation des pionniers Hô Chi Minh de la province de Nam Dinh a fêté ses membres."])).toContain('Organisation des pionniers Hô Chi Minh de la province de Nam Dinh');
    expect(orgNames(['Le Tribunal populaire de Hô Chi Minh a rendu son verdict.'])).toContain('Tribunal populaire de Hô Chi Minh');
  });
  it('a district named like a person after `arrondissement de`', () => {
    expect(orgNames(['Le Comité populaire de l’arrondissement de Dô Son a reçu les habitants.'])).toContain('Comité populaire de l’arrondissement de Dô Son');
  });
  it('a person after a body stays a person', () => {
    const es = rules(['Le président du Comité populaire provincial Nguyen Van Hoa a parlé.']);
    expect(es.filter((e) => e.type === 'PER').map((e) => e.name)).toContain('Nguyen Van Hoa');
  });
});

describe('French ORG: local bodies and the kind of their place', () => {
  it('an adjective after the unit word (`la ville portuaire de`)', () => {
    expect(orgNames(['Le Comité du Parti de la ville portuaire de Hai Phong a tenu sa réunion.'])).toContain('Comité du Parti de la ville portuaire de Hai Phong');
  });
  it('the Party of a municipal or provincial committee is not a body of its own', () => {
    const names = orgNames(['Le Comité provincial du Parti de la province de Lai Chau a tenu sa réunion.']);
    expect(names).toContain('Comité provincial du Parti de la province de Lai Chau');
    expect(names.some((n) => n.startsWith('Parti'))).toBe(false);
  });
  it('`X de la ville de P` and `X de P` are one body', () => {
    const es = orgs(['Le Comité populaire de la ville de Can Tho a reçu la délégation.', 'Le président du comité populaire de Can Tho a salué les invités.']);
    expect(es.length).toBe(1);
    expect(es[0].aliases).toContain('comité populaire de Can Tho');
  });
  it('two towns stay two bodies', () => {
    expect(orgs(['Le Comité populaire de la ville de Can Tho a reçu le comité populaire de Vinh Long.']).length).toBe(2);
  });
});

describe('French ORG: `et` after a name closed by its country or province', () => {
  it('starts another body or the people there', () => {
    const names = orgNames(["L'ambassade de Suède et de l'UNICEF au Vietnam ont remis des livres."]);
    expect(names).toContain('ambassade de Suède');
    expect(names).toContain('UNICEF');
    expect(orgNames(["L'ambassade du Vietnam et des représentants des entreprises étaient présents."])).toContain('ambassade du Vietnam');
  });
  it('a portfolio of two items stays one name, without a cut alias', () => {
    const es = orgs(["Le ministère de l'Agriculture et de l'Environnement a publié un avis."]);
    expect(es.map((e) => e.name)).toContain("ministère de l'Agriculture et de l'Environnement");
    expect(es.flatMap((e) => e.aliases).some((a) => / et$/.test(a))).toBe(false);
  });
});

describe('one step for a second item after `et` with the first one\'s article', () => {
  const events = (body: string[]) => rules(body).filter((e) => e.type === 'EVENT').map((e) => e.name);
  it('in an agreement title after `sur`, `entre` (items written alike)', () => {
    expect(events(["L'Accord sur les forêts et les océans a été signé hier."])).toContain('Accord sur les forêts et les océans');
    expect(events(["L'Accord de coopération entre le Vietnam et la Finlande a été signé."])).toContain('Accord de coopération entre le Vietnam et la Finlande');
  });
  it('in a body\'s remit, and not a body then another thing', () => {
    expect(orgNames(['Le Centre régional pour la conservation et la restauration des forêts a ouvert.'])).toContain('Centre régional pour la conservation et la restauration des forêts');
    expect(orgNames(['Le ministère de la Culture et la presse ont débattu.'])).toContain('ministère de la Culture');
  });
});

describe('French ORG: a number after a word of the name', () => {
  it('numbers the body', () => {
    expect(orgNames(["L'Université de Lyon 2 a accueilli des étudiants."])).toContain('Université de Lyon 2');
    expect(orgNames(['Le Comité national pour la SEA 2029 a tenu sa réunion.'])).toContain('Comité national pour la SEA 2029');
    expect(orgNames(['La société par actions de construction Vinacons 27 a gagné le marché.'])).toContain('société par actions de construction Vinacons 27');
  });
  it('not a count, a date or a year after a plain word', () => {
    expect(orgNames(['Le Comité populaire de Hanoi 3 fois plus tard a voté.'])).toContain('Comité populaire de Hanoi');
    expect(orgNames(['Le Comité de pilotage du baccalauréat 2013 a publié les résultats.'])).toContain('Comité de pilotage du baccalauréat');
    expect(orgNames(["L'Agence de Hanoi 2,5 % de plus."])).not.toContain('Agence de Hanoi 2');
  });
});

describe('French ORG: a lower-case word after the country or province closing the name', () => {
  it('is the sentence\'s verb, not the name\'s adjective', () => {
    expect(orgNames(['La Cour populaire suprême du Laos examine le dossier.'])).toContain('Cour populaire suprême du Laos');
    expect(orgNames(["L'Orchestre philharmonique de Berlin via son site a annoncé."])).toContain('Orchestre philharmonique de Berlin');
  });
  it('an adjective after a capitalised word that is no place stays', () => {
    expect(orgNames(['Le ministère des Ressources naturelles a publié un avis.'])).toContain('ministère des Ressources naturelles');
  });
});

describe('French ORG: an English company name quoted in a French text', () => {
  it('closed by its company form', () => {
    expect(orgNames(['Le contrat a été signé avec Minh Long Holdings Corporation la semaine dernière.'])).toContain('Minh Long Holdings Corporation');
    expect(orgNames(['Les actions de Vinacons JSC ont progressé.'])).toContain('Vinacons JSC');
  });
  it('a subsidiary named with more words and its form is not its group', () => {
    const es = orgs(['PetroVietnam Drilling Services Corporation, filiale de Petrovietnam, a foré un puits.']);
    expect(es.map((e) => e.name)).toEqual(expect.arrayContaining(['PetroVietnam Drilling Services Corporation', 'Petrovietnam']));
  });
});

describe('French ORG: Vietnam\'s body with and without its nationality; people a body is in charge of', () => {
  it('`ministère vietnamien de X` and `ministère de X` are one body; another country\'s stays apart', () => {
    expect(orgs(['Le ministère vietnamien de la Construction a publié un plan.', 'Le ministère de la Construction a ajouté des détails.']).length).toBe(1);
    expect(orgs(['Le ministère japonais de la Construction a publié un plan.', 'Le ministère de la Construction a ajouté des détails.']).length).toBe(2);
  });
  it('`chargé des Vietnamiens résidant à l\'étranger`', () => {
    expect(orgNames(["Le Comité d'État chargé des Vietnamiens résidant à l'étranger a reçu la délégation."])).toContain("Comité d'État chargé des Vietnamiens résidant à l'étranger");
  });
});

describe('French ORG: the ruling party', () => {
  it('`au pouvoir` is not part of the name', () => {
    expect(orgNames(['Le Parti Nur Otan au pouvoir a remporté les élections.'])).toContain('Parti Nur Otan');
  });
});

describe('French ORG: a body of a thing named before, without a proper name', () => {
  it('is a description', () => {
    expect(orgNames(['Le Comité de gestion du projet a présenté son bilan.'])).toEqual([]);
    expect(orgNames(["Le Comité exécutif provisoire de l'association a été élu."])).toEqual([]);
  });
  it('with a name it is a body', () => {
    expect(orgNames(['Le Comité de gestion du parc national de Bach Ma a présenté son bilan.'])).toContain('Comité de gestion du parc national de Bach Ma');
  });
});

describe('French ORG: a company noun, its kind words, then the name', () => {
  it('`le groupe immobilier X`, `la société pharmaceutique japonaise X`', () => {
    expect(orgNames(['Le groupe immobilier Novaland a lancé un projet.'])).toContain('Novaland');
    expect(orgNames(['La société pharmaceutique japonaise Eisai a signé un accord.'])).toContain('Eisai');
  });
  it('not a place after the kind words', () => {
    expect(orgNames(['Une entreprise agricole Hanoi a exporté du riz.'])).not.toContain('Hanoi');
  });
});
