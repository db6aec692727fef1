import type { ConverseRequest, ConverseResult, ConverseStreamEvent } from '../converse-types.js';
import type { ModelProvider, ProviderCall, RawInvokeRequest, RawInvokeResult, RawStreamChunk } from '../model-provider.js';
import { Deadline } from '../upstream/deadline.js';
import { nodeHttpFetch } from '../upstream/node-http-fetch.js';
import { readSse } from '../upstream/read-sse.js';
import { malformedUpstream, streamFailure } from '../upstream/upstream-errors.js';
import { withResponseFields } from '../upstream/with-response-fields.js';
import { parseJsonObject, postUpstream, readBytes, readJsonObject, type FetchFn } from '../upstream/upstream-http.js';
import type { AnthropicOptions } from './anthropic-options.js';
import { fromMessagesResponse } from './from-messages-response.js';
import { toTokenUsage, type WireUsage } from './messages-usage.js';
import { MessagesStreamTranslator } from './messages-stream-translator.js';
import { toRawMessagesBody } from './raw-messages-body.js';
import { toMessagesRequest } from './to-messages-request.js';

export interface AnthropicDeps {
  readonly fetch?: FetchFn;
}

interface SseJson {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly text: string;
}

/** A ModelProvider over Anthropic's Messages API: Converse translated, Bedrock's Anthropic bodies passed through. */
export function createAnthropicProvider(options: AnthropicOptions, deps: AnthropicDeps = {}): ModelProvider {
  const fetchFn: FetchFn = deps.fetch ?? nodeHttpFetch;
  const baseHeaders: Record<string, string> = { ...options.headers, 'content-type': 'application/json', 'anthropic-version': options.anthropicVersion };
  if (options.apiKey !== undefined) baseHeaders['x-api-key'] = options.apiKey;

  const post = (body: unknown, deadline: Deadline, model: string, betas: readonly string[] = []): Promise<Response> => {
    // A call's betas add to the configured `anthropic-beta` header rather than replace it.
    const all = [baseHeaders['anthropic-beta'], ...betas].filter((beta) => beta !== undefined && beta !== '');
    const headers = betas.length === 0 ? baseHeaders : { ...baseHeaders, 'anthropic-beta': all.join(',') };
    return postUpstream({ fetch: fetchFn, url: `${options.baseUrl}/v1/messages`, headers, body: JSON.stringify(body), deadline, resourceName: model });
  };

  /** The SSE events of a streamed Messages call as parsed JSON, ending with message_stop (or a thrown failure). */
  async function* events(body: unknown, call: ProviderCall<unknown>, betas: readonly string[] = []): AsyncGenerator<SseJson> {
    const deadline = new Deadline(call.signal, options.timeoutMs);
    try {
      const response = await post(body, deadline, call.upstreamModel, betas);
      let ended = false;
      for await (const event of readSse(response, deadline)) {
        const data = parseJsonObject(event.data);
        if (data === undefined) throw streamFailure(`The model backend sent a malformed stream event: ${event.data.slice(0, 200)}`);
        const type = typeof data.type === 'string' ? data.type : event.event ?? '';
        yield { type, data, text: event.data };
        if (type === 'message_stop') {
          ended = true;
          break;
        }
      }
      if (!ended) throw streamFailure('The model backend closed the stream before message_stop.');
    } finally {
      deadline.dispose();
    }
  }

  async function converse(call: ProviderCall<ConverseRequest>): Promise<ConverseResult> {
    const { body, betas } = splitBetas(toMessagesRequest(call.request, call.upstreamModel, options.defaultMaxTokens));
    const deadline = new Deadline(call.signal, options.timeoutMs);
    try {
      const response = await post(body, deadline, call.upstreamModel, betas);
      const json = await readJsonObject(response, deadline, call.upstreamModel);
      return withResponseFields(fromMessagesResponse(json, call.upstreamModel), json, call.request);
    } finally {
      deadline.dispose();
    }
  }

  async function* converseStream(call: ProviderCall<ConverseRequest>): AsyncGenerator<ConverseStreamEvent> {
    const { body, betas } = splitBetas(toMessagesRequest(call.request, call.upstreamModel, options.defaultMaxTokens));
    const translator = new MessagesStreamTranslator();
    for await (const event of events({ ...body, stream: true }, call, betas)) yield* translator.translate(event.type, event.data);
  }

  function invokeRaw(call: ProviderCall<RawInvokeRequest>): Promise<RawInvokeResult> | undefined {
    const raw = toRawMessagesBody(call.request.body, call.upstreamModel, false);
    if (raw === undefined) return undefined;
    return (async () => {
      const deadline = new Deadline(call.signal, options.timeoutMs);
      try {
        const response = await post(raw.body, deadline, call.upstreamModel, raw.betas);
        // Anthropic's bytes are passed on exactly as they came; they are parsed only to find the usage.
        const bytes = await readBytes(response, deadline);
        const json = parseJsonObject(new TextDecoder().decode(bytes));
        if (json === undefined) throw malformedUpstream('the body is not a JSON object', call.upstreamModel);
        const usage = toTokenUsage(json.usage as WireUsage | undefined);
        return { body: bytes, contentType: 'application/json', ...(usage === undefined ? {} : { usage }) };
      } finally {
        deadline.dispose();
      }
    })();
  }

  function invokeRawStream(call: ProviderCall<RawInvokeRequest>): AsyncIterable<RawStreamChunk> | undefined {
    const raw = toRawMessagesBody(call.request.body, call.upstreamModel, true);
    if (raw === undefined) return undefined;
    return (async function* (): AsyncGenerator<RawStreamChunk> {
      const translator = new MessagesStreamTranslator();
      for await (const event of events(raw.body, call, raw.betas)) {
        translator.observe(event.type, event.data);
        if (event.type === 'ping') continue; // Bedrock sends no pings
        const bytes = new TextEncoder().encode(event.text);
        const usage = event.type === 'message_stop' ? translator.tokenUsage() : undefined;
        yield usage === undefined ? { bytes } : { bytes, usage };
      }
    })();
  }

  return { kind: 'anthropic', converse, converseStream, invokeRaw, invokeRawStream };
}

/** `anthropic_beta` in `additionalModelRequestFields` is a header for the Messages API, as Bedrock treats it. */
function splitBetas(request: Record<string, unknown>): { body: Record<string, unknown>; betas: string[] } {
  const { anthropic_beta: beta, ...body } = request;
  return { body, betas: Array.isArray(beta) ? beta.filter((b): b is string => typeof b === 'string') : [] };
}
