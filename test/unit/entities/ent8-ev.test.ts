import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';
import type { Entity } from '../../../src/core/types';
import { MAX_GLUED } from '../../../src/core/entities/glue';

// Events, session ent8 (issue #12, EVENT): editions, merges, shapes. Inputs invented.
const rules = (body: string[], lang = 'fr'): Entity[] => recognise({ title: '', lead: null, body, captions: [], published: '2025-02-07', lang } as EntityInput, 'rules');
const events = (body: string[], lang = 'fr') => rules(body, lang).filter((e) => e.type === 'EVENT');
const names = (body: string[], lang = 'fr') => events(body, lang).map((e) => e.name);

describe('EVENT merge: one name whatever an old capture glued', () => {
  it('a line printed twice, once with two words glued, is one event named with its spaces', () => {
    const ev = events(["La Journée des Associations d’amitié et de solidarité s'est tenue.", "La Journée des Associations d’amitiéet de solidarité s'est tenue."]);
    expect(ev.map((e) => e.name)).toEqual(['Journée des Associations d’amitié et de solidarité']);
  });
});

describe('EVENT: the Games named with their host city', () => {
  it('`JO de <ville>`, `Jeux olympiques d’été de <ville> <année>`', () => {
    expect(names(['Il a gagné une médaille aux JO de Sydney en 2000.'])).toContain('JO de Sydney');
    expect(names(['Elle prépare les Jeux olympiques d’été de Tokyo 2020 avec soin.'])).toContain('Jeux olympiques d’été de Tokyo 2020');
  });
  it('not a known event followed by a country or a plain word', () => {
    expect(names(['Les JO de la jeunesse commencent.'])).not.toContain('JO de la');
  });
});

describe('EVENT merge: a known event and its only edition', () => {
  it('`JO` beside `JO de <ville> <année>` is that edition', () => {
    const ev = events(['Les JO de Sydney 2000 ont été un succès. Ces JO ont attiré le monde.']);
    expect(ev.length).toBe(1);
    expect(ev[0].name).toBe('JO de Sydney 2000');
  });
  it('the long form of a known event beside its numbered short form', () => {
    const ev = events(["Les Jeux d'Asie du Sud-Est ou SEA Games 30 auront lieu en novembre aux Philippines."]);
    expect(ev.length).toBe(1);
  });
  it('two editions named: the bare event joins neither', () => {
    const ev = events(['Après les SEA Games 29 et avant les SEA Games 30, les SEA Games restent populaires.']);
    expect(ev.length).toBe(3);
  });
});

describe('EVENT merge: one edition named by its number and by its year', () => {
  it('`5e Festival de X` / `Festival de X 2019`', () => {
    const ev = events(['Le Festival des cerfs-volants de Vung Tau 2019 a ouvert. Le 5e Festival des cerfs-volants de Vung Tau attire du monde.']);
    expect(ev.length).toBe(1);
    expect(ev[0].aliases).toContain('5e Festival des cerfs-volants de Vung Tau');
  });
});

describe('Names: words an old capture glued are spaced when the article has both words', () => {
  it('a grammatical word glued to its neighbour', () => {
    expect(names(['La 4e réunion ministérielledes Affaires étrangères Vietnam-Inde a eu lieu. Cette réunion ministérielle des deux pays est annuelle.'])).toContain('4e réunion ministérielle des Affaires étrangères Vietnam-Inde');
  });
  it('not a word longer than glue.ts MAX_GLUED (no two glued words are; the split search would be quadratic)', () => {
    const long = 'ministérielle' + 'o'.repeat(MAX_GLUED - 10);
    const ev = names([`La 4e réunion ${long}des Affaires étrangères Vietnam-Inde a eu lieu. Cette réunion ${long} des deux pays est annuelle.`]);
    expect(ev).toContain(`4e réunion ${long}des Affaires étrangères Vietnam-Inde`);
    // the same shape under the bound is spaced
    const short = 'ministérielle' + 'o'.repeat(10);
    expect(names([`La 4e réunion ${short}des Affaires étrangères Vietnam-Inde a eu lieu. Cette réunion ${short} des deux pays est annuelle.`])).toContain(`4e réunion ${short} des Affaires étrangères Vietnam-Inde`);
  });
  it('not an acronym, nor a word whose halves are not both in the article', () => {
    const orgs = rules(["L'ONUSIDA et l'UNAIDS ont publié un rapport de l'UN sur l'AIDS."]).map((e) => e.name);
    expect(orgs.some((n) => n === 'UN AIDS')).toBe(false);
    expect(names(['Le Festival international des cerfs-volants de Vung Tau a ouvert.'])).toContain('Festival international des cerfs-volants de Vung Tau');
  });
});

describe('English EVENT: an ordinal, a few words, then an event head', () => {
  it('`fourth political consultation`, `seventh Japan – Korea festival`, `first border friendship exchange`', () => {
    expect(names(['The two ministries held their fourth political consultation in Hanoi.'], 'en')).toContain('fourth political consultation');
    expect(names(['The seventh Japan – Korea festival opened on Sunday.'], 'en')).toContain('seventh Japan – Korea festival');
    expect(names(['They attended the first border friendship exchange last week.'], 'en')).toContain('first border friendship exchange');
  });
  it('not a count (`first time`, `second training session`)', () => {
    expect(names(['It was the first time the city hosted a festival.'], 'en')).toEqual([]);
    expect(names(['The second training session took place.'], 'en')).toEqual([]);
  });
});

describe('EVENT: known texts of the East Sea, and the year after `de`', () => {
  it('the DOC in its English forms is one known event', () => {
    const ev = events(['Both sides stressed the full implementation of the Declaration on the Conduct of Parties in the East Sea (DOC).'], 'en');
    expect(ev.length).toBe(1);
    expect(ev[0].name).toBe('Declaration on the Conduct of Parties in the East Sea');
  });
  it('`Convention des Nations unies sur le droit de la mer de 1982`', () => {
    expect(names(['Le respect de la Convention des Nations unies sur le droit de la mer de 1982 est essentiel.'])).toContain('Convention des Nations unies sur le droit de la mer de 1982');
  });
});

describe('EVENT: what a name does not take', () => {
  it('a congress ends before `et des élections`', () => {
    expect(names(["La préparation du 15e Congrès national du Parti et des élections des députés avance."])).toContain('15e Congrès national du Parti');
  });
  it('a year of the lunar calendar is not an event, its Têt is', () => {
    expect(names(["L'Année du Dragon 2036 commence bientôt."])).toEqual([]);
    expect(names(["L'Année de l'amitié Vietnam-Laos 2030 a été lancée."])).toContain("Année de l'amitié Vietnam-Laos 2030");
  });
});

describe('EVENT: a name, its short or long form in brackets, then more of the name', () => {
  it('the year after the bracketed acronym (`Mekong Youth Forum (MYF) 2031`), the acronym the same event', () => {
    const ev = events(['The Mekong Youth Forum (MYF) 2031 opened in Can Tho. MYF gathers young leaders.'], 'en');
    expect(ev.map((e) => e.name)).toEqual(['Mekong Youth Forum (MYF) 2031']);
  });
  it('the rest of an English event name after a body and its acronym', () => {
    expect(names(['The Asian Hockey Federation (AHF) Junior Cup kicks off today.'], 'en')).toContain('Asian Hockey Federation (AHF) Junior Cup');
  });
  it('not a known body followed by its acronym and a year', () => {
    expect(names(['The Asia-Pacific Economic Cooperation (APEC) 2031 host was chosen.'], 'en')).not.toContain('Asia-Pacific Economic Cooperation (APEC) 2031');
  });
});

describe('EVENT: the quoted name of a project, an initiative, a movement, a policy', () => {
  it('`le projet « Bibliothèque verte »`, `l’initiative « Routes du thé »`, `the policy "Look South"`', () => {
    expect(names(['Le projet « Bibliothèque verte » a offert des livres aux élèves.'])).toContain('Bibliothèque verte');
    expect(names(['Le pays soutient l’initiative « Routes du thé » lancée en 2030.'])).toContain('Routes du thé');
    expect(names(['The country pursues its policy "Look South" in the region.'], 'en')).toContain('Look South');
  });
  it('not a quoted theme, nor a lower-case quote', () => {
    expect(names(['Le projet, sur le thème « Vivre vert », a été lancé.'])).toEqual([]);
    expect(names(['Le projet « gagnant-gagnant » plaît aux deux pays.'])).toEqual([]);
  });
});

describe('EVENT: a lower-case festival of a named place, a victory at a named place', () => {
  it('`fête de la pagode de Bai Dinh 2030`, `fête du livre de Hanoï`, `victoire de Diên Biên Phu`', () => {
    const n = names(['Ils célèbrent la victoire de Diên Biên Phu, la fête de la pagode de Bai Dinh 2030 et la fête du livre de Hanoï.']);
    expect(n).toContain('victoire de Diên Biên Phu');
    expect(n).toContain('fête de la pagode de Bai Dinh 2030');
    expect(n).toContain('fête du livre de Hanoï');
  });
  it('not a festival without a name, nor a country\'s win', () => {
    expect(names(['La fête de la rue a plu aux enfants.'])).toEqual([]);
    expect(names(['La victoire du Vietnam a réjoui les supporters.'])).toEqual([]);
  });
});

describe('EVENT gazetteer: the New Rural programme, Ramadan, Valentine’s Day', () => {
  it('known by their fixed names, with the year after them', () => {
    expect(names(['Le district a atteint les normes de la Nouvelle ruralité.'])).toContain('Nouvelle ruralité');
    expect(names(['Le Ramadan 2031 commence en janvier.'])).toContain('Ramadan 2031');
    expect(names(['Les fleuristes attendent la Saint-Valentin.'])).toContain('Saint-Valentin');
  });
});

describe('EVENT merge: a numbered session in its short form and the numbered meeting with that number', () => {
  it('`41e réunion de la Commission X` … `sa 41e session`', () => {
    const ev = events(['La 41e réunion de la Commission de contrôle du Comité central a eu lieu. La Commission a tenu sa 41e session du 2 au 4 mars.']);
    expect(ev.length).toBe(1);
    expect(ev[0].aliases).toContain('41e session');
  });
});

describe('EVENT: `à l’égard de` inside a title, `au niveau de` after a name', () => {
  it('`Journée pour l’élimination de la discrimination à l’égard des migrants`', () => {
    expect(names(['La Journée internationale pour l’élimination de la discrimination à l’égard des migrants est célébrée.'])).toContain('Journée internationale pour l’élimination de la discrimination à l’égard des migrants');
  });
  it('`Dialogue stratégique … au niveau des vice-ministres` is the dialogue', () => {
    expect(names(['Le 3e Dialogue de partenariat Vietnam-Chili au niveau des vice-ministres a eu lieu.'])).toContain('3e Dialogue de partenariat Vietnam-Chili');
  });
});
