import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';
import type { Entity } from '../../../src/core/types';

// Organisations gazetteer, session ent8-gaz (issue #12, ORG recall): bodies of
// organisations-vna.json found by name, their French and English forms and acronyms one entity. Inputs invented.
const run = (body: string[], lang = 'fr'): Entity[] => recognise({ title: '', lead: null, body, captions: [], published: '2025-02-07', lang } as EntityInput, 'rules');
const orgs = (body: string[], lang = 'fr') => run(body, lang).filter((e) => e.type === 'ORG');
const orgNames = (body: string[], lang = 'fr') => orgs(body, lang).map((e) => e.name);

describe('gazetteer ORG: bodies named without an organisation word the rules can read', () => {
  it('companies, a stock exchange, a Party body, a coast guard written in lower case', () => {
    expect(orgNames(['Movitel a gagné un million d’abonnés, selon Pharmacity et Big C.'])).toEqual(expect.arrayContaining(['Movitel', 'Pharmacity', 'Big C']));
    expect(orgNames(['Shares rose on the Hanoi Stock Exchange on Monday.'], 'en')).toContain('Hanoi Stock Exchange');
    expect(orgNames(['Le secrétariat du Parti a publié une directive.'])).toContain('secrétariat du Parti');
    expect(orgNames(['Les garde-côtes vietnamiens ont secouru dix pêcheurs.'])).toContain('garde-côtes vietnamiens');
  });
  it('an ASEAN body beside the bare acronym', () => {
    expect(orgNames(['The ASEAN said on Monday that the ASEAN Secretariat would meet in Jakarta.'], 'en')).toContain('ASEAN Secretariat');
  });
});

describe('gazetteer ORG: French and English forms and acronyms of one body', () => {
  it('the French and the English name in one dispatch are one entity', () => {
    const found = orgs(['Le Comité d’État chargé des Vietnamiens résidant à l’étranger a organisé la rencontre.', 'The State Committee for Overseas Vietnamese Affairs said it would continue.']);
    const e = found.filter((x) => /Vietnamiens résidant|Overseas Vietnamese/.test([x.name, ...x.aliases].join(' ')));
    expect(e).toHaveLength(1);
  });
  it('an acronym the dispatch never spells out is mapped to the body', () => {
    const found = orgs(['La HNX a suspendu la cotation.', 'Selon l’EVN, la demande augmente.']);
    const hnx = found.find((x) => x.name === 'HNX' || x.aliases.includes('HNX'));
    expect(hnx && [hnx.name, ...hnx.aliases]).toContain('Hanoi Stock Exchange');
    const evn = found.find((x) => x.aliases.includes('EVN') || x.name === 'EVN');
    expect(evn && [evn.name, ...evn.aliases]).toEqual(expect.arrayContaining(['Électricité du Vietnam']));
  });
  it('a long French name and its acronym merge (`PVN`)', () => {
    const found = orgs(['Le Groupe national du pétrole et du gaz du Vietnam a signé un accord.', 'PVN a aussi annoncé un forage.']);
    const pvn = found.filter((x) => [x.name, ...x.aliases].some((n) => n === 'PVN' || /pétrole et du gaz/.test(n)));
    expect(pvn).toHaveLength(1);
  });
});

describe('gazetteer ORG: two written forms the corpus merges', () => {
  it('a long French name and the bank\'s brand, a translated name and the English one', () => {
    const bank = orgs(['La Banque d’agriculture et de développement rural du Vietnam a prêté 10 milliards.', 'Agribank a aussi ouvert une agence.']);
    expect(bank.filter((x) => [x.name, ...x.aliases].includes('Agribank'))).toHaveLength(1);
    expect(bank).toHaveLength(1);
    const dbs = orgs(['La Banque de développement de Singapour (DBS Bank) prévoit une croissance de 6 %.', 'Selon DBS Bank, les exportations progressent.']);
    expect(dbs).toHaveLength(1);
  });
});

describe('gazetteer ORG: no false hits from short or common words', () => {
  it('a lower-case common word or a bare acronym in lower case is not a body', () => {
    expect(orgNames(['Le temps est beau et la presse locale en parle.'])).toEqual([]);
    expect(orgNames(['The diplomat said the mobile world is changing.'], 'en')).toEqual([]);
    // an English name after `The` needs its next word capitalised, as French `Le Temps` does (the article is dropped from the name)
    expect(orgNames(['Writing in The Diplomat, the analyst said so.'], 'en')).toEqual(['Diplomat']);
  });
  it('the consumer price index and the Belt and Road Initiative keep their acronyms', () => {
    expect(orgNames(['Le CPI a augmenté de 3 % et la BRI progresse.'])).toEqual([]);
  });
});
