import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';
import type { Entity } from '../../../src/core/types';

// Persons, session ent10: a name before a capitalised English role (after a comma or a spaced dash), one name
// after a lower-case French role, sports trades as roles. Inputs invented, shapes from the train split.
const persons = (body: string[], lang: string): string[] => recognise({ title: '', lead: null, body, captions: [], published: '2024-03-07', lang } as EntityInput, 'rules').filter((e: Entity) => e.type === 'PER').map((e) => e.name);

describe('PER: names placed by a role', () => {
  it('a foreign name before a capitalised English role, after a comma or a spaced dash', () => {
    expect(persons(['Rajan Mehta, Indian Ambassador to Vietnam, highlighted the ties.'], 'en')).toEqual(['Rajan Mehta']);
    expect(persons(['It was attended by Anton Kessler – Assistant Deputy Minister for Asia.'], 'en')).toEqual(['Anton Kessler']);
    expect(persons(['Peter Lindqvist, Nokia Asia’s Regional Director, said so.'], 'en')).toEqual(['Peter Lindqvist']);
    // capitalised words that lead to no role are no cue
    expect(persons(['Green Valley, Blue Lake and Red River are sights.'], 'en')).toEqual([]);
  });
  it('one name after a lower-case French role is a person when no full name ends in it', () => {
    expect(persons(['Le président Ho Chi Minh et le président Sukarno ont posé les bases.'], 'fr')).toEqual(['Ho Chi Minh', 'Sukarno']);
    // the short name of a full one joins it
    expect(persons(['Le président Joko Widodo est arrivé. Le président Widodo a dit.'], 'fr')).toEqual(['Joko Widodo']);
    // an English capitalised role before another role word is no name
    expect(persons(['The Australian Ambassador Premier spoke.'], 'en')).not.toContain('Premier');
  });
  it('sports trades are roles', () => {
    expect(persons(['Le tennisman Daniel Lamy a gagné.'], 'fr')).toEqual(['Daniel Lamy']);
  });
});
