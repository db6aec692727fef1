import type { Operation } from '../../../kernel/index.js';
import type { MetricFilterMatchRecord, TestMetricFilterRequest, TestMetricFilterResponse } from '../../../models/logs/index.js';
import { matchFilterPattern } from '../../../filter-pattern/index.js';
import { parsePatternInput } from '../filter-pattern-input.js';
import { parseLogsInput } from '../logs-input.js';

/** TestMetricFilter: which of the sample messages match, numbered from 1, with the values the pattern extracts. */
export function testMetricFilter(): Operation<unknown, TestMetricFilterResponse> {
  return async (raw) => {
    const input = parseLogsInput<TestMetricFilterRequest>('TestMetricFilter', raw);
    const pattern = parsePatternInput(input.filterPattern, 'metric-filter');
    const matches: MetricFilterMatchRecord[] = [];
    input.logEventMessages.forEach((message, index) => {
      const match = matchFilterPattern(pattern, message);
      if (match !== undefined) matches.push({ eventNumber: index + 1, eventMessage: message, extractedValues: { ...match.extractedValues } });
    });
    return { matches };
  };
}
