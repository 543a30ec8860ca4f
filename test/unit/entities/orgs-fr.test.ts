import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';
import type { Entity } from '../../../src/core/types';

// French organisation names (issue #12, ORG): where a name ends and what belongs to it. Inputs invented.
const rules = (body: string[]): Entity[] => recognise({ title: '', lead: null, body, captions: [], published: '2025-02-07', lang: 'fr' } as EntityInput, 'rules');
const orgs = (body: string[]) => rules(body).filter((e) => e.type === 'ORG').map((e) => e.name);

describe('French ORG: a term or a purpose after the name is not part of it', () => {
  it('a year or a numbered term dates the body', () => {
    expect(orgs(['Il fut président du Comité populaire de la province de Bac Kan de 2010 à 2016.'])).toContain('Comité populaire de la province de Bac Kan');
    expect(orgs(["Elle est députée de l'Assemblée nationale de la XVe législature."])).toContain('Assemblée nationale');
    // the Union, named only inside the committee's name, is part of it (not listed on its own)
    expect(orgs(["Il est membre du comité exécutif de l'Union des jeunes du 12e mandat."])).toEqual(["comité exécutif de l'Union des jeunes"]);
  });
  it('`pour` + an infinitive ends the name', () => {
    expect(orgs(["Une fête a été organisée par l'ambassade du Vietnam pour célébrer la fête nationale."])).toContain('ambassade du Vietnam');
    expect(orgs(["L'Association d'amitié Vietnam-Mongolie pour intensifier les échanges."])).toContain("Association d'amitié Vietnam-Mongolie");
  });
  it('the Party and the State are two bodies; a pronoun ends the name', () => {
    expect(orgs(["Il a salué les directives du Parti communiste du Vietnam et de l'État."])).toContain('Parti communiste du Vietnam');
    expect(orgs(['La Fédération internationale de judo lui a remis un prix.'])).toContain('Fédération internationale de judo');
  });
});

describe('French ORG: the whole name', () => {
  it('a remit written as a lower-case comma list closed by `et`', () => {
    expect(orgs(['Le Service provincial de la culture, des sports et du tourisme de Binh Dinh a ouvert le salon.'])).toContain('Service provincial de la culture, des sports et du tourisme de Binh Dinh');
  });
  it('the number that tells such bodies apart', () => {
    expect(orgs(['Les élèves du Lycée numéro 7 ont chanté.'])).toContain('Lycée numéro 7');
    expect(orgs(["L'Hôpital de campagne de niveau 2 N°3 a quitté Hanoi."])).toContain('Hôpital de campagne de niveau 2 N°3');
  });
});

describe('French ORG: big companies named bare', () => {
  it('CAC 40 and Fortune Global names without an organisation word', () => {
    const o = orgs(['Des groupes comme Capgemini, Air Liquide et Schneider Electric investissent ici.']);
    expect(o).toEqual(expect.arrayContaining(['Capgemini', 'Air Liquide', 'Schneider Electric']));
  });
});

describe('French ORG: weak heads with a field and a proper name', () => {
  it('Service / École / Police + de + a field + a place', () => {
    expect(orgs(["Le Service de l'agriculture et du développement rural de Ha Nam a annoncé un plan."])).toContain("Service de l'agriculture et du développement rural de Ha Nam");
    expect(orgs(["Il a étudié à l'École des arts décoratifs de Hué."])).toContain("École des arts décoratifs de Hué");
    expect(orgs(["L'École supérieure des beaux-arts du Laos expose."])).toContain('École supérieure des beaux-arts du Laos');
  });
  it('not a region, nor the Party of a committee, nor a part of a ministry', () => {
    expect(orgs(['Il pleut dans le Centre du Vietnam.'])).not.toContain('Centre du Vietnam');
    expect(orgs(['Le Comité du Parti de la ville de Can Tho a tenu sa réunion.'])).not.toContain('Parti de la ville de Can Tho');
  });
  it('Télévision nationale is a name', () => {
    expect(orgs(['La Télévision nationale du Laos a diffusé le match.'])).toContain('Télévision nationale du Laos');
  });
});

describe('French ORG: a remit after `à`, an embassy with its city, a compass adjective', () => {
  it('`à l\'` + the field belongs to the name, a locution does not', () => {
    expect(orgs(["Le Centre national de soutien à l'innovation de Can Tho a signé."])).toContain("Centre national de soutien à l'innovation de Can Tho");
    expect(orgs(["L'ambassade du Vietnam en Inde à l'occasion du Têt a reçu des amis."])).toContain('ambassade du Vietnam en Inde');
  });
  it('an embassy named with its city', () => {
    expect(orgs(["Il travaille à l'ambassade d'Italie à Hanoi."])).toContain("ambassade d'Italie à Hanoi");
  });
  it('`sud-`/`nord-` + a national adjective after the name', () => {
    expect(orgs(['Une délégation de la Commission électorale sud-coréenne est arrivée.'])).toContain('Commission électorale sud-coréenne');
  });
});

describe('French ORG: a co-signature glued to the credit', () => {
  it('`-XYZ/VNA` is a credit, `le XYZ` in a sentence is not', () => {
    expect(orgs(['Les produits ont été présentés sur 80 stands. -CPV/VNA'])).toEqual([]);
    expect(orgs(['Le PCV a tenu son congrès.'])).toContain('PCV');
  });
});
