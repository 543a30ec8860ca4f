import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';
import type { Entity } from '../../../src/core/types';

// Places, session ent10: English plural kinds after coordinated names, Vietnamese syllables spelt like
// French grammar words in English text, border gates named bare. Inputs invented, shapes from the train split.
const rules = (body: string[], lang = 'en'): Entity[] => recognise({ title: '', lead: null, body, captions: [], published: '2024-03-07', lang } as EntityInput, 'rules');
const places = (body: string[], lang = 'en') => rules(body, lang).filter((e) => e.type === 'LOC').map((e) => e.name);

describe('LOC: English small places', () => {
  it('each name before a plural kind is a place, named bare', () => {
    expect(places(['About 3,000 people in Phu Lang and Trung Son villages will benefit.'])).toEqual(['Phu Lang', 'Trung Son']);
    expect(places(['A day earlier, police of Tinh Lam, Bac Xuong and Quang Ha districts said the case was closed.'])).toEqual(['Tinh Lam', 'Bac Xuong', 'Quang Ha']);
    // one name is no coordination; nor in a French text
    expect(places(['The Gia Binh villages are old.'])).toEqual([]);
  });
  it('`La`, `Son`, `An`, `My`, `Tong` inside an English name are syllables', () => {
    expect(places(['One case was in Nam La hamlet, the other in Son Tong hamlet.'])).toEqual(['Nam La', 'Son Tong']);
    expect(places(['Crops in My Nhon and Thuy An communes were hit.'])).toEqual(['My Nhon', 'Thuy An']);
    // a French article still stops a French name
    expect(places(['Il visite la Son Tong commune.'], 'fr')).not.toContain('la Son Tong');
  });
  it('a border gate is named bare whatever its kind; another gate is no place kind', () => {
    expect(places(['Trucks queued at Chi Lang bilateral border gate and Coc Son auxiliary border gate.'])).toEqual(['Chi Lang', 'Coc Son']);
    expect(places(['He opened the Golden Gate of the park.'])).toEqual([]);
  });
  it('sites, routes and ports named before their kind; two names joined by a glued hyphen are one route', () => {
    expect(places(['They visited the Yen Lang relic site and the Moc Son national tourist site.'])).toEqual(['Yen Lang relic site', 'Moc Son national tourist site']);
    expect(places(['The Cam Lang-Vinh Son expressway opened; boats left Phan Son fishery port.'])).toEqual(['Cam Lang-Vinh Son expressway', 'Phan Son fishery port']);
    expect(places(['The site was closed.'])).toEqual([]);
  });
});
