import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';
import type { Entity } from '../../../src/core/types';

// English ORG rule shapes, session ent9 (issue #12, English ORG). Inputs invented.
const rules = (body: string[]): Entity[] => recognise({ title: '', lead: null, body, captions: [], published: '2025-02-07', lang: 'en' } as EntityInput, 'rules');
const names = (type: string, body: string[]) => rules(body).filter((e) => e.type === type).map((e) => e.name);
const orgs = (body: string[]) => names('ORG', body);

describe('English ORG: a title, `of`, then the body without `the`', () => {
  it('`Vice Chairman of Ben Tre People’s Committee Nguyen Van A`', () => {
    const r = rules(['Vice Chairman of Ben Tre People’s Committee Tran Van Hung said the plan was approved.']);
    expect(r.filter((e) => e.type === 'ORG').map((e) => e.name)).toContain('Ben Tre People’s Committee');
    expect(r.filter((e) => e.type === 'PER').map((e) => e.name)).toContain('Tran Van Hung');
  });
  it('`Director of Department of …` and the `the` form alike', () => {
    expect(orgs(['Director of Department of Planning and Investment Le Thi Mai spoke.'])).toContain('Department of Planning and Investment');
    expect(orgs(['Director of the Department of Planning and Investment Le Thi Mai spoke.'])).toContain('Department of Planning and Investment');
  });
  it('a known body after the title stays apart from a second one after `and the`', () => {
    const o = orgs(['Laos is the Chair of ASEAN and the ASEAN Inter-Parliamentary Assembly this year.']);
    expect(o).toContain('ASEAN');
    expect(o).toContain('ASEAN Inter-Parliamentary Assembly');
    expect(o.some((n) => n.includes(' and the '))).toBe(false);
  });
});

describe('English ORG: a tournament group is no body', () => {
  it('`Group C`, `World Group I`, `Asia/Oceania Group II`', () => {
    expect(orgs(['Vietnam were drawn into Group C alongside Japan.'])).toEqual([]);
    expect(orgs(['The team hopes to reach World Group I next year.'])).toEqual([]);
    expect(orgs(['They finished top of the Asia/Oceania Group II in 2019.'])).toEqual([]);
  });
  it('a company named `Group` stays', () => {
    expect(orgs(['The Hoa Sen Group signed the deal.'])).toContain('Hoa Sen Group');
  });
});

describe('English ORG: a country’s mission to an international body', () => {
  it('`Vietnamese Mission to the European Union`, lower-case `permanent mission to the United Nations`', () => {
    expect(orgs(['A reception was hosted by the Vietnamese Mission to the European Union in Brussels.'])).toContain('Vietnamese Mission to the European Union');
    expect(orgs(['The Vietnamese permanent mission to the United Nations held a meeting.'])).toContain('Vietnamese permanent mission to the United Nations');
  });
  it('not a travelling delegation, nor a mission to a place', () => {
    expect(orgs(['A Vietnamese delegation to the United Nations attended.'])).not.toContain('Vietnamese delegation to the United Nations');
    expect(orgs(['The Vietnamese mission to Mars is a joke.'])).toEqual([]);
  });
});
