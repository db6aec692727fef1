import { MESSAGE_JSON_COLUMN, type PlanExpr } from '../plan.js';
import { hasTopLevelBar, skipClass, skipGroup } from './regex-scan.js';

/**
 * A cheap necessary condition on the raw `@message` text for a filter condition on fields of the message: a text the
 * message must contain for the condition to hold. A filter that reads a JSON field (`filter prompt like /refund/`)
 * would otherwise parse every event's JSON; with the prefilter in front, only events whose text contains the literal
 * are parsed. It never changes the result: the exact condition still runs on the events that pass.
 *
 * Why it is sound: in a message without a backslash, JSON has no escapes, so every decoded string value is a
 * verbatim piece of the message text, and a value containing the literal means a message containing it. Messages with
 * a backslash pass unconditionally (the SQL writer adds that), and a literal holds only characters (SAFE) that are
 * never structural JSON. Only conditions whose subject is the message itself or a JSON field of it qualify.
 */
export type MessagePrefilter =
  | { readonly kind: 'text'; readonly text: string; readonly caseInsensitive: boolean }
  | { readonly kind: 'all' | 'any'; readonly parts: readonly MessagePrefilter[] };

/** Plain ASCII, no quote or backslash: such a literal inside a decoded value is the same bytes in the message. */
const SAFE = /^[A-Za-z0-9 _.,:;!?@#%+=~-]+$/;
/** Shorter literals pass too many messages to be worth a second test. */
const MIN_LENGTH = 3;

/**
 * The prefilter of `condition`, if it has one. `fromMessage` says whether an expression's value is text of the
 * message as stored (the message column, or a JSON field of it read from the message, not from an indexed column).
 */
export function messagePrefilter(condition: PlanExpr, fromMessage: (expr: PlanExpr) => boolean): MessagePrefilter | undefined {
  switch (condition.kind) {
    case 'logical': {
      const left = messagePrefilter(condition.left, fromMessage);
      const right = messagePrefilter(condition.right, fromMessage);
      if (condition.op === 'and') {
        if (left === undefined || right === undefined) return left ?? right;
        return { kind: 'all', parts: [left, right] };
      }
      return left === undefined || right === undefined ? undefined : { kind: 'any', parts: [left, right] };
    }
    case 'matches': {
      if (!fromMessage(condition.subject)) return undefined;
      const literal = requiredLiteral(condition.pattern);
      if (literal === undefined) return undefined;
      // A flag group anywhere may turn case-insensitivity on for part of the pattern: test insensitively then.
      return { kind: 'text', text: literal, caseInsensitive: condition.caseInsensitive || condition.pattern.includes('(?') };
    }
    case 'contains':
      if (!fromMessage(condition.subject) || condition.text.kind !== 'literal' || typeof condition.text.value !== 'string') return undefined;
      return safeText(condition.text.value);
    case 'compare': {
      if (condition.op !== '=') return undefined;
      const [field, value] = fromMessage(condition.left) ? [condition.left, condition.right] : [condition.right, condition.left];
      if (!fromMessage(field) || value.kind !== 'literal' || typeof value.value !== 'string') return undefined;
      return safeText(value.value);
    }
    default:
      return undefined;
  }
}

/** Whether `expr` reads the message: the column itself, or a JSON path into the message's JSON. */
export function readsMessage(expr: PlanExpr): boolean {
  if (expr.kind === 'column') return expr.name === '@message';
  return expr.kind === 'json-path' && expr.source.kind === 'column' && expr.source.name === MESSAGE_JSON_COLUMN;
}

function safeText(text: string): MessagePrefilter | undefined {
  return text.length >= MIN_LENGTH && SAFE.test(text) ? { kind: 'text', text, caseInsensitive: false } : undefined;
}

/**
 * The longest safe run of literal characters every match of an RE2 `pattern` contains, or undefined. Conservative:
 * an alternation outside groups gives up; groups (skipped whole), classes, escapes of letters, `.` `^` `$` and
 * characters outside SAFE end a run; a character made optional or repeated by a quantifier leaves it.
 */
export function requiredLiteral(pattern: string, minLength = MIN_LENGTH): string | undefined {
  if (hasTopLevelBar(pattern)) return undefined;
  const runs: string[] = [];
  let run = '';
  const end = (): void => {
    runs.push(run);
    run = '';
  };
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? '';
    if (ch === '*' || ch === '?' || ch === '{') {
      // The atom before is optional (or counted): it leaves the run. A `{n,m}` body is skipped.
      run = run.slice(0, -1);
      end();
      if (ch === '{') i = skipPast(pattern, i, '}');
      else if (pattern[i + 1] === '?') i++;
    } else if (ch === '+') {
      end();
      if (pattern[i + 1] === '?') i++;
    } else if (ch === '(') {
      end();
      i = skipGroup(pattern, i);
    } else if (ch === '[') {
      end();
      i = skipClass(pattern, i);
    } else if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      i++;
      if (/[A-Za-z0-9]/.test(next) || !SAFE.test(next)) end();
      else run += next;
    } else if (ch === '.' || ch === '^' || ch === '$') {
      end();
    } else if (SAFE.test(ch)) {
      run += ch;
    } else {
      // A character JSON may escape or that is structural (`"`, `\`, non-ASCII) cannot be part of the literal.
      end();
    }
  }
  end();
  const long = runs.filter((r) => r.length >= minLength);
  return long.sort((a, b) => b.length - a.length)[0];
}


function skipPast(pattern: string, from: number, close: string): number {
  const at = pattern.indexOf(close, from);
  return at < 0 ? pattern.length : at;
}
