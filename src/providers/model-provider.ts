import type { ConverseRequest, ConverseResult, ConverseStreamEvent, TokenUsage } from './converse-types.js';

/**
 * The port every model backend implements: the built-in simulator, OpenAI-compatible servers (Ollama, vLLM,
 * llama.cpp, OpenAI), the Anthropic Messages API, and real Amazon Bedrock (or another ModelWatch).
 *
 * Backends speak Converse. The gateway translates InvokeModel bodies (Anthropic Messages, Titan Text, Titan
 * Embeddings) to these calls itself, unless the backend takes the raw body natively (`invokeRaw`), as Bedrock and
 * Anthropic do for their own formats.
 *
 * Failures are thrown as kernel `ServiceError`s carrying Bedrock's runtime error codes and statuses (spec 3.6):
 * ThrottlingException 429, ModelTimeoutException 408, ModelErrorException 424 (with `originalStatusCode`),
 * ServiceUnavailableException 503, ValidationException 400, InternalServerException 500. A failure in the middle of
 * a stream is thrown from the iterator; the gateway turns it into the in-stream exception the SDKs expect.
 */
export interface ModelProvider {
  /** Short name for logs and errors, e.g. `openai-compatible`. */
  readonly kind: string;
  converse(call: ProviderCall<ConverseRequest>): Promise<ConverseResult>;
  /** Yields each event as the backend produces it; the first must come as soon as the backend has started. */
  converseStream(call: ProviderCall<ConverseRequest>): AsyncIterable<ConverseStreamEvent>;
  /** Text embeddings (Titan Embeddings bodies). Absent when the backend has no embedding endpoint. */
  embed?(call: ProviderCall<EmbedRequest>): Promise<EmbedResult>;
  /** Image generation (Titan Image / Stability bodies). Only the simulator has it today. */
  generateImage?(call: ProviderCall<ImageRequest>): Promise<ImageResult>;
  /**
   * The InvokeModel body passed through untouched, for a backend that speaks this body format natively. Returns
   * undefined when it does not (the gateway then translates the body to Converse).
   */
  invokeRaw?(call: ProviderCall<RawInvokeRequest>): Promise<RawInvokeResult> | undefined;
  /** Streaming variant of `invokeRaw`: each yielded chunk is one model chunk's JSON bytes. */
  invokeRawStream?(call: ProviderCall<RawInvokeRequest>): AsyncIterable<RawStreamChunk> | undefined;
}

export interface ProviderCall<Request> {
  /** The model name the backend knows, from the config's model map (e.g. `llama3.2` for an Ollama backend). */
  readonly upstreamModel: string;
  /** The model id exactly as the caller sent it (foundation-model id, inference-profile id or ARN). */
  readonly requestedModelId: string;
  readonly request: Request;
  /** Aborted when the caller goes away or the gateway's upstream timeout passes. */
  readonly signal: AbortSignal;
}

export interface EmbedRequest {
  readonly inputText: string;
  /** Requested vector length; the backend's default when absent. */
  readonly dimensions?: number;
  readonly normalize?: boolean;
}

export interface EmbedResult {
  readonly embedding: readonly number[];
  /** Absent when the backend reported no usage. */
  readonly inputTokens?: number;
}

export interface ImageRequest {
  readonly prompt: string;
  readonly width: number;
  readonly height: number;
  readonly count: number;
  readonly seed?: number;
}

export interface ImageResult {
  /** PNG bytes, one per image. */
  readonly images: readonly Uint8Array[];
}

export interface RawInvokeRequest {
  readonly body: Uint8Array;
  readonly contentType: string;
  readonly accept: string;
}

export interface RawInvokeResult {
  readonly body: Uint8Array;
  readonly contentType: string;
  readonly usage?: TokenUsage;
}

export interface RawStreamChunk {
  /** One model chunk's JSON, as InvokeModelWithResponseStream's `chunk.bytes` carries it. */
  readonly bytes: Uint8Array;
  /** Set on the chunk after which the backend's usage is known (usually the last). */
  readonly usage?: TokenUsage;
}
