import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';
import type { Entity } from '../../../src/core/types';

// English edition rule shapes, session ent8 (issue #12, English headline). Inputs invented.
const rules = (body: string[]): Entity[] => recognise({ title: '', lead: null, body, captions: [], published: '2025-02-07', lang: 'en' } as EntityInput, 'rules');
const names = (type: string, body: string[]) => rules(body).filter((e) => e.type === type).map((e) => e.name);
const persons = (body: string[]) => names('PER', body);

describe('English PER: the members of a list after a plural trade noun', () => {
  it('stage names of two syllables after `such as` / `like`', () => {
    const p = persons(['The gala features famous singers such as Bao Tram, Kim Lan and Thu Ha.']);
    expect(p).toEqual(expect.arrayContaining(['Bao Tram', 'Kim Lan', 'Thu Ha']));
    expect(persons(['Young artists like Quoc Thien will perform.'])).toContain('Quoc Thien');
  });
  it('a place between the noun and the list, `such (adjective) designers as`', () => {
    expect(persons(['Opera singers in Hanoi such as Minh Tuan and Hong Nhung joined.'])).toEqual(expect.arrayContaining(['Minh Tuan', 'Hong Nhung']));
    expect(persons(['It gathered such talented designers as Thuy Duong, Cong Tri and others.'])).toEqual(expect.arrayContaining(['Thuy Duong', 'Cong Tri']));
  });
  it('not without the trade noun, nor a place or a capitalised run', () => {
    expect(persons(['Provinces such as Ha Giang and Lao Cai joined.'])).toEqual([]);
    expect(persons(['Visitors like Hoi An Ancient Town very much.'])).toEqual([]);
  });
});

const orgs = (body: string[]) => names('ORG', body);

describe('English ORG: enumerations, numbers and boards inside a name', () => {
  it('a serial comma before the last item, an `on` remit, a compound item', () => {
    expect(orgs(['The Ministry of Industry, Trade, and Energy issued a plan.'])).toContain('Ministry of Industry, Trade, and Energy');
    expect(orgs(['The Joint Committee on Economic, Cultural and Technical Cooperation met.'])).toContain('Joint Committee on Economic, Cultural and Technical Cooperation');
    expect(orgs(['She heads the Department of Nordic, Baltic, and Middle-East Studies at the school.'])).toContain('Department of Nordic, Baltic, and Middle-East Studies');
  });
  it('a place alone is still no enumeration item', () => {
    expect(orgs(['The Ministry of Foreign Affairs, Laos and Cambodia agreed.'])).toContain('Ministry of Foreign Affairs');
  });
  it('a body numbered after `No.`', () => {
    expect(orgs(['Staff of the Mobile Field Hospital No. 3 left for Africa.'])).toContain('Mobile Field Hospital No. 3');
  });
  it('the body of a `Board of Directors of`, not the board', () => {
    const o = orgs(['Chairman of the Board of Directors of the Lam Son Energy JSC spoke.']);
    expect(o).toContain('Lam Son Energy JSC');
    expect(o.some((x) => x.startsWith('Board'))).toBe(false);
  });
});

describe('English ORG: a body organ after the bracketed acronym; one body in two word orders', () => {
  it('`X (ACR) Central Committee` is one name, the bracket inside', () => {
    expect(orgs(['The Vietnam Fatherland Front (VFF) Central Committee held a meeting.'])).toContain('Vietnam Fatherland Front (VFF) Central Committee');
    expect(orgs(['The Vietnam Fatherland Front (VFF) held a meeting.'])).toContain('Vietnam Fatherland Front');
  });
  it('`Finance Ministry` and `Ministry of Finance` in one article are one body', () => {
    const o = orgs(['The Finance Ministry set a target.', 'The Ministry of Finance said it would be met.']);
    expect(o.filter((x) => /Financ/.test(x))).toHaveLength(1);
  });
  it('`Office of the Government` and `Government Office` too, not another field', () => {
    expect(orgs(['The Office of the Government replied.', 'The Government Office said so.']).filter((x) => /Office/.test(x))).toHaveLength(1);
    expect(orgs(['The Finance Ministry set a target.', 'The Ministry of Health agreed.'])).toHaveLength(2);
  });
});

describe('English ORG: two fields paired by `and` before the head; a one-word short name in brackets', () => {
  it('`X Y and Z Group` is one name', () => {
    expect(orgs(['The Vietnam Rubber and Latex Group reported profits.'])).toContain('Vietnam Rubber and Latex Group');
    expect(orgs(['The Binh Dinh Seafood Processing and Trading Joint Stock Company said so.'])).toContain('Binh Dinh Seafood Processing and Trading Joint Stock Company');
  });
  it('not after a person, a known body or a country alone', () => {
    expect(orgs(['Officials met Nguyen Van Thanh and National Assembly deputies.']).some((x) => x.startsWith('Nguyen'))).toBe(false);
    expect(orgs(['Vietnam and Laos Friendship Association held a meeting.']).some((x) => x.startsWith('Vietnam and'))).toBe(false);
  });
  it('`(Vinacoal)` after the long form is its short name, one entity', () => {
    const o = orgs(['The Vietnam National Coal and Mineral Group (Vinacoal) raised output.', 'Vinacoal said demand grew.']);
    expect(o).toContain('Vietnam National Coal and Mineral Group');
    expect(o.filter((x) => /Coal|Vinacoal/.test(x))).toHaveLength(1);
  });
  it('no short name of other words', () => {
    expect(orgs(['The Hanoi Rice and Grain Corporation (Mekong) said so.']).filter((x) => /Rice|Mekong/.test(x))).toEqual(['Hanoi Rice and Grain Corporation']);
  });
  it('a title of two readings before the body (`General | Director of the …`)', () => {
    expect(orgs(['General Director of the Vietnam National Textile and Garment Group Le Van Binh said.'])).toEqual(['Vietnam National Textile and Garment Group']);
  });
});

describe('English ORG: local bodies with their province', () => {
  it('a region\'s province after `of` closes the name', () => {
    expect(orgs(['The People’s Committee of the Mekong Delta province of Soc Trang approved the plan.'])).toContain('People’s Committee of the Mekong Delta province of Soc Trang');
  });
  it('`X municipal Party Committee` before a person\'s name', () => {
    const o = orgs(['Secretary of the Hai Phong municipal Party Committee Le Van Thanh spoke.']);
    expect(o).toContain('Hai Phong municipal Party Committee');
  });
});

const places = (body: string[]) => names('LOC', body);

describe('English LOC: road numbers and patronymic names', () => {
  it('a road\'s number is part of its name', () => {
    expect(places(['Traffic jammed on National Road 14B near the pass.'])).toContain('National Road 14B');
    expect(places(['They drove along Provincial Road 305 last night.'])).toContain('Provincial Road 305');
  });
  it('not a lower-case road before a number', () => {
    expect(places(['He crossed the road 3 times.'])).toEqual([]);
  });
  it('`X bin Y Stadium` keeps the given name and `bin`', () => {
    expect(places(['The match will be played at Hamza bin Saleh Stadium.'])).toContain('Hamza bin Saleh Stadium');
  });
});

describe('English LOC: a nationality before a place noun is no place', () => {
  it('`Vietnamese cinema`, `the Thai market`, `a Japanese prefecture`', () => {
    expect(places(['It promotes Vietnamese cinema abroad.', 'Sales on the Thai market rose.', 'A Japanese prefecture signed a deal.'])).toEqual([]);
  });
  it('a named place before the noun still is', () => {
    expect(places(['Tourists love Nha Trang beach.'])).toContain('Nha Trang beach');
  });
});

describe('English ORG: a name before a lower-case company noun', () => {
  it('`director of X company`, `the X group`, the bare name as its alias', () => {
    const e = rules(['He is director of Sao Viet company in the city.']).find((x) => x.type === 'ORG');
    expect(e?.name).toBe('Sao Viet company');
    expect(e?.aliases).toContain('Sao Viet');
    expect(orgs(['It signed with the KVT group on Monday.'])).toContain('KVT group');
  });
  it('a place\'s name (`the Nam Dinh company`) and a person after it', () => {
    expect(orgs(['It backs the Nam Dinh company in a study.'])).toContain('Nam Dinh company');
    expect(orgs(['Chairman of Zorbex company Tran Van Minh said.'])).toContain('Zorbex company');
  });
  it('not `a X company`, a nationality alone, or `the ethnic X group`', () => {
    expect(orgs(['A Hanoi company won the bid.', 'The Thai group eyes projects.', 'The ethnic Mong group grows rice.'])).toEqual([]);
  });
});

describe('English PER/LOC: a known company and a place name its plant, not a person', () => {
  it('`Hoa Phat Dung Quat Steel Integrated Complex` is a place; `Hoa Phat Dung Quat` no person', () => {
    const e = rules(['Output at the Hoa Phat Dung Quat Steel Complex rose.', 'The Hoa Phat Hai Duong 3 project starts soon.']);
    expect(e.filter((x) => x.type === 'LOC').map((x) => x.name)).toEqual(expect.arrayContaining(['Hoa Phat Dung Quat Steel Complex', 'Hoa Phat Hai Duong 3 project']));
    expect(e.filter((x) => x.type === 'PER')).toEqual([]);
  });
});
