import { parseJsonObject } from '../upstream/upstream-http.js';

export interface RawMessagesBody {
  /** The Messages API body to send. */
  readonly body: Record<string, unknown>;
  /** `anthropic_beta` from the Bedrock body, which the Messages API takes as the `anthropic-beta` header. */
  readonly betas: readonly string[];
}

/**
 * Recognises an InvokeModel body in Bedrock's Anthropic Messages format and rewrites it for the Messages API:
 * `anthropic_version` (`bedrock-2023-05-31`) goes (the API takes a header instead), `anthropic_beta` becomes a
 * header, the model name is added and `stream` set as the call needs. Anything else (Claude v2 text completions,
 * Titan, not JSON) is undefined, so the gateway translates it instead.
 */
export function toRawMessagesBody(bytes: Uint8Array, model: string, stream: boolean): RawMessagesBody | undefined {
  const parsed = parseJsonObject(new TextDecoder().decode(bytes));
  if (parsed === undefined || !Array.isArray(parsed.messages)) return undefined;
  if (typeof parsed.anthropic_version !== 'string' && typeof parsed.max_tokens !== 'number') return undefined;
  const { anthropic_version: _version, anthropic_beta: beta, stream: _stream, ...rest } = parsed;
  const betas = Array.isArray(beta) ? beta.filter((b): b is string => typeof b === 'string') : [];
  const body: Record<string, unknown> = { ...rest, model };
  if (stream) body.stream = true;
  return { body, betas };
}
