import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';
import type { Entity } from '../../../src/core/types';

// French ORG, session ent9: newspapers, channels and organs named without an organisation word. Inputs invented.
const rules = (body: string[], lang = 'fr'): Entity[] => recognise({ title: '', lead: null, body, captions: [], published: '2025-02-07', lang } as EntityInput, 'rules');
const orgNames = (body: string[], lang = 'fr') => rules(body, lang).filter((e) => e.type === 'ORG').map((e) => e.name);

describe('a newspaper after its media noun', () => {
  it('`le journal X`, `le quotidien coréen X`, `le journal en ligne X`: the bare name', () => {
    expect(orgNames(['Le journal Seoul Kyongje a consacré un article au sommet.'])).toContain('Seoul Kyongje');
    expect(orgNames(['Le quotidien japonais Mainichi Shimbun a salué la visite.'])).toContain('Mainichi Shimbun');
    expect(orgNames(['Le journal en ligne Grand Sports Hub a publié un portrait du joueur.'])).toContain('Grand Sports Hub');
  });
  it('a Vietnamese title that goes on in lower case is not cut after its first word', () => {
    expect(orgNames(['Le journal Kinh tê - Xa hôi a organisé le forum.'])).not.toContain('Kinh');
  });
});

describe('a media word closing capitalised words', () => {
  it('`X TV`, `X Today`, `X Media`', () => {
    expect(orgNames(['Les vols reprendront en mars, selon Almaty TV.'])).toContain('Almaty TV');
    expect(orgNames(['Plusieurs titres, dont Manila Today, ont relayé la nouvelle.'])).toContain('Manila Today');
    expect(orgNames(['Le livre est publié par Bright Media à Paris.'])).toContain('Bright Media');
  });
});

describe('an organ named by its head alone', () => {
  it('`du Secrétariat`, `un Présidium`, `au Sénat` after an article or a connector', () => {
    const names = orgNames(['Le congrès a élu un Présidium composé de douze membres.', 'Il est permanent du Secrétariat et chef de la commission.', 'Le texte a été voté au Sénat hier.']);
    expect(names).toContain('Présidium');
    expect(names).toContain('Secrétariat');
    expect(names).toContain('Sénat');
  });
  it('not when a complement makes it a longer name', () => {
    expect(orgNames(["La réunion du Présidium de l'Académie des sciences de Pologne s'est tenue."])).not.toContain('Présidium');
  });
});
