import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';
import type { Entity } from '../../../src/core/types';

// Person names, session ent8-per (issue #12, PER). Inputs invented.
const rules = (lang: string, body: string[]): Entity[] => recognise({ title: '', lead: null, body, captions: [], published: '2025-02-07', lang } as EntityInput, 'rules');
const pers = (lang: string, body: string[]) => rules(lang, body).filter((e) => e.type === 'PER').map((e) => e.name);

describe('PER: role nouns of hosts, rivals, team staff, colleagues and heroes before a name', () => {
  it('English (`his Lao host X`, `Thai opponent X`, `New manager X`, `goalie X`)', () => {
    expect(pers('en', ['The minister and his Lao host Bounmy Vongsa chaired the talks.'])).toContain('Bounmy Vongsa');
    expect(pers('en', ['He beat Thai opponent Somchai Ratana in the final.'])).toContain('Somchai Ratana');
    expect(pers('en', ['New manager Marco Bellini signed a two-year deal.'])).toContain('Marco Bellini');
    expect(pers('en', ['The shot beat goalie Peter Okoro at the near post.'])).toContain('Peter Okoro');
  });
  it('French (`le remplaçant X`, `son collègue russe X`, `le héros national X`, `le metteur en scène X`)', () => {
    expect(pers('fr', ['À la 70e minute, le remplaçant Lee Joon-ho a égalisé.'])).toContain('Lee Joon-ho');
    expect(pers('fr', ['Il a volé avec son collègue russe Ivan Petrov.'])).toContain('Ivan Petrov');
    expect(pers('fr', ['Ils ont honoré le héros national Simon Bolivar.'])).toContain('Simon Bolivar');
    expect(pers('fr', ['Le film du metteur en scène Paul Morel a été primé.'])).toContain('Paul Morel');
  });
});

describe('PER: Hmong names with the middle name `A`', () => {
  it('a clan name, `A`, one given syllable (even `Do`), not read as a word', () => {
    expect(pers('en', ['The suspects are Thao A To, 41, and Sung A Pao, 29.'])).toEqual(expect.arrayContaining(['Thao A To', 'Sung A Pao']));
    expect(pers('en', ['Police arrested Vang A Chu and Chang A Lu near the border.'])).toEqual(expect.arrayContaining(['Vang A Chu', 'Chang A Lu']));
  });
  it('not a body named after a person', () => {
    expect(pers('en', ['The Vang A Lu Scholarship Fund gave awards.'])).not.toContain('Vang A Lu');
  });
});

describe('PER: French lists of names after a plural trade noun', () => {
  it('`dont`, `comme`, a colon, `tels que`, after an honour or an adjective', () => {
    expect(pers('fr', ['Le gala réunira 5 artistes du peuple, dont Thu Lan, Bao Ngoc et Minh Tri.'])).toEqual(expect.arrayContaining(['Thu Lan', 'Bao Ngoc', 'Minh Tri']));
    expect(pers('fr', ['Les jeunes espoirs vietnamiens comme Hoàng Long et Tuân Khai ont perdu.'])).toEqual(expect.arrayContaining(['Hoàng Long', 'Tuân Khai']));
    expect(pers('fr', ['Le concert réunira de nombreux chanteurs : Thu Minh, Hô Ngoc Lan.'])).toEqual(expect.arrayContaining(['Thu Minh', 'Hô Ngoc Lan']));
    expect(pers('fr', ['On verra des chanteuses telles que My Tam et Thu Phuong.'])).toEqual(expect.arrayContaining(['My Tam', 'Thu Phuong']));
  });
  it('the honour `du peuple` then the names, a place name as a given name', () => {
    expect(pers('fr', ['Ainsi que les artistes du peuple Thu Ha et Quang Vinh.'])).toEqual(expect.arrayContaining(['Thu Ha', 'Quang Vinh']));
  });
  it('not a place that starts an item', () => {
    expect(pers('fr', ['Des artistes comme Ha Long et Thu Ha.'])).not.toContain('Ha Long');
  });
});

describe('PER: `Tong` inside a foreign name', () => {
  it('is a name word, not the head `Tong (Cong ty)`', () => {
    expect(pers('en', ['He received his Malaysian counterpart Lim Kok Tong in Hanoi.'])).toContain('Lim Kok Tong');
  });
});

describe('PER: syllables after a kind word of a body or place name it, not a person', () => {
  it('a role whose complement ends on a kind word (`directeur de l\'entreprise X`)', () => {
    const got = pers('fr', ["Tran Van Hai, ancien directeur de l'entreprise Hoa Lam de Hai Phong, a été condamné."]);
    expect(got).toContain('Tran Van Hai');
    expect(got).not.toContain('Hoa Lam');
  });
  it('one French adjective between (`la route côtière X`), not an English verb (`district caught X`)', () => {
    expect(pers('fr', ['On longe la route côtière Trân Quang Khai jusqu’au port.'])).not.toContain('Trân Quang Khai');
    expect(pers('en', ['Police in Quan Son district caught Hoang Van Tam on Monday.'])).toContain('Hoang Van Tam');
  });
});

describe('PER: the middle name `The` (Thế) written without its accent', () => {
  it('inside a name, before a syllable', () => {
    expect(pers('en', ['The prize went to Nguyen The Vinh of Hue.'])).toContain('Nguyen The Vinh');
    expect(pers('en', ['Ton Nu The Hoa (right) attended the trial.'])).toContain('Ton Nu The Hoa');
  });
  it('not closing a name', () => {
    expect(pers('en', ['Says Tran Van Minh: The work is done.'])).toContain('Tran Van Minh');
  });
});

describe('PER: a foreign name before its country in brackets with more after it', () => {
  it('`X (Taïwan-Chine)`, `X (Chine, 12 médailles d\'or)`', () => {
    expect(pers('fr', ['Il a battu Lin Wei Ho (Taïwan-Chine) en finale.'])).toContain('Lin Wei Ho');
    expect(pers('fr', ["Il est derrière Zhao Kun (Chine, 9 médailles d'or)."])).toContain('Zhao Kun');
  });
});

describe('PER: role nouns of spouses, champions and scholars before a name', () => {
  it('French (`son épouse X`, `le champion du monde X`, `la poétesse X`, `l\'astrophysicien français X`)', () => {
    expect(pers('fr', ['Le président et son épouse Anna Keller visiteront Hanoi.'])).toContain('Anna Keller');
    expect(pers('fr', ['Il a battu le champion du monde Igor Petrenko.'])).toContain('Igor Petrenko');
    expect(pers('fr', ["L'astrophysicien français Marc Dubreuil a parlé."])).toContain('Marc Dubreuil');
  });
  it('English (`his wife X`, `world champion X`)', () => {
    expect(pers('en', ['The President and his wife Maria Lopez arrived.'])).toContain('Maria Lopez');
    expect(pers('en', ['He drew with world champion Igor Petrenko.'])).toContain('Igor Petrenko');
  });
});

describe('PER: abbreviated ranks `Gen.`, `Col.` between a role and the name', () => {
  it('`his Russian counterpart Gen. X`, not `Gen Z`', () => {
    expect(pers('en', ['He met his Russian counterpart Gen. Ivan Sokolov in Moscow.'])).toContain('Ivan Sokolov');
    expect(pers('en', ['Col. Peter Grant attended.'])).toContain('Peter Grant');
    expect(pers('en', ['Gen Z shoppers like it.'])).toEqual([]);
  });
});

describe('PER: a French surname starting with De/Du/Le is not split as a glued article', () => {
  it('after a given name (`Jean Durand`, `Anne Deroche`), while a glued tail still splits', () => {
    expect(pers('fr', ['M. Paul Durand a parlé.'])).toContain('Paul Durand');
    expect(pers('fr', ['La délégation était conduite par sa présidente Anne Deroche.'])).toContain('Anne Deroche');
    expect(rules('fr', ["Ils coopèrent aux Nations Unieset à l'OMC."]).map((e) => e.name)).toContain('Nations Unies');
  });
});

describe('PER: family names Khổng, Khuất, Trầm', () => {
  it('written without diacritics in English and French', () => {
    expect(pers('en', ['Khong Thi Lan won the gold medal.'])).toContain('Khong Thi Lan');
    expect(pers('en', ['In the 10th minute Khuat Van Tai scored.'])).toContain('Khuat Van Tai');
    expect(pers('fr', ["L'équipe composée de Trâm Duc Anh et Lê Van Binh a gagné."])).toContain('Trâm Duc Anh');
  });
});
