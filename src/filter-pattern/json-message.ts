/** Marks an event that is not a JSON object, or a selector that leads nowhere, as distinct from a JSON `null`. */
export const MISSING: unique symbol = Symbol('missing');

let lastMessage: string | undefined;
let lastParsed: unknown = MISSING;

/**
 * The event parsed as a JSON object, or MISSING when it is not one (AWS: events that are not valid JSON never match
 * a JSON pattern, and every selector starts with a property, so only objects can match).
 *
 * A metric filter matches an event and then reads `$.latency` from the same event; remembering the last parse makes
 * that one JSON.parse per event. The parsed value is shared, so callers must never mutate it.
 */
export function parseJsonMessage(message: string): unknown {
  if (message === lastMessage) return lastParsed;
  lastMessage = message;
  lastParsed = MISSING;
  if (firstNonSpace(message) !== 123 /* { */) return MISSING;
  try {
    lastParsed = JSON.parse(message) as unknown;
  } catch {
    lastParsed = MISSING;
  }
  return lastParsed;
}

function firstNonSpace(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13) return code;
  }
  return -1;
}
