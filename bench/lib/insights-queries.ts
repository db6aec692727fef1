/**
 * The ten Logs Insights queries of the insights bench, each beside the DuckDB query a person would write by hand over
 * `events(log_stream, timestamp, message)` for the same rows. Hand queries name their columns as Insights does and
 * render `@timestamp`-like values as `YYYY-MM-DD HH:MM:SS.mmm`; numbers are rendered by the comparison, once.
 * `ordered` says whether the query's row order is total (then the order is compared too).
 */
export interface InsightsCase {
  readonly name: string;
  readonly query: string;
  /** The hand query; a function of the query's range (epoch ms, both inclusive) when it needs it (`diff`). */
  readonly sql: string | ((range: QueryRange) => string);
  readonly ordered: boolean;
}

export interface QueryRange {
  readonly startMs: number;
  readonly endMs: number;
}

export function caseSql(c: InsightsCase, range: QueryRange): string {
  return typeof c.sql === 'string' ? c.sql : c.sql(range);
}

import { HAS_DIGIT, MARK_END, MARK_PIECES, MARK_REST, MARK_START, MARK_TYPE, NUMBER_TOKEN, PREPASS_RULES, SEVERITY_RULES, TOKEN_RULES, TOKEN_SPLIT, UNKNOWN_SEVERITY, UNKNOWN_TYPE } from '../../src/query/pattern-tokens.js';

const TS = (ms: string): string => `strftime(make_timestamp(${ms} * 1000), '%Y-%m-%d %H:%M:%S.%g')`;
const PROMPT = `message->>'$.input.inputBodyJson.messages[0].content[0].text'`;
const LATENCY = `TRY_CAST(message->>'$.output.outputBodyJson.metrics.latencyMs' AS DOUBLE)`;

/**
 * `pattern` written by hand: the same token rules (pattern-tokens.ts says how a line becomes its pattern),
 * as a person would write them straight in DuckDB: regexp_replace for the pre-pass, a lambda over the line's tokens,
 * GROUP BY the template, then the dynamic tokens numbered on the distinct templates.
 */
const lit = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const mark = (type: string): string => lit(`${MARK_START}${type}${MARK_END}`);
// The failed calls' operation, model and error: a short line per call, as `concat` makes it.
const FAILURE = `concat(message->>'$.operation', ' ', message->>'$.modelId', ' ', message->>'$.errorCode')`;
const PREPASSED = PREPASS_RULES.reduce((line, rule) => `regexp_replace(${line}, ${lit(rule.regex)}, ${mark(rule.type)}, 'g')`, FAILURE);
const CLASSIFY = `CASE WHEN regexp_matches(tok, ${lit(`^${MARK_START}`)}) THEN tok WHEN NOT regexp_matches(tok, ${lit(HAS_DIGIT)}) THEN tok
  ${TOKEN_RULES.map((rule) => `WHEN regexp_matches(tok, ${lit(rule.regex)}) THEN ${mark(rule.type)}`).join(' ')}
  WHEN regexp_matches(tok, ${lit(NUMBER_TOKEN)}) THEN ${mark('Number')} || regexp_extract(tok, ${lit(NUMBER_TOKEN)}, 2) ELSE ${mark(UNKNOWN_TYPE)} END`;
const TEMPLATE = `array_to_string(list_transform(regexp_extract_all(${PREPASSED}, ${lit(TOKEN_SPLIT)}), tok -> ${CLASSIFY}), '')`;
const PIECES = `regexp_extract_all(template, ${lit(MARK_PIECES)})`;
const IS_MARK = (piece: string): string => `regexp_matches(${piece}, ${lit(`^${MARK_START}`)})`;
const NUMBERED = `array_to_string(list_transform(${PIECES}, (piece, i) -> CASE WHEN ${IS_MARK('piece')}
  THEN '<' || regexp_extract(piece, ${lit(MARK_TYPE)}, 1) || '-' || CAST(len(list_filter(${PIECES}[1:i], prior -> ${IS_MARK('prior')})) AS VARCHAR) || '>' || coalesce(regexp_extract(piece, ${lit(MARK_REST)}, 1), '')
  ELSE piece END), '')`;
const SEVERITY = `CASE ${SEVERITY_RULES.map((rule) => `WHEN regexp_matches("@pattern", ${lit(rule.regex)}) THEN ${lit(rule.label)}`).join(' ')} ELSE ${lit(UNKNOWN_SEVERITY)} END`;
const ERRORS = `message->>'$.errorCode' IS NOT NULL`;

export const INSIGHTS_CASES: readonly InsightsCase[] = [
  {
    name: 'latest 25 prompts',
    query: 'fields @timestamp, input.inputBodyJson.messages.0.content.0.text as prompt | sort @timestamp desc | limit 25',
    sql: `SELECT ${TS('timestamp')} AS "@timestamp", ${PROMPT} AS prompt FROM events ORDER BY timestamp DESC LIMIT 25`,
    ordered: true,
  },
  {
    name: 'count by model',
    query: 'stats count(*) as calls by modelId | sort calls desc',
    sql: `SELECT message->>'$.modelId' AS modelId, count(*) AS calls FROM events GROUP BY 1 ORDER BY calls DESC`,
    ordered: false,
  },
  {
    name: 'input tokens by hour and model',
    query: 'stats sum(input.inputTokenCount) by bin(1h), modelId',
    sql: `SELECT ${TS('(timestamp // 3600000) * 3600000')} AS "bin(1h)", message->>'$.modelId' AS modelId,
            sum(TRY_CAST(message->>'$.input.inputTokenCount' AS DOUBLE)) AS "sum(input.inputTokenCount)"
          FROM events GROUP BY 1, 2`,
    ordered: false,
  },
  {
    name: 'latency percentiles by model',
    query: 'stats pct(output.outputBodyJson.metrics.latencyMs, 50) as p50, pct(output.outputBodyJson.metrics.latencyMs, 99) as p99 by modelId',
    sql: `SELECT message->>'$.modelId' AS modelId, quantile_disc(${LATENCY}, 0.5) AS p50, quantile_disc(${LATENCY}, 0.99) AS p99
          FROM events GROUP BY 1`,
    ordered: false,
  },
  {
    name: 'regex filter on the prompt',
    query: 'filter input.inputBodyJson.messages.0.content.0.text like /(?i)refund request/ | fields @timestamp, requestId | limit 100',
    sql: `SELECT ${TS('timestamp')} AS "@timestamp", message->>'$.requestId' AS requestId FROM events
          WHERE regexp_matches(${PROMPT}, '(?i)refund request') ORDER BY timestamp DESC LIMIT 100`,
    ordered: true,
  },
  {
    name: 'parse stop reasons',
    query: 'parse @message /"stopReason":"(?<stopReason>[a-z_]+)"/ | stats count(*) as n by stopReason',
    sql: `SELECT NULLIF(regexp_extract(message, '"stopReason":"([a-z_]+)"', 1), '') AS stopReason, count(*) AS n FROM events GROUP BY 1`,
    ordered: false,
  },
  {
    name: 'dedup latest per model and operation',
    query: 'fields @timestamp, modelId, operation | sort @timestamp desc | dedup modelId, operation',
    sql: `SELECT ${TS('timestamp')} AS "@timestamp", message->>'$.modelId' AS modelId, message->>'$.operation' AS operation FROM events
          QUALIFY row_number() OVER (PARTITION BY message->>'$.modelId', message->>'$.operation' ORDER BY timestamp DESC) = 1
          ORDER BY timestamp DESC`,
    ordered: true,
  },
  {
    name: 'throttled calls (errorCode filter)',
    query: 'filter errorCode = "ThrottlingException" | fields @timestamp, requestId, modelId | limit 1000',
    sql: `SELECT ${TS('timestamp')} AS "@timestamp", message->>'$.requestId' AS requestId, message->>'$.modelId' AS modelId FROM events
          WHERE message->>'$.errorCode' = 'ThrottlingException' ORDER BY timestamp DESC LIMIT 1000`,
    ordered: true,
  },
  {
    name: 'patterns of the failed calls',
    query: 'filter ispresent(errorCode) | pattern concat(operation, " ", modelId, " ", errorCode)',
    sql: `WITH grouped AS (SELECT ${TEMPLATE} AS template, CAST(count(*) AS DOUBLE) AS n FROM events WHERE ${ERRORS} GROUP BY 1),
          numbered AS (SELECT ${NUMBERED} AS "@pattern", n / sum(n) OVER () AS "@ratio", n AS "@sampleCount" FROM grouped)
          SELECT *, ${SEVERITY} AS "@severityLabel" FROM numbered`,
    ordered: false,
  },
  {
    name: 'patterns of the failed calls against the period before (diff)',
    query: 'filter ispresent(errorCode) | pattern concat(operation, " ", modelId, " ", errorCode) | diff',
    sql: ({ startMs, endMs }) => {
      const before = { start: startMs - (endMs - startMs + 1), end: startMs - 1 };
      const inNow = `timestamp BETWEEN ${startMs} AND ${endMs}`;
      const inBefore = `timestamp BETWEEN ${before.start} AND ${before.end}`;
      return `WITH grouped AS (SELECT ${TEMPLATE} AS template, CAST(count(*) FILTER (WHERE ${inNow}) AS DOUBLE) AS n,
                CAST(count(*) FILTER (WHERE ${inBefore}) AS DOUBLE) AS before
              FROM events WHERE ${ERRORS} AND timestamp BETWEEN ${before.start} AND ${endMs} GROUP BY 1),
          numbered AS (SELECT ${NUMBERED} AS "@pattern", n / NULLIF(sum(n) OVER (), 0) AS "@ratio", n AS "@sampleCount", before AS "@previousSampleCount" FROM grouped)
          SELECT "@pattern", "@ratio", "@sampleCount", ${SEVERITY} AS "@severityLabel", "@previousSampleCount",
            "@sampleCount" - "@previousSampleCount" AS "@sampleCountChange",
            CASE WHEN "@previousSampleCount" = 0 THEN 'New' WHEN "@sampleCount" = 0 THEN 'Gone' WHEN "@sampleCount" > "@previousSampleCount" THEN 'Increased'
              WHEN "@sampleCount" < "@previousSampleCount" THEN 'Decreased' ELSE 'Unchanged' END AS "@changeType"
          FROM numbered`;
    },
    ordered: false,
  },
];
