import { describe, expect, it } from 'vitest';
import { pickVoice } from '../../../src/reader/read-aloud';

const v = (name: string, lang: string, localService = true, dflt = false) => ({ name, lang, localService, default: dflt, voiceURI: name }) as SpeechSynthesisVoice;

describe('pickVoice', () => {
  it('a system voice of the article language, the default one first', () => {
    const voices = [v('en', 'en-US', true, true), v('fr1', 'fr-CA'), v('fr2', 'fr_FR', true, true)];
    expect(pickVoice(voices, 'fr')?.name).toBe('fr2');
    expect(pickVoice(voices, 'en')?.name).toBe('en');
  });
  it('never a network voice (the text would leave the machine), and none for a missing language', () => {
    expect(pickVoice([v('Google français', 'fr-FR', false, true)], 'fr')).toBeNull();
    expect(pickVoice([v('en', 'en-US')], 'vi')).toBeNull();
  });
});
