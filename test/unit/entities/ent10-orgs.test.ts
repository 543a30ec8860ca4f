import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';
import type { Entity } from '../../../src/core/types';

// Organisations, session ent10: companies named after a kind noun the rules did not read — a publisher, a restaurant,
// a Sarl, a compass-glued nationality, a number closing the name. Inputs invented, shapes from the train split.
const orgs = (body: string[]): string[] => recognise({ title: '', lead: null, body, captions: [], published: '2024-03-07', lang: 'fr' } as EntityInput, 'rules').filter((e: Entity) => e.type === 'ORG').map((e) => e.name);

describe('ORG: companies after a kind noun', () => {
  it('a publisher, a restaurant, a Sarl', () => {
    expect(orgs(['Selon la maison d’édition Dong Phuong, le livre sort en mai.'])).toEqual(['Dong Phuong']);
    expect(orgs(['Merci au restaurant Bep Nha Lan de m’avoir reçu.'])).toEqual(['Bep Nha Lan']);
    expect(orgs(['Le projet associe la Sarl Hoa Sen Xanh. Il commence en mai.'])).toEqual(['Hoa Sen Xanh']);
  });
  it('a number closing the name, not a number of something else', () => {
    expect(orgs(['Il dirige la société Song Da 79, dit-il.'])).toEqual(['Song Da 79']);
    expect(orgs(['La société Song Da 12 ouvriers a embauché.'])).toEqual(['Song Da']);
  });
  it('a kind noun with a compass-glued nationality', () => {
    expect(orgs(['Le président du conglomérat, la société sud-coréenne Daewon, est venu.'])).toEqual(['Daewon']);
  });
});
