import type { FilterPattern } from './ast.js';
import { assertNever } from '../kernel/index.js';
import { matchJson } from './match-json.js';
import { matchSpaceDelimited } from './match-space.js';
import { matchTerms } from './match-terms.js';

/**
 * A matching event. `extractedValues` is what TestMetricFilter returns: `$name` / `$<position>` fields for
 * space-delimited patterns, empty for the other families (AWS: "If you are not using a space-delimited filter, this
 * will be empty").
 */
export interface FilterMatch {
  readonly extractedValues: Readonly<Record<string, string>>;
}

/** Shared by every non-space-delimited match, so matching terms and JSON allocates nothing per event. */
const PLAIN_MATCH: FilterMatch = Object.freeze({ extractedValues: Object.freeze({}) });

/** Matches one event message; undefined means no match. */
export function matchFilterPattern(pattern: FilterPattern, message: string): FilterMatch | undefined {
  switch (pattern.kind) {
    case 'match-all':
      return PLAIN_MATCH;
    case 'terms':
      return matchTerms(pattern, message) ? PLAIN_MATCH : undefined;
    case 'json':
      return matchJson(pattern, message) ? PLAIN_MATCH : undefined;
    case 'space-delimited': {
      const extractedValues = matchSpaceDelimited(pattern, message);
      return extractedValues === undefined ? undefined : { extractedValues };
    }
    default:
      return assertNever(pattern, 'filter pattern');
  }
}
