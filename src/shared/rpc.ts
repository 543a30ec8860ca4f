// Typed wrappers over runtime/tabs messaging: the request type fixes the response type, so a
// caller can never read a field the receiver does not send.
import browser from 'webextension-polyfill';
import type { BackgroundRequest, BackgroundResponse, ContentRequest, ContentResponse } from './messages';

export function toBackground<T extends BackgroundRequest>(msg: T): Promise<BackgroundResponse[T['type']]> {
  return browser.runtime.sendMessage(msg) as Promise<BackgroundResponse[T['type']]>;
}

export function toTab<T extends ContentRequest>(tabId: number, msg: T): Promise<ContentResponse[T['type']]> {
  return browser.tabs.sendMessage(tabId, msg) as Promise<ContentResponse[T['type']]>;
}

/** Handler table for one receiver: one function per message type, checked exhaustively. */
export type Handlers<Req extends { type: string }, Res extends Record<Req['type'], unknown>, Ctx> = {
  [K in Req['type']]: (msg: Extract<Req, { type: K }>, ctx: Ctx) => Res[K] | Promise<Res[K]>;
};

/**
 * Builds a runtime.onMessage listener from a handler table. Messages of other receivers
 * (another prefix) are left alone so that several routers can share one event.
 */
export function makeRouter<Req extends { type: string }, Res extends Record<Req['type'], unknown>, Ctx>(
  prefix: string,
  handlers: Handlers<Req, Res, Ctx>,
  ctxOf: (sender: browser.Runtime.MessageSender) => Ctx,
) {
  return (message: unknown, sender: browser.Runtime.MessageSender): Promise<unknown> | undefined => {
    if (!message || typeof message !== 'object') return undefined;
    const type = (message as { type?: unknown }).type;
    if (typeof type !== 'string' || !type.startsWith(prefix) || !(type in handlers)) return undefined;
    const handler = (handlers as Record<string, (m: unknown, c: Ctx) => unknown>)[type];
    return Promise.resolve().then(() => handler(message, ctxOf(sender)));
  };
}
