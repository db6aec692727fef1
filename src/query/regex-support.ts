import type { Span } from './ast.js';
import { QuerySyntaxError } from './query-syntax-error.js';

/**
 * Regexes in queries are matched by the database's RE2-style engine: linear time, no look-around and no
 * back-references. Those constructs are refused up front with the regex's span, rather than failing inside SQL.
 * Named groups are written `(?<name>...)` in queries and rewritten to the portable `(?P<name>...)`.
 */
const UNSUPPORTED = [
  { pattern: /\(\?<?[=!]/, what: 'look-around ((?=, (?!, (?<=, (?<!)' },
  { pattern: /\\[1-9]/, what: 'back-references (\\1 ... \\9)' },
];

export function checkRegex(pattern: string, span: Span): void {
  for (const { pattern: construct, what } of UNSUPPORTED) {
    if (construct.test(pattern)) throw new QuerySyntaxError(`regex uses ${what}, which Logs Insights regexes do not support`, span);
  }
  try {
    // JavaScript's syntax is close enough to catch unbalanced groups and dangling quantifiers; RE2's inline flag
    // groups such as (?i) or (?s:...) are not JavaScript, so they are taken out first.
    new RegExp(pattern.replace(/\(\?P</g, '(?<').replace(/\(\?[imsU-]+\)/g, '').replace(/\(\?[imsU-]+:/g, '(?:'));
  } catch (error) {
    throw new QuerySyntaxError(`invalid regex: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`, span);
  }
}

export function portableRegex(pattern: string): string {
  return pattern.replace(/\(\?<([A-Za-z][A-Za-z0-9_]*)>/g, '(?P<$1>');
}

/** How many capture groups (named or not) the pattern has: what `parse /re/ as a, b` names in order. */
export function captureGroupCount(pattern: string): number {
  return groupNumbers(pattern).count;
}

/** The 1-based capture-group number of each named group, counting unnamed groups too and skipping `[...]` classes. */
export function namedGroupNumbers(pattern: string): ReadonlyMap<string, number> {
  return groupNumbers(pattern).named;
}

function groupNumbers(pattern: string): { readonly named: ReadonlyMap<string, number>; readonly count: number } {
  const numbers = new Map<string, number>();
  let count = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern.charAt(i);
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    if (ch !== '(') continue;
    const named = /^\(\?P?<([A-Za-z][A-Za-z0-9_]*)>/.exec(pattern.slice(i));
    if (named !== null) {
      count++;
      numbers.set(named[1] ?? '', count);
    } else if (pattern.charAt(i + 1) !== '?') count++;
  }
  return { named: numbers, count };
}

const REGEX_SPECIAL = /[\\^$.|?*+()[\]{}]/g;

/**
 * A `parse` glob as a regex: literal text matched exactly, each `*` a capture. Every capture but the last is lazy, so
 * `"[*] * The error was: *"` splits at the first literal that follows; the last one takes the rest of the text.
 */
export function globToRegex(glob: string): string {
  const parts = glob.split('*').map((literal) => literal.replace(REGEX_SPECIAL, '\\$&'));
  return parts.map((literal, index) => (index === 0 ? literal : `${index === parts.length - 1 ? '(.*)' : '(.*?)'}${literal}`)).join('');
}
