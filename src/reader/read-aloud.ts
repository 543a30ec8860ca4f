// Read aloud with the browser's own speech synthesis (nothing leaves the machine: the voices
// are the system's). One utterance per paragraph, so the paragraph being read can be marked
// and a pause/resume or a speed change restarts at that paragraph: Chromium's own
// speechSynthesis.pause() is unreliable (it stops for good on some platforms).

export type SpeechState = 'idle' | 'playing' | 'paused' | 'novoice' | 'unsupported';

export interface ReadAloudOptions {
  win: Window;
  /** Language of the article ('fr', 'en', …): a voice of that language reads it. */
  lang: string;
  /** The elements to read, in order (title, lead, paragraphs, sub-headings). */
  blocks: () => HTMLElement[];
  rate: () => number;
  onChange: (state: SpeechState, current: HTMLElement | null) => void;
}

export interface ReadAloud {
  state(): SpeechState;
  /** Play from the current paragraph, or pause. */
  toggle(): Promise<void>;
  /** New speed: the current paragraph restarts at it. */
  rateChanged(): void;
  stop(): void;
}

const VOICE_WAIT_MS = 1500;

/** The voices, waiting a moment for them: Chromium fills the list asynchronously. */
async function voicesOf(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length) return now;
  return new Promise((resolve) => {
    const done = () => { clearTimeout(timer); synth.removeEventListener?.('voiceschanged', done); resolve(synth.getVoices()); };
    const timer = setTimeout(done, VOICE_WAIT_MS);
    synth.addEventListener?.('voiceschanged', done);
  });
}

/**
 * The voice for a language: a voice of the system (localService) only — a browser's network
 * voices would send the article's text to a server, and nothing of the reader's leaves the
 * machine. The system's default voice for that language first.
 */
export function pickVoice(voices: SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | null {
  const want = lang.toLowerCase().split(/[-_]/)[0];
  const mine = voices.filter((v) => v.localService && v.lang.toLowerCase().replace('_', '-').split('-')[0] === want);
  return mine.find((v) => v.default) ?? mine[0] ?? null;
}

export function createReadAloud(o: ReadAloudOptions): ReadAloud {
  const synth: SpeechSynthesis | undefined = (o.win as Window & { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
  const Utterance = (o.win as Window & { SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance }).SpeechSynthesisUtterance;
  let state: SpeechState = synth && Utterance ? 'idle' : 'unsupported';
  let index = 0;
  let run = 0; // bumps on every start/stop: events of a cancelled utterance are ignored
  let voice: SpeechSynthesisVoice | null = null;

  const set = (s: SpeechState) => {
    state = s;
    const cur = s === 'playing' || s === 'paused' ? o.blocks()[index] ?? null : null;
    o.onChange(s, cur);
  };

  const speakFrom = (i: number) => {
    if (!synth || !Utterance) return;
    const blocks = o.blocks();
    const mine = ++run;
    synth.cancel();
    if (i >= blocks.length) { index = 0; set('idle'); return; }
    index = i;
    const text = blocks[i].textContent?.trim() ?? '';
    if (!text) return speakFrom(i + 1);
    const u = new Utterance(text);
    if (voice) u.voice = voice;
    u.lang = voice?.lang ?? o.lang;
    u.rate = o.rate();
    u.onend = () => { if (mine === run && state === 'playing') speakFrom(i + 1); };
    u.onerror = (ev) => {
      if (mine !== run) return;
      // 'interrupted'/'canceled' come from our own cancel(); anything else ends the reading.
      const err = (ev as SpeechSynthesisErrorEvent).error;
      if (err !== 'interrupted' && err !== 'canceled') set('idle');
    };
    set('playing');
    synth.speak(u);
  };

  return {
    state: () => state,
    async toggle() {
      if (!synth || !Utterance) return set('unsupported');
      if (state === 'playing') {
        run++;
        synth.cancel();
        return set('paused');
      }
      if (!voice) {
        voice = pickVoice(await voicesOf(synth), o.lang);
        if (!voice) return set('novoice');
      }
      speakFrom(state === 'paused' ? index : 0);
    },
    rateChanged() {
      if (state === 'playing') speakFrom(index);
    },
    stop() {
      run++;
      try { synth?.cancel(); } catch { /* page going away */ }
      if (state === 'playing' || state === 'paused') { index = 0; set('idle'); }
    },
  };
}
