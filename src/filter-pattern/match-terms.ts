import type { TermMatcher, TermsPattern } from './ast.js';

/**
 * Term semantics, decided from AWS's own examples rather than guessed:
 * - A term is a case-sensitive SUBSTRING, not a whole word. The TestMetricFilter example in the 2014 API reference
 *   matches `"[ERROR]" Exception` against `... [ERROR] Unhanded exception: InvalidQueryException`, i.e. inside a
 *   word; the 2014 user guide says `ERROR` matches `Exiting with ERRORCODE: -1`; a 2025 write-up observed `ERROR`
 *   matching `ERRORNEOUS PROGRAM` and `ARGUMENT` matching `ARGUMENTS`. (`%AUTHORIZED%` in the regex docs only shows
 *   a regex, not that a plain term would miss `UNAUTHORIZED`.)
 * - Plain terms and phrases must all appear; `-` terms must not appear; `?` terms need at least one to appear.
 * - When a pattern mixes plain and `?` terms, the `?` terms are ignored (observed behaviour reported in the same
 *   write-up: "combination of optional terms and mandatory terms will ignore all optional terms").
 * Allocation free: `includes` and `RegExp.test` on the message, nothing else.
 */
export function matchTerms(pattern: TermsPattern, message: string): boolean {
  const clauses = pattern.clauses;
  let hasRequired = false;
  let hasOptional = false;
  for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i]!;
    if (clause.kind === 'optional') {
      hasOptional = true;
    } else if (clause.kind === 'exclusion') {
      if (occurs(clause.matcher, message)) return false;
    } else {
      hasRequired = true;
      if (!occurs(clause, message)) return false;
    }
  }
  if (hasRequired || !hasOptional) return true;
  for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i]!;
    if (clause.kind === 'optional' && occurs(clause.matcher, message)) return true;
  }
  return false;
}

function occurs(matcher: TermMatcher, message: string): boolean {
  return matcher.kind === 'regex' ? matcher.regex.test(message) : message.includes(matcher.text);
}
