import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';

// Event spans and shapes (issue #12, EVENT round): invented inputs of the same shapes as the dispatches.
const art = (body: string[], lang = 'fr'): EntityInput => ({ title: '', lead: null, body, captions: [], published: '2025-02-07', lang });
const events = (text: string, lang = 'fr') => recognise(art([text], lang), 'rules').filter((e) => e.type === 'EVENT').map((e) => e.name);
const orgs = (text: string, lang = 'fr') => recognise(art([text], lang), 'rules').filter((e) => e.type === 'ORG').map((e) => e.name);

describe('partners written with a spaced dash', () => {
  it('belong to the name when a known place follows the dash', () => {
    expect(events('Le Forum des jeunes Vietnam - Japon a eu lieu à Hanoï.')).toEqual(['Forum des jeunes Vietnam - Japon']);
    expect(events('Le Forum des jeunes Vietnam - Le public a applaudi.')).toEqual(['Forum des jeunes Vietnam']);
  });
  it('a participle before its agent ends the name', () => {
    expect(orgs('Une délégation de l’Association d’amitié Vietnam - Laos conduite par son président est arrivée.')).toEqual(['Association d’amitié Vietnam - Laos']);
  });
});

describe('where an event phrase ends', () => {
  it('goes on past `d’un` in a title', () => {
    expect(events("La Déclaration commune sur l'établissement d'un partenariat global a été adoptée.")).toEqual(["Déclaration commune sur l'établissement d'un partenariat global"]);
  });
  it('leaves out a trailing participle', () => {
    expect(events('Le Festival des arts traditionnels de Hué prévu en juin attire du monde.')).toEqual(['Festival des arts traditionnels de Hué']);
    expect(events('Le 12e Sommet de la Francophonie tenu à Dakar.')).toEqual(['12e Sommet de la Francophonie']);
  });
  it('a numbered year or lower-case day is a count, not an event', () => {
    expect(events('Pour la 5e année consécutive, lors de la deuxième journée de compétition.')).toEqual([]);
  });
});

describe('English partners joined by a dash', () => {
  it('before the head, spaced or glued en dash', () => {
    expect(events('The 5th Mekong - Korea Ministerial Meeting opened; the Hanoi – Da Nang Culture Week too.', 'en')).toEqual(['5th Mekong - Korea Ministerial Meeting', 'Hanoi – Da Nang Culture Week']);
    expect(events('The Mekong–Korea Summit ended.', 'en')).toEqual(['Mekong–Korea Summit']);
  });
  it('not after a whole name (a title separator)', () => {
    expect(events('The 13th National Party Congress – Vietnam looks ahead', 'en')).toEqual(['13th National Party Congress']);
  });
});

describe('named historic events and amending laws', () => {
  it('a capitalised historic head with its complement', () => {
    expect(events('Le 50e anniversaire de la Libération du Nord et de la Réunification nationale.')).toEqual(['Libération du Nord et de la Réunification nationale']);
    expect(events('Une Victoire qui démontre la force.')).toEqual([]);
  });
  it('an amending law is one event, the laws inside are not listed', () => {
    expect(events('La Loi modifiant et complétant plusieurs articles de la Loi sur la pêche N°12/2020 et de la Loi forestière a été adoptée.')).toEqual(['Loi modifiant et complétant plusieurs articles de la Loi sur la pêche N°12/2020 et de la Loi forestière']);
    expect(events('The law on amending and supplementing some articles of the Law on Tourism was passed.', 'en')).toEqual(['law on amending and supplementing some articles of the Law on Tourism']);
  });
});

describe('places and parties in an event name', () => {
  it('a place’s festival held in another place', () => {
    expect(events('The Vietnam Festival in Japan opened on Saturday.', 'en')).toEqual(['Vietnam Festival in Japan']);
    expect(events('The ASEAN Summit in Laos opened.', 'en')).toEqual(['ASEAN Summit']);
  });
  it('an agreement’s two parties after `entre`', () => {
    expect(events("L'Accord de libre-échange entre le Vietnam et le Chili est entré en vigueur.")).toEqual(['Accord de libre-échange entre le Vietnam et le Chili']);
  });
});

describe('one event, one entity; ordinals inside', () => {
  it('the acronym form of the body joins the full form', () => {
    const es = recognise(art(['Le XVe Congrès national du Parti communiste du Vietnam a ouvert.', 'Le XVe Congrès du PCV a fermé.']), 'rules').filter((e) => e.type === 'EVENT');
    expect(es.map((e) => e.name)).toEqual(['XVe Congrès national du Parti communiste du Vietnam']);
  });
  it('an ordinal after a connector numbers the next head', () => {
    expect(events('Le 9e plénum du XIVe Comité central du Parti a eu lieu.')).toEqual(['9e plénum du XIVe Comité central du Parti']);
  });
});

describe('ordinals of an edition', () => {
  it('a spaced or plural ordinal suffix is the same event', () => {
    const es = recognise(art(['Le 48e Sommet de l’ASEAN a ouvert.', 'Au 48 e Sommet de l’ASEAN, les dirigeants ont parlé.']), 'rules').filter((e) => e.type === 'EVENT');
    expect(es).toHaveLength(1);
    expect([es[0].name, ...es[0].aliases].sort()).toEqual(['48 e Sommet de l’ASEAN', '48e Sommet de l’ASEAN']);
  });
  it('a French ordinal before a known event is its edition', () => {
    expect(events('Les 34e SEA Games auront lieu en Malaisie.')).toEqual(['34e SEA Games']);
  });
});

describe('a festival named after a lower-case fête', () => {
  it('takes its own name', () => {
    expect(events('Les Khmers célèbrent la fête Sene Dolta chaque année.')).toEqual(['fête Sene Dolta']);
    expect(events('La fête Long Tong A a eu lieu.')).toEqual(['fête Long Tong A']);
  });
});

describe('New Year in a Tet story', () => {
  it('is Tet, unless both are named side by side', () => {
    const tet = recognise(art(['Vietnamese abroad celebrate the Lunar New Year (Tet).', 'He sent his best New Year wishes.'], 'en'), 'rules').filter((e) => e.type === 'EVENT');
    expect(tet).toHaveLength(1);
    const two = recognise(art(['Ahead of the New Year and Tet holidays, the PM asked for safety.'], 'en'), 'rules').filter((e) => e.type === 'EVENT');
    expect(two).toHaveLength(2);
  });
});

describe('an event and its host place', () => {
  it('the short form joins the form with the host', () => {
    const es = recognise(art(['The Vietnam Week in Japan opened on Friday.', 'The Vietnam Week drew large crowds.'], 'en'), 'rules').filter((e) => e.type === 'EVENT');
    expect(es.map((e) => e.name)).toEqual(['Vietnam Week in Japan']);
  });
});

describe('an exhibition named only by what it shows', () => {
  it('is a description', () => {
    expect(events('Une Exposition de photos anciennes a ouvert ; l’Exposition de photos « Hanoï d’antan » aussi.')).toEqual(['Hanoï d’antan']);
  });
});

describe('an acronym inside an event name', () => {
  it('joins the form with the body in full', () => {
    const es = recognise(art(["Le 9e Congrès de l'organisation du Parti communiste du Vietnam pour Hué a ouvert.", "Le 9e congrès de l'organisation du PCV pour Hué a fermé."]), 'rules').filter((e) => e.type === 'EVENT');
    expect(es).toHaveLength(1);
  });
});

describe('ent7: lower-case event heads, pairs of items, trailing verbs', () => {
  it('a lower-case summit, conference, forum or agreement named by a body or place', () => {
    expect(events('Il participera au sommet de la Francophonie, puis à la conférence du G20.')).toEqual(['sommet de la Francophonie', 'conférence du G20']);
    expect(events('Le festival Loy Krathong attire des touristes.')).toEqual(['festival Loy Krathong']);
    expect(events("L'accord de libre-échange ASEAN-Japon est en vigueur.")).toEqual(['accord de libre-échange ASEAN-Japon']);
  });
  it('not a mountain top, a description or an English lower-case head', () => {
    expect(events('Ils ont atteint le sommet du mont Fansipan.')).toEqual([]);
    expect(events('Le festival de spécialités culinaires a ouvert.')).toEqual([]);
    expect(events('The festival of lanterns opened on Monday.', 'en')).toEqual([]);
  });
  it('a second item with its article after `sur la …` or `pour l’…`', () => {
    expect(events('La Conférence sur la sécurité et la coopération maritimes a eu lieu.')).toEqual(['Conférence sur la sécurité et la coopération maritimes']);
    expect(events("Le 9e Forum pour l'Europe et l'Asie centrale a ouvert.")).toEqual(["9e Forum pour l'Europe et l'Asie centrale"]);
  });
  it('a trailing verb after a numbered session in its short form', () => {
    expect(events('Il faut que la 8e session soit un succès.')).toEqual(['8e session']);
    expect(events('Lao legislature’s 12th session concludes', 'en')).toEqual(['12th session']);
  });
});

describe('ent7: numbered acts with their issuing body', () => {
  it('the act with its body, the bare act an alias, the body listed', () => {
    const r = recognise(art(['La Résolution 45-NQ/TW du Bureau politique sur la jeunesse a été publiée.']), 'rules');
    const ev = r.find((e) => e.type === 'EVENT');
    expect(ev?.name).toBe('Résolution 45-NQ/TW du Bureau politique');
    expect(ev?.aliases).toContain('Résolution 45-NQ/TW');
    expect(r.some((e) => e.type === 'ORG' && /Bureau politique/.test(e.name))).toBe(true);
  });
  it('not a date nor a signing person after the act', () => {
    expect(events('La décision n°12/QD-TTg du 3 mars 2024 est entrée en vigueur.')).toEqual(['décision n°12/QD-TTg']);
    expect(events('La directive 14/CT-TTg du Premier ministre est appliquée.')).toEqual(['directive 14/CT-TTg']);
  });
});

describe('ent7: a first session in its short form', () => {
  it('is not a name; a numbered one is', () => {
    expect(events('Le nouveau comité a tenu sa première session lundi.')).toEqual([]);
    expect(events('The committee held its first meeting.', 'en')).toEqual([]);
    expect(events('Le comité a tenu sa 12e session lundi.')).toEqual(['12e session']);
    expect(events('The assembly opened its sixth session.', 'en')).toEqual(['sixth session']);
  });
});
