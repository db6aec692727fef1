import type { Operation } from '../../../kernel/index.js';
import type { GetLogRecordRequest, GetLogRecordResponse } from '../../../models/logs/index.js';
import { invalidParameter } from '../errors.js';
import type { InsightsDeps } from '../insights/insights-deps.js';
import { flattenJsonFields } from '../insights/flatten-json-fields.js';
import { scopeOf } from '../log-group-ref.js';
import { parseLogsInput } from '../logs-input.js';

/**
 * GetLogRecord: the whole event a result row's `@ptr` points at, as a field map: the system fields (times as epoch
 * milliseconds, as AWS returns them [observed in AWS's API example]) and, for a JSON event, its flattened fields.
 */
export function getLogRecord({ engine }: InsightsDeps): Operation<unknown, GetLogRecordResponse> {
  return async (raw, ctx) => {
    const input = parseLogsInput<GetLogRecordRequest>('GetLogRecord', raw);
    const scope = scopeOf(ctx);
    const record = await engine.record(scope, input.logRecordPointer);
    if (record === undefined) throw invalidParameter('The specified log record pointer is invalid or the event no longer exists.');
    return {
      logRecord: {
        ...flattenJsonFields(record.message),
        '@timestamp': String(record.timestamp),
        '@ingestionTime': String(record.ingestionTime),
        '@logStream': record.logStreamName,
        '@log': `${scope.accountId}:${record.logGroupName}`,
        '@message': record.message,
      },
    };
  };
}
