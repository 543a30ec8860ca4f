import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';
import { ruleNames as all } from '../../support/rule-names';

// Places and events, session ent12: the big cities of neighbouring and partner countries (regions.json `cities`), a
// city closing a name a known given name opens (a family name), English event names ending in `Open`, `Cup`, `Tour`,
// `Awards`… in English and in VNA's French, and an English past tense that no longer passes for an adjective after an
// event's head. Inputs invented, shapes from the train split.

describe('LOC: cities of partner countries', () => {
  it('Japanese, Korean, Russian, European and American cities are places', () => {
    expect(all(['La délégation a visité Sendai, Ulsan et Krasnodar.'])).toEqual(['LOC:Sendai', 'LOC:Ulsan', 'LOC:Krasnodar']);
    expect(all(['The trade fair toured Kawasaki, Venice and Guadalajara.'], 'en')).toEqual(['LOC:Kawasaki', 'LOC:Venice', 'LOC:Guadalajara']);
  });
  it('their French and English names are one place', () => {
    const fr = recognise({ title: '', lead: null, body: ['Il est arrivé à Venise.'], captions: [], published: '2024-03-07', lang: 'fr' } as EntityInput, 'rules');
    const en = recognise({ title: '', lead: null, body: ['He arrived in Venice.'], captions: [], published: '2024-03-07', lang: 'en' } as EntityInput, 'rules');
    expect(fr[0].key).toBe(en[0].key);
  });
  it('Chinese provinces, European regions and historical and geographic regions are places', () => {
    expect(all(['Le Gansu, la Wallonie, la Saxe et le Sud Vietnam.'])).toEqual(['LOC:Gansu', 'LOC:Wallonie', 'LOC:Saxe', 'LOC:Sud Vietnam']);
    expect(all(['Le golfe du Tonkin et la mer Jaune.'])).toEqual(['LOC:golfe du Tonkin', 'LOC:mer Jaune']);
    // a surname that is also a region's name is left to the person (`Hollande` is not listed)
    expect(all(['François Hollande est arrivé.'])).toEqual(['PER:François Hollande']);
    // the Federation named bare is the body, not two places
    expect(all(['La délégation de Wallonie-Bruxelles a signé.'])).toEqual(['ORG:Wallonie-Bruxelles']);
  });
  it('a city after a known given name is a family name, the whole a person', () => {
    expect(all(['Le ministre australien Simon Birmingham est arrivé à Hanoï.'])).toEqual(['PER:Simon Birmingham', 'LOC:Hanoï']);
    expect(all(['Mme Hanako Kawasaki a visité Hanoï.'])).toEqual(['PER:Hanako Kawasaki', 'LOC:Hanoï']);
    // alone, or after a place, the city stays a place
    expect(all(['Il est allé de Londres à Birmingham.'])).toEqual(['LOC:Londres', 'LOC:Birmingham']);
  });
});

describe('EVENT: English names ending in an event word', () => {
  it('in VNA’s French, the place or brand at their start included, their year after', () => {
    expect(all(['Il a gagné le Vietnam Open 2024 à Hanoï.'])).toEqual(['EVENT:Vietnam Open 2024', 'LOC:Hanoï']);
    expect(all(['Il joue au Meltwater Champions Chess Tour.'])).toEqual(['EVENT:Meltwater Champions Chess Tour']);
    expect(all(['Elle a été primée aux Los Angeles Film Awards.'])).toEqual(['EVENT:Los Angeles Film Awards']);
    // the edition's acronym and year after the tail
    expect(all(['Le Mobile Legends Southeast Asia Cup MSC 2022 a eu lieu.'])).toEqual(['EVENT:Mobile Legends Southeast Asia Cup MSC 2022']);
  });
  it('in English, with a glued hyphen inside', () => {
    expect(all(['She won the Yonex-Sunrise Vietnam Open on Sunday.'], 'en')).toEqual(['EVENT:Yonex-Sunrise Vietnam Open']);
  });
  it('a tail word alone, opening a sentence or after a known body alone is no event', () => {
    expect(all(['Open your eyes, said the coach.'], 'en')).toEqual([]);
    expect(all(['Le Tour de France commence.']).filter((x) => x !== 'EVENT:Tour de France')).toEqual([]);
  });
});

describe('EVENT: an English past tense after the head', () => {
  it('ends the name instead of extending it', () => {
    expect(all(['The Hanoi International Film Festival opened on Sunday.'], 'en')).toEqual(['EVENT:Hanoi International Film Festival']);
    expect(all(['The International Film Festival attended by 500 people.'], 'en')).toEqual(['EVENT:International Film Festival']);
  });
});

describe('EVENT: two fields paired by `and` before the only head', () => {
  it('stay one English event name', () => {
    expect(all(['The World Red Cross and Red Crescent Day is marked on May 8.'], 'en')).toEqual(['EVENT:World Red Cross and Red Crescent Day', 'DATE:May 8']);
    expect(all(['The Vietnam Book and Reading Culture Day was launched.'], 'en')).toEqual(['EVENT:Vietnam Book and Reading Culture Day']);
    // a known name alone before `and` is one of two partners
    expect(all(['Vietnam and Laos Friendship Day.'], 'en')).toEqual(['LOC:Vietnam', 'LOC:Laos']);
  });
});

describe('LOC: `Le`, `La` before Vietnamese syllables', () => {
  it('are the family name of the person a street or place is named after, kept in its name', () => {
    expect(all(['He lives on Le Duan street.'], 'en')).toEqual(['LOC:Le Duan']);
    expect(all(['The race started at Le Quang Dao Street.'], 'en')).toEqual(['LOC:Le Quang Dao']);
    // an article before a name that is no Vietnamese syllable is still left out
    expect(all(['Le Vietnam et Le Mékong.'])).toEqual(['LOC:Vietnam', 'LOC:Mékong']);
  });
});

describe('LOC: names coordinated after a plural kind', () => {
  it('in French, after a lower-case plural kind and `de`, each name is a place', () => {
    expect(all(['Les communes de Kim Liên et de Nam Giang sont proches.'])).toEqual(['LOC:Kim Liên', 'LOC:Nam Giang']);
    expect(all(['Les villes de Tegu et Pusan ont signé.'])).toEqual(['LOC:Tegu', 'LOC:Pusan']);
    // a lower-case word after the kind is no name
    expect(all(['Les communes de la province sont pauvres.'])).toEqual([]);
  });
  it('in English, before `streets`', () => {
    expect(all(['They walked along Tran Hung Dao and Le Loi streets.'], 'en')).toEqual(['LOC:Tran Hung Dao', 'LOC:Le Loi']);
  });
});
