import type { JsonPath } from './ast.js';
import { FilterPatternError } from './filter-pattern-error.js';
import { MISSING, parseJsonMessage } from './json-message.js';
import { Scanner } from './scanner.js';

/** AWS: "Property selectors are alphanumeric strings that also support '-' and '_' characters". */
const PROPERTY_CHAR = /^[A-Za-z0-9_-]$/;

/**
 * Reads `$.a.b[0][1]`. The root is always an object, so the first step must be a property: AWS says array elements
 * "must follow a property".
 */
export function readSelector(scanner: Scanner): JsonPath {
  const start = scanner.pos;
  if (scanner.peek() !== '$') scanner.fail(`Expected a selector starting with '$.' but found ${scanner.describeNext()}`);
  scanner.pos++;
  const path: (string | number)[] = [];
  for (;;) {
    const ch = scanner.peek();
    if (ch === '.') {
      scanner.pos++;
      const name = scanner.readWhile((c) => PROPERTY_CHAR.test(c));
      if (name === '') {
        scanner.fail(`Invalid selector: a property name (letters, digits, '-', '_') must follow '.' but found ${scanner.describeNext()}`);
      }
      path.push(name);
    } else if (ch === '[' && path.length > 0) {
      scanner.pos++;
      const digits = scanner.readWhile((c) => c >= '0' && c <= '9');
      if (digits === '' || scanner.peek() !== ']') scanner.fail('Invalid selector: an array index is written [NUMBER], e.g. $.users[0]');
      scanner.pos++;
      path.push(Number(digits));
    } else {
      break;
    }
  }
  if (path.length === 0) scanner.fail("Invalid selector: write '$.' followed by a property name, e.g. $.eventType", start);
  return path;
}

/** Parses a whole selector such as a metric filter's `metricValue` (`$.latency`), or undefined if it is not one. */
export function parseSelectorText(text: string): JsonPath | undefined {
  const scanner = new Scanner(text.trim());
  try {
    const path = readSelector(scanner);
    return scanner.atEnd() ? path : undefined;
  } catch (error) {
    if (error instanceof FilterPatternError) return undefined;
    throw error;
  }
}

/** Follows `path` from the parsed event; allocation free, since it runs for every comparison of every event. */
export function resolvePath(root: unknown, path: JsonPath): unknown {
  let current: unknown = root;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    if (typeof step === 'number') {
      if (!Array.isArray(current) || step >= current.length) return MISSING;
      current = current[step];
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current)) return MISSING;
      if (!Object.prototype.hasOwnProperty.call(current, step as string)) return MISSING;
      current = (current as Record<string, unknown>)[step as string];
    }
  }
  return current;
}

const selectorCache = new Map<string, JsonPath | undefined>();

/**
 * The scalar at `selector` (`$.a.b[0]`) in a JSON event, for metric filter values and dimensions. Undefined when the
 * event is not JSON, the selector is invalid or leads nowhere, or it points at an object or array (which AWS never
 * treats as a value).
 */
export function resolveJsonSelector(message: string, selector: string): string | number | boolean | null | undefined {
  let path = selectorCache.get(selector);
  if (path === undefined && !selectorCache.has(selector)) {
    path = parseSelectorText(selector);
    if (selectorCache.size > 1000) selectorCache.clear();
    selectorCache.set(selector, path);
  }
  if (path === undefined) return undefined;
  const root = parseJsonMessage(message);
  if (root === MISSING) return undefined;
  const value = resolvePath(root, path);
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return undefined;
}
