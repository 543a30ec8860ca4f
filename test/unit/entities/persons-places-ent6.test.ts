import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';
import type { Entity } from '../../../src/core/types';
import { fold } from '../../../src/core/text/fold';

// Person and place shapes of issue #12 (ent6): inputs invented, shapes as in the dispatches.
const rules = (body: string[], lang = 'fr'): Entity[] => recognise({ title: '', lead: null, body, captions: [], published: '2025-02-07', lang } as EntityInput, 'rules');
const names = (es: Entity[], type: string) => es.filter((e) => e.type === type).map((e) => e.name);
const find = (es: Entity[], type: string, name: string) => es.find((e) => e.type === type && fold(e.name) === fold(name));

describe('persons: role, comma, honorific', () => {
  it('an honorific between a role and the name is in neither', () => {
    const es = rules(["Étaient présents le vice-ministre laotien, M. Bounmy Keovongsa, et l'ambassadeur du Vietnam, Mme Tran Thi Lan Huong."]);
    expect(names(es, 'PER')).toEqual(['Bounmy Keovongsa', 'Tran Thi Lan Huong']);
    expect(find(es, 'PER', 'Bounmy Keovongsa')?.role).toBe('vice-ministre laotien');
  });
  it('a family name that is also a head word (`Tong`) starts the name, not the role', () => {
    const es = rules(["La vice-présidente de l'AN Tong Thi Mai a visité Hue.", 'Assembly Vice Chairwoman Tong Thi Mai attended the ceremony.']);
    expect(names(es, 'PER')).toEqual(['Tong Thi Mai']);
    expect(names(es, 'ORG')).not.toContain('Tong Thi Mai attended');
  });
});

describe('places and bodies named after people', () => {
  it('syllables next to a kind word name the place or body, not a person', () => {
    const es = rules(['Residents of Thanh Binh hamlet in Dinh Loc commune visited the Le Van Tam primary school.'], 'en');
    expect(names(es, 'PER')).toEqual([]);
    expect(find(es, 'LOC', 'Dinh Loc')?.aliases).toContain('Dinh Loc commune');
    const fr = rules(['Les lauréats du prix «Tran Van Giau» ont été reçus au gymnase Phan Dinh Phung et dans la commune de Lâm Son.']);
    expect(names(fr, 'PER')).toEqual([]);
    expect(names(fr, 'LOC')).toEqual(expect.arrayContaining(['gymnase Phan Dinh Phung', 'Lâm Son']));
  });
});

describe('persons: portfolio and policy words are not names', () => {
  it('a role cut short and a policy name are not persons', () => {
    const es = rules(['Minister of State Anita Kumari said the Act East policy matters, and Minister of Labour, Invalids and Social Affairs Dao Van Hung stressed the point.'], 'en');
    expect(names(es, 'PER')).toEqual(['Anita Kumari', 'Dao Van Hung']);
  });
});

describe('persons: a later mention by the given names', () => {
  it('joins the one full name it ends, not two', () => {
    const es = rules(['Nguyen Thi Thu Ha a gagné la finale.', 'La nageuse Thu Ha a battu son record.']);
    expect(names(es, 'PER')).toEqual(['Nguyen Thi Thu Ha']);
    expect(find(es, 'PER', 'Nguyen Thi Thu Ha')?.aliases).toContain('Thu Ha');
    const two = rules(['Nguyen Van Minh et Tran Van Minh ont parlé.', 'Le joueur Van Minh a gagné.']);
    expect(names(two, 'PER')).toHaveLength(3);
  });
});

describe('places: lists of streets and communes named after people', () => {
  it('items after `comme`, `que sont`, `such as` are places', () => {
    const es = rules(['On se promène dans des rues calmes comme Bach Dang, Ly Thai To et Tran Hung Dao.']);
    expect(names(es, 'PER')).toEqual([]);
    expect(names(es, 'LOC')).toEqual(expect.arrayContaining(['Ly Thai To', 'Tran Hung Dao']));
    const en = rules(['The race runs along roads and streets such as Ly Thuong Kiet and Phan Chu Trinh.'], 'en');
    expect(names(en, 'PER')).toEqual([]);
    expect(names(en, 'LOC')).toEqual(expect.arrayContaining(['Ly Thuong Kiet', 'Phan Chu Trinh']));
  });
  it('a street is named bare, its kind word in an alias', () => {
    const es = rules(['The parade passed Dong Khoi street.'], 'en');
    expect(find(es, 'LOC', 'Dong Khoi')?.aliases).toContain('Dong Khoi street');
  });
});

describe('persons: a place after a locative preposition is not the first word of a name', () => {
  it('`reçu à Hanoi X Y, président…` names the place and the person apart', () => {
    const es = rules(['Le ministre a reçu mardi à Hanoi Park Min Soo, président de la Fondation coréenne, pour discuter.']);
    expect(names(es, 'PER')).toEqual(['Park Min Soo']);
    expect(names(es, 'LOC')).toContain('Hanoi');
  });
});

describe('persons: an apostrophe inside a foreign name', () => {
  it('`O’Brien` is one name, an elision is not', () => {
    const es = rules(["The delegation included Minister of Trade Sean O'Brien, who met local firms."], 'en');
    expect(names(es, 'PER')).toEqual(["Sean O'Brien"]);
  });
});
