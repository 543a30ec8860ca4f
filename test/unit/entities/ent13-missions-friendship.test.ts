import { describe, expect, it } from 'vitest';
import { ruleNames as all } from '../../support/rule-names';

// Bodies, session ent13: a country's mission to an international body written in lower case in French, and a
// parliament's friendship group named up to its pair of countries, as the train split annotates them (`mission du
// Vietnam auprès de l’ONU`, `groupe interparlementaire d’amitié France-Vietnam`); and three readings that were no
// body: mankind (`l'Humanité`) for the newspaper, a minister's portfolio defined by its acronym, a date after an
// English head; a province's capital named `X city`, a place apart from the province; power plants named after a
// place with a grammar-looking syllable, in the plural, with a unit number; memorials to the war dead. Inputs invented, shapes from
// train.

describe('ORG: a mission to an international body, in lower case', () => {
  it('permanent or not, `auprès de` or `à`, the body inside its name', () => {
    expect(all(['La mission du Laos auprès de l’ONU a organisé un séminaire.'])).toEqual(['ORG:mission du Laos auprès de l’ONU']);
    expect(all(["La mission permanente du Vietnam à l'UNESCO a reçu la délégation."])).toEqual(["ORG:mission permanente du Vietnam à l'UNESCO"]);
  });
  it('a mission that is no body stays words', () => {
    expect(all(['La mission du ministre au Laos a duré trois jours.'])).toEqual(['LOC:Laos']);
    expect(all(['Une mission du Vietnam à Genève est prévue.'])).toEqual(['LOC:Vietnam', 'LOC:Genève']);
  });
});

describe('ORG: a parliament’s friendship group', () => {
  it('up to its pair of countries, in either case, whatever follows', () => {
    expect(all(['Le groupe des députés d’amitié Vietnam-Japon a été reçu à Tokyo.'])).toEqual(['ORG:groupe des députés d’amitié Vietnam-Japon', 'LOC:Tokyo']);
    expect(all(['Le groupe interparlementaire d’amitié Italie-Vietnam est arrivé.'])).toEqual(['ORG:groupe interparlementaire d’amitié Italie-Vietnam']);
    expect(all(["Le président du groupe de députés d'amitié franco-vietnamien est arrivé."])).toEqual(["ORG:groupe de députés d'amitié franco-vietnamien"]);
  });
  it('a friendship that names no pair of countries is no such group', () => {
    expect(all(['Un groupe de députés a parlé d’amitié avec le Laos.'])).toEqual(['LOC:Laos']);
    expect(all(['Le groupe d’amitié du quartier a fêté le Têt.'])).not.toContain('ORG:groupe d’amitié du quartier');
  });
});

describe('ORG: what is no body', () => {
  it('mankind is not the newspaper L’Humanité, which keeps its capital article', () => {
    expect(all(["Le site a été inscrit au patrimoine culturel immatériel de l'Humanité."])).toEqual([]);
    expect(all(['Le tournoi a causé des dommages pour l’Humanité.'])).toEqual([]);
    expect(all(["Le directeur du journal L'Humanité est arrivé à Paris."])).toEqual(['ORG:Humanité', 'LOC:Paris']);
  });
  it('a portfolio defined by its acronym after ministers or ministries is no body', () => {
    expect(all(['Le ministre par intérim des Affaires étrangères (AE) du Laos est arrivé.'])).toEqual(['LOC:Laos']);
    expect(all(['Le forum a été co-organisé par les ministères de la Santé et des Affaires étrangères (AE).'])).toEqual([]);
    // a body's own long form still is one
    expect(all(["Le ministre a salué l'Agence de protection de l'environnement (EPA)."])).toEqual(["ORG:Agence de protection de l'environnement"]);
  });
  it('an English head followed by a date ends before it', () => {
    expect(all(['The growth was announced by the municipal Statistics Office on December 28.'], 'en')).toEqual(['ORG:Statistics Office', 'DATE:December 28']);
  });
});

describe('LOC: a province’s capital city', () => {
  it('`X city` after a province’s name is a place apart from the province', () => {
    expect(all(['The route links Thanh Hoa city in the central province of Thanh Hoa with Vinh.'], 'en')).toEqual(['LOC:Thanh Hoa city', 'LOC:Thanh Hoa', 'LOC:Vinh']);
    expect(all(['Kon Tum City hosted the fair.'], 'en')).toEqual(['LOC:Kon Tum City']);
  });
  it('a centrally-run city’s `city` is the city itself', () => {
    expect(all(['He visited Da Nang city and Can Tho city.'], 'en')).toEqual(['LOC:Da Nang', 'LOC:Can Tho']);
  });
});

describe('LOC: power plants', () => {
  it('named after a known place, in the plural, with a unit number', () => {
    expect(all(['La centrale hydroélectrique de Son La a été inaugurée.'])).toEqual(['LOC:centrale hydroélectrique de Son La']);
    expect(all(['Les centrales thermoélectriques de Duyên Hai 1 sont prêtes.'])).toEqual(['LOC:centrales thermoélectriques de Duyên Hai 1']);
    // a number after another kind of place stays out
    expect(all(['Le parc national de Cuc Phuong 2 fois plus visité.'])).toEqual(['LOC:parc national de Cuc Phuong']);
  });
});

describe('LOC: memorials to the war dead', () => {
  it('in lower-case words, up to `morts pour la Patrie` and a known place', () => {
    expect(all(['Ils ont déposé des gerbes au mémorial des héros morts pour la Patrie, puis sont partis.'])).toEqual(['LOC:mémorial des héros morts pour la Patrie']);
    expect(all(['La délégation a visité le cimetière des martyrs de Da Nang samedi.'])).toEqual(['LOC:cimetière des martyrs de Da Nang']);
    // a memorial to something else is not read so
    expect(all(['Le monument des rois a été restauré.'])).toEqual([]);
  });
});

describe('LOC: islands of the East Sea and the Gulf of Tonkin', () => {
  it('with their other spellings, not read as persons', () => {
    expect(all(['Le district insulaire de Bach Long Vy a reçu des pêcheurs.'])).toEqual(['LOC:Bach Long Vy']);
    expect(all(['Les soldats de Truong Sa Lon et de Song Tu Tay ont fêté le Têt.'])).toContain('LOC:Truong Sa Lon');
    expect(all(['Les pêcheurs de Thô Châu sont rentrés.'])).toEqual(['LOC:Thô Châu']);
  });
});
