// Typed wrappers over runtime/tabs messaging: the request type fixes the response type, so a
// caller can never read a field the receiver does not send. Over the browser's own API
// (./webext), not webextension-polyfill: the receivers answer through sendResponse, and a
// handler's failure travels as the polyfill's rejection shape, which both the content
// script's entry and makeRouter send and the senders below turn back into a rejection.
import { ext, type Browser } from './webext';
import type { BackgroundRequest, BackgroundResponse, ContentRequest, ContentResponse } from './messages';

/** What a receiver sends for a handler that threw (the shape webextension-polyfill used). */
interface RejectReply { __mozWebExtensionPolyfillReject__: true; message: string }

function isReject(r: unknown): r is RejectReply {
  return !!r && typeof r === 'object' && (r as RejectReply).__mozWebExtensionPolyfillReject__ === true;
}

function unwrap<R>(reply: unknown): R {
  if (isReject(reply)) throw new Error(reply.message);
  return reply as R;
}

export function toBackground<T extends BackgroundRequest>(msg: T): Promise<BackgroundResponse[T['type']]> {
  return ext.runtime.sendMessage(msg).then(unwrap<BackgroundResponse[T['type']]>);
}

export function toTab<T extends ContentRequest>(tabId: number, msg: T): Promise<ContentResponse[T['type']]> {
  return ext.tabs.sendMessage(tabId, msg).then(unwrap<ContentResponse[T['type']]>);
}

/** Handler table for one receiver: one function per message type, checked exhaustively. */
export type Handlers<Req extends { type: string }, Res extends Record<Req['type'], unknown>, Ctx> = {
  [K in Req['type']]: (msg: Extract<Req, { type: K }>, ctx: Ctx) => Res[K] | Promise<Res[K]>;
};

type SendResponse = (reply: unknown) => void;

/**
 * Builds a runtime.onMessage listener from a handler table. Messages of other receivers
 * (another prefix) are left alone (undefined: not answered here) so that several routers can
 * share one event. A handled message is answered through sendResponse (`true` keeps the
 * channel open): Chromium ignores a listener's returned promise.
 */
export function makeRouter<Req extends { type: string }, Res extends Record<Req['type'], unknown>, Ctx>(
  prefix: string,
  handlers: Handlers<Req, Res, Ctx>,
  ctxOf: (sender: Browser.Runtime.MessageSender) => Ctx,
) {
  const listener = (message: unknown, sender: Browser.Runtime.MessageSender, sendResponse: SendResponse): true | undefined => {
    if (!message || typeof message !== 'object') return undefined;
    const type = (message as { type?: unknown }).type;
    if (typeof type !== 'string' || !type.startsWith(prefix) || !(type in handlers)) return undefined;
    const handler = (handlers as Record<string, (m: unknown, c: Ctx) => unknown>)[type];
    Promise.resolve()
      .then(() => handler(message, ctxOf(sender)))
      .then(
        (res) => sendResponse(res),
        (err) => sendResponse({ __mozWebExtensionPolyfillReject__: true, message: String((err as Error)?.message ?? err) } satisfies RejectReply),
      );
    return true;
  };
  // The polyfill's typings name a callback listener as always returning true; ours declines others' messages.
  return listener as Browser.Runtime.OnMessageListenerCallback;
}
