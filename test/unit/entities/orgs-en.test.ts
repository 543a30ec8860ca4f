import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';
import type { Entity } from '../../../src/core/types';

// English organisation names (issue #12, ORG, en.vietnamplus.vn): where a name ends, and which forms are one body. Inputs invented.
const rules = (body: string[]): Entity[] => recognise({ title: '', lead: null, body, captions: [], published: '2025-02-07', lang: 'en' } as EntityInput, 'rules');
const orgs = (body: string[]) => rules(body).filter((e) => e.type === 'ORG');
const names = (body: string[]) => orgs(body).map((e) => e.name);

describe('English ORG: a nameless second body after `and`', () => {
  it('`and State`, `and the` + a nationality end the name', () => {
    expect(names(['Many people visited the offices of the Central Party Committee and State in Hue last month.'])).toContain('Central Party Committee');
    expect(names(['Officials of the General Consulate of Norway and the Norwegian side attended.'])).toContain('General Consulate of Norway');
  });
  it('a name holding `and` keeps it', () => {
    expect(names(['The Ministry of Science and Technology hosted the talks.'])).toContain('Ministry of Science and Technology');
  });
  it('a nationality and a generic body is no name', () => {
    expect(names(['He thanked the Vietnamese Party, State and people for their support.'])).toEqual([]);
  });
});

describe('English ORG: host places', () => {
  it('a local chapter named with a Vietnamese place is the body itself', () => {
    expect(names(['The Ho Chi Minh Communist Youth Union in Can Tho launched a campaign.'])).toContain('Ho Chi Minh Communist Youth Union');
  });
  it('an association abroad keeps its host country; the bare form is its alias', () => {
    const e = orgs(['The Vietnamese Association in Hungary held a fair.', 'Students sang with the Vietnamese Association.']);
    expect(e.map((x) => x.name)).toEqual(['Vietnamese Association in Hungary']);
  });
  it('a consulate in a city named with its country’s possessive', () => {
    expect(names(['The Vietnamese Consulate General in China’s Kunming city sent a team.'])).toContain('Vietnamese Consulate General in China’s Kunming city');
  });
  it('`in Support of` inside a name', () => {
    expect(names(['The Association in Support of Disabled Children donated books.'])).toContain('Association in Support of Disabled Children');
  });
});

describe('English ORG: one mission, two word orders', () => {
  it('`Embassy of Vietnam` is the `Vietnamese Embassy in X` of the article', () => {
    const e = orgs(['The Vietnamese Embassy in Chile held a reception.', 'The Embassy of Vietnam also invited local firms.']);
    expect(e.length).toBe(1);
    expect(e[0].aliases).toContain('Embassy of Vietnam');
  });
  it('not when the article names two of them', () => {
    const e = orgs(['The Vietnamese Embassy in Chile and the Vietnamese Embassy in Peru met.', 'The Embassy of Vietnam also invited local firms.']);
    expect(e.length).toBe(3);
  });
});

describe('English ORG: abbreviations inside a name', () => {
  it('`St.` opens a name', () => {
    expect(names(['She studied at St. Petersburg State University in Russia.'])).toContain('St. Petersburg State University');
  });
});
