import { ServiceError } from '../../../kernel/index.js';
import { bedrockRuntimeOperations, bedrockRuntimeShapes, type BedrockRuntimeOperationName } from '../../../models/bedrock-runtime/index.js';
import { validateInput } from '../../common/index.js';

/** Validates a runtime request against the operation's input shape; constraint failures are ValidationException. */
export function parseRuntimeInput<T>(operation: BedrockRuntimeOperationName, input: unknown): T {
  const shapeName = bedrockRuntimeOperations[operation].input;
  if (shapeName === undefined) throw new Error(`${operation} has no input shape`);
  try {
    return validateInput<T>(input, { table: bedrockRuntimeShapes, shapeName, errorCode: 'ValidationException' });
  } catch (error) {
    // Bedrock's JSON reader reports wrong JSON types as ValidationException too. [unconfirmed]
    if (error instanceof ServiceError && error.code === 'SerializationException') {
      throw new ServiceError('ValidationException', error.message, { httpStatus: 400, cause: error });
    }
    throw error;
  }
}

/** The model id the caller sent, even from input that fails validation (the outcome names it). */
export function requestedModelId(input: unknown): string {
  const value = typeof input === 'object' && input !== null ? (input as { modelId?: unknown }).modelId : undefined;
  return typeof value === 'string' ? value : '';
}

/** `X-Amzn-Bedrock-Request-Metadata`: a JSON object of strings. Anything else is a ValidationException. */
export function parseRequestMetadataHeader(text: string | undefined): Readonly<Record<string, string>> | undefined {
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !Object.values(parsed).every((v) => typeof v === 'string')) {
    // [unconfirmed] text
    throw new ServiceError('ValidationException', 'The request metadata must be a JSON object of string keys and string values.', { httpStatus: 400 });
  }
  return parsed as Record<string, string>;
}
