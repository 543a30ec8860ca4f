import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';

// English chunks, session ent9 (EVENT): an `on` remit follows a head word. Inputs invented.
const all = (body: string[]) => recognise({ title: '', lead: null, body, captions: [], published: '2025-02-07', lang: 'en' } as EntityInput, 'rules');

describe('English chunks: `on` after a head word only', () => {
  it('a country congratulated on its National Day is not part of the day’s name', () => {
    const es = all(['Leaders send greetings to Norway on National Day']);
    expect(es.map((e) => e.name)).not.toContain('Norway on National Day');
    expect(es.find((e) => e.type === 'EVENT')?.aliases.concat(es.find((e) => e.type === 'EVENT')!.name)).toContain('National Day');
  });
  it('a body’s or an event’s remit stays in its name', () => {
    expect(all(['The Committee on Social Affairs met.']).map((e) => e.name)).toContain('Committee on Social Affairs');
    expect(all(['The ASEAN Summit on Food Security opened.']).map((e) => e.name)).toContain('ASEAN Summit on Food Security');
  });
});
