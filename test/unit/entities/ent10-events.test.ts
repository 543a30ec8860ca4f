import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';
import type { Entity } from '../../../src/core/types';

// Events, session ent10: English named years and months (corpus rule: `ASEAN Year 2020`, `Humanitarian Month 2021`
// are events); a year of the zodiac is none. Inputs invented.
const events = (body: string[]): string[] => recognise({ title: '', lead: null, body, captions: [], published: '2024-03-07', lang: 'en' } as EntityInput, 'rules').filter((e: Entity) => e.type === 'EVENT').map((e) => e.name);

describe('EVENT: English named years and months', () => {
  it('a capitalised name closed by Year or Month is an event, its year kept', () => {
    expect(events(['The ASEAN Chairmanship Year 2020 was a success.'])).toEqual(['ASEAN Chairmanship Year 2020']);
    expect(events(['The Action Month for the Elderly 2020 began in October.'])).toEqual(['Action Month for the Elderly 2020']);
    expect(events(['They launched the 2021 National Road Safety Year in Hue.'])).toContain('2021 National Road Safety Year');
  });
  it('the Year of an animal is no event', () => {
    expect(events(['Families welcomed the Year of the Dragon.'])).toEqual([]);
  });
});
