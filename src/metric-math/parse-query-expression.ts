import type { InsightsQuery } from './insights/insights-ast.js';
import { isInsightsQuery, parseInsightsQuery } from './insights/insights-parser.js';
import type { ParsedMath } from './math/parser.js';
import { parseMathExpression } from './math/parser.js';

export interface ParsedInsights {
  readonly kind: 'insights';
  readonly query: InsightsQuery;
}

/** What a MetricDataQuery `Expression` holds: metric math, or a Metrics Insights query (AWS never mixes them). */
export type ParsedQueryExpression = ParsedMath | ParsedInsights;

/** Parses an `Expression`: a Metrics Insights query when it starts with SELECT, metric math otherwise. */
export function parseQueryExpression(text: string): ParsedQueryExpression {
  if (isInsightsQuery(text)) return { kind: 'insights', query: parseInsightsQuery(text) };
  return parseMathExpression(text);
}
