import type { ConverseRequest, ConverseResult, ConverseStreamEvent } from '../converse-types.js';
import type { EmbedRequest, EmbedResult, ModelProvider, ProviderCall } from '../model-provider.js';
import { Deadline } from '../upstream/deadline.js';
import { nodeHttpFetch } from '../upstream/node-http-fetch.js';
import { readSse } from '../upstream/read-sse.js';
import { parseJsonObject, postUpstream, readJsonObject, type FetchFn } from '../upstream/upstream-http.js';
import { streamFailure } from '../upstream/upstream-errors.js';
import { resultEvents } from '../upstream/result-events.js';
import { withResponseFields } from '../upstream/with-response-fields.js';
import { ChatStreamTranslator } from './chat-stream-translator.js';
import { fromChatResponse } from './from-chat-response.js';
import { fromEmbeddingsResponse, toEmbeddingsRequest } from './embeddings.js';
import type { OpenAiCompatibleOptions } from './openai-compatible-options.js';
import { toChatRequest } from './to-chat-request.js';

export interface OpenAiCompatibleDeps {
  readonly fetch?: FetchFn;
}

/** A ModelProvider over any server that speaks OpenAI's Chat Completions (Ollama, vLLM, llama.cpp, OpenAI...). */
export function createOpenAiCompatibleProvider(options: OpenAiCompatibleOptions, deps: OpenAiCompatibleDeps = {}): ModelProvider {
  const fetchFn: FetchFn = deps.fetch ?? nodeHttpFetch;
  const headers: Record<string, string> = { ...options.headers, 'content-type': 'application/json' };
  if (options.apiKey !== undefined) headers.authorization = `Bearer ${options.apiKey}`;

  const post = (path: string, body: unknown, deadline: Deadline, resourceName: string): Promise<Response> =>
    postUpstream({ fetch: fetchFn, url: `${options.baseUrl}${path}`, headers, body: JSON.stringify(body), deadline, resourceName });

  async function converse(call: ProviderCall<ConverseRequest>): Promise<ConverseResult> {
    const body = toChatRequest(call.request, { model: call.upstreamModel, maxTokensField: options.maxTokensField });
    const deadline = new Deadline(call.signal, options.timeoutMs);
    try {
      const response = await post('/chat/completions', body, deadline, call.upstreamModel);
      const json = await readJsonObject(response, deadline, call.upstreamModel);
      return withResponseFields(fromChatResponse(json, call.upstreamModel), json, call.request);
    } finally {
      deadline.dispose();
    }
  }

  async function* converseStream(call: ProviderCall<ConverseRequest>): AsyncGenerator<ConverseStreamEvent> {
    const stream = { includeUsage: options.streamUsage };
    const body = toChatRequest(call.request, { model: call.upstreamModel, maxTokensField: options.maxTokensField, stream });
    const deadline = new Deadline(call.signal, options.timeoutMs);
    try {
      const response = await post('/chat/completions', body, deadline, call.upstreamModel);
      if (isJson(response)) {
        yield* resultEvents(fromChatResponse(await readJsonObject(response, deadline, call.upstreamModel), call.upstreamModel));
        return;
      }
      const translator = new ChatStreamTranslator();
      deadline.disarm(); // the backend has answered; until the next read, we wait for the caller, not for it
      yield* translator.start();
      let done = false;
      for await (const event of readSse(response, deadline)) {
        if (event.data === '[DONE]') {
          done = true;
          break;
        }
        const json = parseJsonObject(event.data);
        if (json === undefined) throw streamFailure(`The model backend sent a malformed stream event: ${event.data.slice(0, 200)}`);
        yield* translator.chunk(json);
      }
      // A stream cut before `[DONE]` and before any finish_reason is a lost connection, not a short answer.
      if (!done && !translator.hasStopped) throw streamFailure('The model backend closed the stream before it finished.');
      yield* translator.finish();
    } finally {
      deadline.dispose();
    }
  }

  async function embed(call: ProviderCall<EmbedRequest>): Promise<EmbedResult> {
    const deadline = new Deadline(call.signal, options.timeoutMs);
    try {
      const response = await post('/embeddings', toEmbeddingsRequest(call.request, call.upstreamModel), deadline, call.upstreamModel);
      return fromEmbeddingsResponse(await readJsonObject(response, deadline, call.upstreamModel), call.request, call.upstreamModel);
    } finally {
      deadline.dispose();
    }
  }

  return { kind: 'openai-compatible', converse, converseStream, ...(options.embeddings ? { embed } : {}) };
}

/** A server that ignored `stream: true` answers one JSON body instead of server-sent events. */
function isJson(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json');
}
