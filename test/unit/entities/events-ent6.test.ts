import { describe, expect, it } from 'vitest';
import { recognise, type EntityInput } from '../../../src/core/entities/index';

// Event spans and shapes (issue #12, EVENT round): invented inputs of the same shapes as the dispatches.
const art = (body: string[], lang = 'fr'): EntityInput => ({ title: '', lead: null, body, captions: [], published: '2025-02-07', lang });
const events = (text: string, lang = 'fr') => recognise(art([text], lang), 'rules').filter((e) => e.type === 'EVENT').map((e) => e.name);
const orgs = (text: string, lang = 'fr') => recognise(art([text], lang), 'rules').filter((e) => e.type === 'ORG').map((e) => e.name);

describe('partners written with a spaced dash', () => {
  it('belong to the name when a known place follows the dash', () => {
    expect(events('Le Forum des jeunes Vietnam - Japon a eu lieu à Hanoï.')).toEqual(['Forum des jeunes Vietnam - Japon']);
    expect(events('Le Forum des jeunes Vietnam - Le public a applaudi.')).toEqual(['Forum des jeunes Vietnam']);
  });
  it('a participle before its agent ends the name', () => {
    expect(orgs('Une délégation de l’Association d’amitié Vietnam - Laos conduite par son président est arrivée.')).toEqual(['Association d’amitié Vietnam - Laos']);
  });
});
