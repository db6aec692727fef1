import { MetricMathError } from '../metric-math-error.js';
import { parseSearchQuery } from '../search/search-parser.js';
import { isValidPeriod, isValidStatistic } from '../statistic.js';
import type { SearchCall } from './ast.js';
import type { TokenCursor } from './token-cursor.js';

/**
 * `SEARCH('<search expression>', '<Statistic>'[, <Period>])` (search-expression-syntax.html). The search text is
 * parsed now, so a bad search fails the whole expression with a position inside it.
 */
export function parseSearchCall(parser: TokenCursor): SearchCall {
  parser.expectPunct('(');
  const queryToken = parser.next();
  if (queryToken.type !== 'string') throw parser.unexpected(queryToken, 'SEARCH needs a quoted search expression');
  const query = parseSearchQuery(queryToken.value, queryToken.pos + 1);
  parser.expectPunct(',');
  const statToken = parser.next();
  if (statToken.type !== 'string') throw parser.unexpected(statToken, 'SEARCH needs a quoted statistic');
  if (!isValidStatistic(statToken.value)) {
    throw new MetricMathError(`Invalid statistic "${statToken.value}" in SEARCH`, statToken.pos, 'validation');
  }
  let period: number | undefined;
  if (parser.acceptPunct(',')) {
    const periodToken = parser.next();
    if (periodToken.type !== 'number') throw parser.unexpected(periodToken, 'SEARCH period is a number of seconds');
    if (!isValidPeriod(periodToken.value)) {
      const message = `Invalid period ${periodToken.value} in SEARCH: use 1, 5, 10, 20, 30 or a multiple of 60`;
      throw new MetricMathError(message, periodToken.pos, 'validation');
    }
    period = periodToken.value;
  }
  parser.expectPunct(')');
  return { kind: 'search', query, statistic: statToken.value, period };
}
