import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';

// Events, session ent9 (EVENT): named plans and policies are EVENTs (corpus rule on legal and policy texts). Inputs invented.
const names = (body: string[], lang = 'fr') =>
  recognise({ title: '', lead: null, body, captions: [], published: '2025-02-07', lang } as EntityInput, 'rules').filter((e) => e.type === 'EVENT').map((e) => e.name);

describe('EVENT: a capitalised French `Plan`', () => {
  it('with its complement, numbered or not', () => {
    expect(names(['Le gouvernement a approuvé le Plan directeur sur la protection des forêts côtières.'])).toContain('Plan directeur sur la protection des forêts côtières');
    expect(names(['Le 8e Plan de développement agricole a été adopté.'])).toContain('8e Plan de développement agricole');
  });
  it('not the ministry’s portfolio nor a bare `Plan`', () => {
    expect(names(["Le ministre du Plan et de l'Investissement est arrivé."])).toEqual([]);
    expect(names(['Le Plan est ambitieux.'])).toEqual([]);
  });
});

describe('EVENT: English named plans and policies', () => {
  it('capitalised words and `Plan`', () => {
    expect(names(['Experts reviewed the Red River Delta Plan in Hanoi.'], 'en')).toContain('Red River Delta Plan');
  });
  it('two or three capitalised words and `policy` after a possessive or a determiner', () => {
    expect(names(['Laos is a partner in Thailand’s Look West policy.'], 'en')).toContain('Look West policy');
    expect(names(['The country pursues its New Northern Policy with vigour.'], 'en')).toContain('New Northern Policy');
  });
  it('not a portfolio in a title nor a plain policy', () => {
    expect(names(['The Minister of State for Science and Technology Policy Sato Ken came.'], 'en')).toEqual([]);
    expect(names(['The Vietnamese policy is clear.'], 'en')).toEqual([]);
  });
});
