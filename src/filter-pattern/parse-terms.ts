import type { FilterPattern, TermClause, TermMatcher } from './ast.js';
import { MATCH_ALL } from './ast.js';
import { isSpace, type Scanner } from './scanner.js';

/** AWS: "terms that include characters other than alphanumeric or underscore must be placed inside double quotes". */
const WORD_CHAR = /^[\p{L}\p{N}_]$/u;

/**
 * Unstructured patterns: `ERROR`, `"exact phrase"`, `%regex%`, each optionally prefixed by `?` (any-of) or `-`
 * (exclusion). A `-` or `?` inside a bare word starts a new term, which is how AWS reads `request-id-123` (a search
 * that silently finds nothing unless quoted: `request`, then the exclusions `id` and `123`).
 */
export function parseTerms(scanner: Scanner): FilterPattern {
  const clauses: TermClause[] = [];
  for (;;) {
    scanner.skipSpace();
    if (scanner.atEnd()) break;
    clauses.push(readClause(scanner));
  }
  // AWS documents `" "` as matching every event, although a plain phrase would need a space in the message.
  const only = clauses.length === 1 ? clauses[0] : undefined;
  if (only?.kind === 'phrase' && only.text.trim() === '') return MATCH_ALL;
  if (clauses.length === 0) return MATCH_ALL;
  return { kind: 'terms', clauses };
}

function readClause(scanner: Scanner): TermClause {
  const prefix = scanner.peek();
  if (prefix !== '?' && prefix !== '-') return readMatcher(scanner);
  const at = scanner.pos;
  scanner.pos++;
  // The 2014 guide writes `"ERROR" - "Exiting"`, so whitespace may separate the sign from its term.
  scanner.skipSpace();
  if (scanner.atEnd() || scanner.peek() === '?' || scanner.peek() === '-') {
    scanner.fail(`Expected a term after '${prefix}' but found ${scanner.describeNext()}`, at);
  }
  const matcher = readMatcher(scanner);
  return prefix === '?' ? { kind: 'optional', matcher } : { kind: 'exclusion', matcher };
}

function readMatcher(scanner: Scanner): TermMatcher {
  const start = scanner.pos;
  const first = scanner.peek();
  if (first === '"' || first === '%') {
    const matcher: TermMatcher = first === '"' ? { kind: 'phrase', text: scanner.readQuoted() } : scanner.readRegex();
    if (matcher.kind === 'phrase' && matcher.text === '') {
      scanner.fail(`Invalid character(s) in term '""': an empty phrase matches nothing useful; remove it`, start);
    }
    if (!scanner.atEnd() && !isSpace(scanner.text.charCodeAt(scanner.pos))) {
      scanner.fail(`Expected a space after ${scanner.text.slice(start, scanner.pos)} but found ${scanner.describeNext()}`);
    }
    return matcher;
  }
  const text = scanner.readWhile((ch) => WORD_CHAR.test(ch));
  const stop = scanner.peek();
  if (text === '' || (stop !== '' && stop !== '-' && stop !== '?' && !isSpace(stop.charCodeAt(0)))) {
    const whole = scanner.text.slice(start).split(/[\s]/, 1)[0] ?? '';
    scanner.fail(
      `Invalid character(s) in term '${whole}': terms with characters other than letters, digits and '_' must be enclosed in double quotes`,
      scanner.pos,
    );
  }
  return { kind: 'term', text };
}
