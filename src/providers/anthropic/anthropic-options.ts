import { DEFAULT_TIMEOUT_MS, OptionReader } from '../upstream/option-reader.js';

/** How to reach Anthropic's Messages API (or a server that speaks it). */
export interface AnthropicOptions {
  /** API root that `/v1/messages` hangs off; `https://api.anthropic.com` by default. */
  readonly baseUrl: string;
  /** Sent as `x-api-key` when set. */
  readonly apiKey?: string;
  /** The `anthropic-version` header. */
  readonly anthropicVersion: string;
  /** Extra request headers, lower-cased (e.g. `anthropic-beta`). */
  readonly headers: Readonly<Record<string, string>>;
  /** Silence limit per call (and between stream events) before ModelTimeoutException. */
  readonly timeoutMs: number;
  /** The Messages API requires `max_tokens`; Converse does not, so this fills it when the caller gave none. */
  readonly defaultMaxTokens: number;
}

const KEYS = ['baseUrl', 'apiKey', 'anthropicVersion', 'headers', 'timeoutMs', 'defaultMaxTokens'] as const;

export function parseAnthropicOptions(raw: unknown, env: Readonly<Record<string, string | undefined>> = process.env): AnthropicOptions {
  const read = new OptionReader(raw, 'anthropic provider', KEYS, env);
  const apiKey = read.secret('apiKey');
  return {
    baseUrl: read.url('baseUrl') ?? 'https://api.anthropic.com',
    ...(apiKey === undefined ? {} : { apiKey }),
    anthropicVersion: read.string('anthropicVersion') ?? '2023-06-01',
    headers: read.headers('headers'),
    timeoutMs: read.positiveInteger('timeoutMs') ?? DEFAULT_TIMEOUT_MS,
    defaultMaxTokens: read.positiveInteger('defaultMaxTokens') ?? 4096,
  };
}
