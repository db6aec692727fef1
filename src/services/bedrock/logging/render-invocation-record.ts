import type { InvocationBody, InvocationOutcome } from '../invocation-outcome.js';
import { bodyJsonText } from './body-json-text.js';
import { isoSeconds } from './build-invocation-record.js';
import type { BodyPlacement } from './plan-record-bodies.js';

/**
 * The record line, byte for byte `JSON.stringify(buildInvocationRecord(outcome, bodies))` (a test holds them equal
 * over every golden case), but with inline bodies spliced in from their cached JSON text instead of serialized again.
 */
export function renderInvocationRecord(outcome: InvocationOutcome, bodies: { readonly input: BodyPlacement; readonly output: BodyPlacement }): string {
  const q = JSON.stringify;
  const usage = outcome.usage;
  let input = `{"inputContentType":${q(outcome.input.contentType)}${bodyMember(bodies.input, outcome.input, 'input')}`;
  if (usage !== undefined) {
    input += `,"inputTokenCount":${q(usage.inputTokens)},"cacheReadInputTokenCount":${q(usage.cacheReadInputTokens ?? 0)},"cacheWriteInputTokenCount":${q(usage.cacheWriteInputTokens ?? 0)}`;
  }
  let line =
    `{"schemaType":"ModelInvocationLog","schemaVersion":"1.0","timestamp":${q(isoSeconds(outcome.startedAt))},` +
    `"accountId":${q(outcome.caller.accountId)},"identity":{"arn":${q(outcome.caller.arn)}},"region":${q(outcome.caller.region)},` +
    `"requestId":${q(outcome.requestId)},"operation":${q(outcome.operation)},"modelId":${q(outcome.modelId)},"input":${input}}`;
  if (outcome.output !== undefined) {
    line += `,"output":{"outputContentType":${q(outcome.output.contentType)}${bodyMember(bodies.output, outcome.output, 'output')}`;
    if (usage !== undefined) line += `,"outputTokenCount":${q(usage.outputTokens)}`;
    line += '}';
  }
  if (outcome.error !== undefined) line += `,"errorCode":${q(outcome.error.code)}`;
  if (outcome.inferenceRegion !== undefined) line += `,"inferenceRegion":${q(outcome.inferenceRegion)}`;
  if (outcome.requestMetadata !== undefined && Object.keys(outcome.requestMetadata).length > 0) line += `,"requestMetadata":${q(outcome.requestMetadata)}`;
  return `${line}}`;
}

function bodyMember(placement: BodyPlacement, body: InvocationBody, which: 'input' | 'output'): string {
  switch (placement.kind) {
    case 'omitted':
      return '';
    case 'inline':
      return `,"${which}BodyJson":${bodyJsonText(body)}`;
    case 'offloaded':
      return `,"${which}BodyS3Path":${JSON.stringify(placement.s3Path)}`;
  }
}
