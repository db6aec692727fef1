/**
 * The ten Logs Insights queries of the insights bench, each beside the DuckDB query a person would write by hand over
 * `events(log_stream, timestamp, message)` for the same rows. Hand queries name their columns as Insights does and
 * render `@timestamp`-like values as `YYYY-MM-DD HH:MM:SS.mmm`; numbers are rendered by the comparison, once.
 * `ordered` says whether the query's row order is total (then the order is compared too).
 */
export interface InsightsCase {
  readonly name: string;
  readonly query: string;
  readonly sql: string;
  readonly ordered: boolean;
}

const TS = (ms: string): string => `strftime(make_timestamp(${ms} * 1000), '%Y-%m-%d %H:%M:%S.%g')`;
const PROMPT = `message->>'$.input.inputBodyJson.messages[0].content[0].text'`;
const LATENCY = `TRY_CAST(message->>'$.output.outputBodyJson.metrics.latencyMs' AS DOUBLE)`;

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
    name: 'output tokens by operation',
    query: 'filter not ispresent(errorCode) | stats avg(output.outputTokenCount) as avgOut, max(output.outputTokenCount) as maxOut, count(*) as n by operation',
    sql: `SELECT message->>'$.operation' AS operation, avg(TRY_CAST(message->>'$.output.outputTokenCount' AS DOUBLE)) AS avgOut,
            max(TRY_CAST(message->>'$.output.outputTokenCount' AS DOUBLE)) AS maxOut, count(*) AS n
          FROM events WHERE message->>'$.errorCode' IS NULL GROUP BY 1`,
    ordered: false,
  },
  {
    name: 'calls and distinct callers per 5 minutes',
    query: 'stats count(*) as calls, count_distinct(identity.arn) as callers by bin(5m)',
    sql: `SELECT ${TS('(timestamp // 300000) * 300000')} AS "bin(5m)", count(*) AS calls, count(DISTINCT message->>'$.identity.arn') AS callers
          FROM events GROUP BY 1`,
    ordered: false,
  },
];
