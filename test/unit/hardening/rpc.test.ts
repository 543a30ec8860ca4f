// rpc.ts over the browser's own messaging API (issue 17: no webextension-polyfill). What the
// polyfill did for us and the extension relies on: a handler's promise answers the sender, a
// handler's failure rejects the sender's promise with its message, a message for another
// receiver is left to it (the listener neither answers nor keeps the channel open).
import { describe, expect, it, vi } from 'vitest';

type Listener = (m: unknown, s: unknown, reply: (r: unknown) => void) => true | undefined;
let listener: Listener | null = null;
/** A minimal `chrome`: sendMessage delivers to the one listener, as the browser does. */
const send = (msg: unknown) => new Promise((resolve) => {
  const kept = listener?.(msg, {}, resolve);
  if (kept !== true) resolve(undefined);
});
(globalThis as Record<string, unknown>).chrome = {
  runtime: { sendMessage: send, onMessage: { addListener: (fn: Listener) => (listener = fn) } },
  tabs: { sendMessage: (_tab: number, msg: unknown) => send(msg) },
};
const { makeRouter, toBackground, toTab } = await import('../../../src/shared/rpc');
const { ext } = await import('../../../src/shared/webext');

describe('rpc without the polyfill', () => {
  ext.runtime.onMessage.addListener(makeRouter<any, any, null>('bg/', {
    'bg/isSaved': async ({ id }: { id: string }) => ({ saved: id === 'a' }),
    'bg/stats': () => { throw new Error('archive closed'); },
  }, () => null));

  it('answers with the handler\'s value and rejects with its error', async () => {
    await expect(toBackground({ type: 'bg/isSaved', id: 'a' })).resolves.toEqual({ saved: true });
    await expect(toBackground({ type: 'bg/stats' })).rejects.toThrow('archive closed');
    await expect(toTab(1, { type: 'bg/isSaved', id: 'b' } as never)).resolves.toEqual({ saved: false });
  });

  it('leaves other receivers\' messages alone', () => {
    const reply = vi.fn();
    expect(listener!({ type: 'content/ping' }, {}, reply)).toBeUndefined();
    expect(listener!({ type: 'bg/unknown' }, {}, reply)).toBeUndefined();
    expect(listener!(null, {}, reply)).toBeUndefined();
    expect(reply).not.toHaveBeenCalled();
  });
});
