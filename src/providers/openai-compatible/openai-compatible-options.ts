import { DEFAULT_TIMEOUT_MS, OptionReader } from '../upstream/option-reader.js';

/** How to reach one OpenAI-compatible server (Ollama, vLLM, llama.cpp, OpenAI, ...). */
export interface OpenAiCompatibleOptions {
  /** The API root that `/chat/completions` hangs off, e.g. `http://127.0.0.1:11434/v1` (no trailing slash). */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>` when set. */
  readonly apiKey?: string;
  /** Extra request headers (e.g. `OpenAI-Organization`), lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /** Silence limit per call (and between stream chunks) before ModelTimeoutException. */
  readonly timeoutMs: number;
  /** OpenAI's reasoning models refuse `max_tokens` and want `max_completion_tokens`. */
  readonly maxTokensField: 'max_tokens' | 'max_completion_tokens';
  /** Ask for usage on streams (`stream_options.include_usage`); turn off for servers that reject the option. */
  readonly streamUsage: boolean;
  /** Whether `POST /embeddings` exists; false leaves `embed` out so embedding models are refused up front. */
  readonly embeddings: boolean;
}

const KEYS = ['baseUrl', 'apiKey', 'headers', 'timeoutMs', 'maxTokensField', 'streamUsage', 'embeddings'] as const;

export function parseOpenAiCompatibleOptions(raw: unknown, env: Readonly<Record<string, string | undefined>> = process.env): OpenAiCompatibleOptions {
  const read = new OptionReader(raw, 'openai-compatible provider', KEYS, env);
  const apiKey = read.secret('apiKey');
  return {
    baseUrl: read.url('baseUrl') ?? missing('baseUrl'),
    ...(apiKey === undefined ? {} : { apiKey }),
    headers: read.headers('headers'),
    timeoutMs: read.positiveInteger('timeoutMs') ?? DEFAULT_TIMEOUT_MS,
    maxTokensField: read.oneOf('maxTokensField', ['max_tokens', 'max_completion_tokens'] as const) ?? 'max_tokens',
    streamUsage: read.boolean('streamUsage') ?? true,
    embeddings: read.boolean('embeddings') ?? true,
  };
}

function missing(key: string): never {
  throw new Error(`openai-compatible provider: "${key}" is required (e.g. "http://127.0.0.1:11434/v1")`);
}
