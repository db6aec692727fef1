import type { Operation } from '../../../kernel/index.js';
import { discoveredTextFields } from '../../../query/index.js';
import type { GetLogGroupFieldsRequest, GetLogGroupFieldsResponse, LogGroupField } from '../../../models/logs/index.js';
import { flattenJsonFields } from '../insights/flatten-json-fields.js';
import { requireLogGroup, resolveGroupName, scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';
import { retentionFloor, startAfterFloor } from '../retention.js';

const WINDOW_MS = 8 * 60_000;
const DEFAULT_LOOKBACK_MS = 15 * 60_000;
/** The newest events examined: enough for stable percentages, bounded so a busy group answers quickly. */
const SAMPLE_SIZE = 10_000;
const SYSTEM_FIELDS = ['@timestamp', '@message', '@logStream', '@log', '@ingestionTime'];

/**
 * GetLogGroupFields: the fields of the group's events within 8 minutes of `time` (epoch seconds), or the last 15
 * minutes, with the whole-number percentage of events that have each; most frequent first. JSON events contribute
 * their flattened fields, and Lambda, VPC flow log and Route 53 lines the fields of their type, as Logs Insights
 * discovers them.
 */
export function getLogGroupFields({ store }: LogsServiceDeps): Operation<unknown, GetLogGroupFieldsResponse> {
  return async (raw, ctx) => {
    const input = parseLogsInput<GetLogGroupFieldsRequest>('GetLogGroupFields', raw);
    const scope = scopeOf(ctx);
    const logGroupName = resolveGroupName(input, scope);
    const group = await requireLogGroup(store, scope, logGroupName);
    const now = ctx.clock.now();
    const [from, to] = input.time === undefined ? [now - DEFAULT_LOOKBACK_MS, now] : [input.time * 1000 - WINDOW_MS, input.time * 1000 + WINDOW_MS];
    const startTime = startAfterFloor(from, retentionFloor(group, now)) ?? from;
    const events = await store.scanEvents(scope, logGroupName, { startTime, endTime: to, descending: true, limit: SAMPLE_SIZE });
    if (events.length === 0) return { logGroupFields: [] };
    const counts = new Map<string, number>(SYSTEM_FIELDS.map((name) => [name, events.length]));
    for (const event of events) {
      const names = [...Object.keys(flattenJsonFields(event.message)), ...discoveredTextFields(event.message)];
      for (const name of new Set(names)) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const fields: LogGroupField[] = [...counts].map(([name, count]) => ({ name, percent: Math.round((100 * count) / events.length) }));
    fields.sort((a, b) => (b.percent ?? 0) - (a.percent ?? 0) || ((a.name ?? '') < (b.name ?? '') ? -1 : 1));
    return { logGroupFields: fields };
  };
}
