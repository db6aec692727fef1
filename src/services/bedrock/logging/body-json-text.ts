import type { InvocationBody } from '../invocation-outcome.js';

const cache = new WeakMap<InvocationBody, string>();

/**
 * A body's JSON text, serialized once per body: the spool line, the size check and every destination's record all
 * need it, and serializing request and response bodies was the largest cost of logging an invocation.
 */
export function bodyJsonText(body: InvocationBody): string {
  let text = cache.get(body);
  if (text === undefined) {
    text = JSON.stringify(body.json ?? null);
    cache.set(body, text);
  }
  return text;
}
