import type { InvocationOutcome } from '../invocation-outcome.js';
import type { BodyPlacement } from './plan-record-bodies.js';

/**
 * The `ModelInvocationLog` record (spec 2.2), members in the order AWS writes them. It is the same document in
 * CloudWatch Logs (one event) and S3 (one NDJSON line); only body placement can differ per destination.
 */
export function buildInvocationRecord(outcome: InvocationOutcome, bodies: { readonly input: BodyPlacement; readonly output: BodyPlacement }): Record<string, unknown> {
  const usage = outcome.usage;
  const input: Record<string, unknown> = { inputContentType: outcome.input.contentType, ...bodyMembers(bodies.input, 'input') };
  if (usage !== undefined) {
    // Token counts only when the backend reported usage: a record never claims 0 tokens it does not know.
    input['inputTokenCount'] = usage.inputTokens;
    input['cacheReadInputTokenCount'] = usage.cacheReadInputTokens ?? 0;
    input['cacheWriteInputTokenCount'] = usage.cacheWriteInputTokens ?? 0;
  }
  const record: Record<string, unknown> = {
    schemaType: 'ModelInvocationLog',
    schemaVersion: '1.0',
    timestamp: isoSeconds(outcome.startedAt),
    accountId: outcome.caller.accountId,
    identity: { arn: outcome.caller.arn },
    region: outcome.caller.region,
    requestId: outcome.requestId,
    operation: outcome.operation,
    modelId: outcome.modelId,
    input,
  };
  if (outcome.output !== undefined) {
    const output: Record<string, unknown> = { outputContentType: outcome.output.contentType, ...bodyMembers(bodies.output, 'output') };
    if (usage !== undefined) output['outputTokenCount'] = usage.outputTokens;
    record['output'] = output;
  }
  if (outcome.error !== undefined) record['errorCode'] = outcome.error.code;
  if (outcome.inferenceRegion !== undefined) record['inferenceRegion'] = outcome.inferenceRegion;
  if (outcome.requestMetadata !== undefined && Object.keys(outcome.requestMetadata).length > 0) {
    record['requestMetadata'] = { ...outcome.requestMetadata };
  }
  return record;
}

function bodyMembers(placement: BodyPlacement, which: 'input' | 'output'): Record<string, unknown> {
  switch (placement.kind) {
    case 'omitted':
      return {};
    case 'inline':
      return { [`${which}BodyJson`]: placement.json };
    case 'offloaded':
      return { [`${which}BodyS3Path`]: placement.s3Path };
  }
}

let lastSecond = Number.NaN;
let lastText = '';

/** `2025-03-11T00:38:02Z`: UTC, second precision (the last second's text is reused: most records share it). */
export function isoSeconds(epochMs: number): string {
  const second = Math.floor(epochMs / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = `${new Date(second * 1000).toISOString().slice(0, 19)}Z`;
  }
  return lastText;
}
