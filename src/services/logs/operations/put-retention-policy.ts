import type { Operation } from '../../../kernel/index.js';
import type { PutRetentionPolicyRequest } from '../../../models/logs/index.js';
import { constraintText, validationMessage } from '../../common/index.js';
import { invalidParameter, logGroupNotFound } from '../errors.js';
import { scopeOf } from '../log-group-ref.js';
import type { LogsServiceDeps } from '../logs-deps.js';
import { parseLogsInput } from '../logs-input.js';
import { RETENTION_DAYS } from '../retention.js';

/** PutRetentionPolicy: only the listed day counts; AWS checks them in its validation layer, hence the Coral text. */
export function putRetentionPolicy({ store }: LogsServiceDeps): Operation<unknown, Record<string, never>> {
  return async (raw, ctx) => {
    const input = parseLogsInput<PutRetentionPolicyRequest>('PutRetentionPolicy', raw);
    if (!RETENTION_DAYS.includes(input.retentionInDays)) {
      throw invalidParameter(validationMessage([{
        path: 'retentionInDays',
        valueText: String(input.retentionInDays),
        shape: 'Days',
        constraint: constraintText.enumSet(RETENTION_DAYS.map(String)),
      }]));
    }
    const outcome = await store.updateLogGroup(scopeOf(ctx), input.logGroupName, { retentionInDays: input.retentionInDays });
    if (outcome === 'no-group') throw logGroupNotFound();
    return {};
  };
}
