import { FilterPatternError, parseFilterPattern, type FilterPattern } from '../../filter-pattern/index.js';
import { invalidParameter } from './errors.js';

/**
 * Parses a filter pattern from a request, mapping a syntax error to InvalidParameterException. FilterLogEvents
 * prefixes the detail with "Invalid filter pattern: " (observed); metric filters report the detail alone (observed
 * for subscription filters: "Invalid character(s) in term '?'").
 */
export function parsePatternInput(text: string, style: 'filter-log-events' | 'metric-filter'): FilterPattern {
  try {
    return parseFilterPattern(text);
  } catch (error) {
    if (!(error instanceof FilterPatternError)) throw error;
    throw invalidParameter(style === 'filter-log-events' ? `Invalid filter pattern: ${error.message}` : error.message);
  }
}
