import type { ServerResponse } from 'node:http';
import { delay, sendJson, startFakeHttpServer, type FakeServer, type RecordedRequest } from './fake-http.js';

/**
 * A small but faithful OpenAI Chat Completions server (the protocol Ollama, vLLM and llama.cpp also speak):
 * `POST /v1/chat/completions` (JSON, or SSE with `stream: true`, usage chunk only with
 * `stream_options.include_usage`) and `POST /v1/embeddings`. Replies are scripted per request with `enqueue`;
 * without a script it answers a fixed text. Failures can be scripted too: statuses, hangs, malformed bodies,
 * disconnects mid-stream and in-stream error events.
 */

export interface FakeToolCall {
  readonly id: string;
  readonly name: string;
  /** The arguments JSON text exactly as the model "wrote" it (may be broken on purpose). */
  readonly arguments: string;
}

export interface FakeUsage {
  readonly prompt_tokens: number;
  readonly completion_tokens: number;
  readonly cached_tokens?: number;
}

export type FakeChatReply =
  | {
      readonly kind: 'message';
      readonly text?: string;
      readonly reasoning?: string;
      readonly toolCalls?: readonly FakeToolCall[];
      readonly finishReason?: string;
      /** null: the server reports no usage at all. */
      readonly usage?: FakeUsage | null;
      /** Stream: a pause before each chunk, like a slow model. */
      readonly chunkDelayMs?: number;
      /** Answer JSON even when `stream: true` was asked (as some llama.cpp builds and proxies do). */
      readonly ignoreStream?: boolean;
    }
  | { readonly kind: 'status'; readonly status: number; readonly body: string }
  /** Accepts the request and never answers. */
  | { readonly kind: 'hang' }
  /** 200 with a body that is not JSON (non-stream) or an event whose data is not JSON (stream). */
  | { readonly kind: 'malformed' }
  /** Stream: sends `afterChunks` chunks, then drops the connection. Non-stream: drops it at once. */
  | { readonly kind: 'disconnect'; readonly afterChunks?: number }
  /** Stream: one content chunk, then an OpenAI-style `{"error": {...}}` event. */
  | { readonly kind: 'stream-error'; readonly message: string };

export interface FakeOpenAiServer extends FakeServer {
  /** The base URL a provider is configured with (`.../v1`). */
  readonly baseUrl: string;
  enqueue(...replies: FakeChatReply[]): void;
  chatRequests(): RecordedRequest[];
}

export interface FakeOpenAiOptions {
  /** A fixed delay before every answer (the gateway benchmark's upstream). */
  readonly latencyMs?: number;
  /** Keep received requests for assertions (default true). */
  readonly record?: boolean;
  readonly port?: number;
}

export const DEFAULT_REPLY_TEXT = 'Hello from the fake model.';
const DEFAULT_USAGE: FakeUsage = { prompt_tokens: 11, completion_tokens: 7 };

export async function startFakeOpenAiServer(options: FakeOpenAiOptions = {}): Promise<FakeOpenAiServer> {
  const queue: FakeChatReply[] = [];
  const server = await startFakeHttpServer(async (request, res) => {
    if (options.latencyMs !== undefined && options.latencyMs > 0) await delay(options.latencyMs);
    if (request.method !== 'POST') return sendJson(res, 404, { error: { message: 'Not found', type: 'invalid_request_error' } });
    if (request.path === '/v1/embeddings') return answerEmbeddings(request, res);
    if (request.path !== '/v1/chat/completions') return sendJson(res, 404, { error: { message: `Unknown path ${request.path}` } });
    const body = request.body as { model?: unknown; stream?: unknown; stream_options?: { include_usage?: unknown } } | undefined;
    if (body === undefined || typeof body.model !== 'string') {
      return sendJson(res, 400, { error: { message: 'you must provide a model parameter', type: 'invalid_request_error' } });
    }
    const reply = queue.shift() ?? { kind: 'message', text: DEFAULT_REPLY_TEXT };
    if (body.stream === true && !(reply.kind === 'message' && reply.ignoreStream === true)) return streamReply(res, reply, body.model, body.stream_options?.include_usage === true);
    return answerReply(res, reply, body.model);
  }, { ...(options.record === undefined ? {} : { record: options.record }), ...(options.port === undefined ? {} : { port: options.port }) });
  return {
    ...server,
    baseUrl: `${server.url}/v1`,
    enqueue: (...replies) => queue.push(...replies),
    chatRequests: () => server.requests.filter((r) => r.path === '/v1/chat/completions'),
  };
}

function answerReply(res: ServerResponse, reply: FakeChatReply, model: string): void {
  switch (reply.kind) {
    case 'status':
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      return void res.end(reply.body);
    case 'hang':
      return;
    case 'malformed':
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end('{"id": "chatcmpl-1", "choices": [');
    case 'disconnect':
    case 'stream-error':
      return void res.socket?.destroy();
    case 'message': {
      const message: Record<string, unknown> = { role: 'assistant', content: reply.text ?? null };
      if (reply.reasoning !== undefined) message.reasoning_content = reply.reasoning;
      if (reply.toolCalls !== undefined) {
        message.tool_calls = reply.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } }));
      }
      const finish = reply.finishReason ?? (reply.toolCalls === undefined ? 'stop' : 'tool_calls');
      const body: Record<string, unknown> = {
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        created: 1_700_000_000,
        model,
        choices: [{ index: 0, message, finish_reason: finish }],
      };
      const usage = wireUsage(reply.usage);
      if (usage !== undefined) body.usage = usage;
      return sendJson(res, 200, body);
    }
  }
}

async function streamReply(res: ServerResponse, reply: FakeChatReply, model: string, includeUsage: boolean): Promise<void> {
  if (reply.kind !== 'message' && reply.kind !== 'disconnect' && reply.kind !== 'stream-error' && reply.kind !== 'malformed') {
    return answerReply(res, reply, model);
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const chunk = (delta: Record<string, unknown>, finish: string | null = null): void => {
    const data = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1_700_000_000, model, choices: [{ index: 0, delta, finish_reason: finish }] };
    res.write(`data: ${JSON.stringify(data)}\n\n`);
  };
  chunk({ role: 'assistant', content: '' });
  if (reply.kind === 'malformed') return void res.end('data: {"choices": [\n\n');
  if (reply.kind === 'stream-error') {
    chunk({ content: 'Partial' });
    res.write(`data: ${JSON.stringify({ error: { message: reply.message, type: 'server_error' } })}\n\n`);
    return void res.end();
  }
  if (reply.kind === 'disconnect') {
    for (let i = 0; i < (reply.afterChunks ?? 1); i++) chunk({ content: `piece ${i} ` });
    // Let the chunks leave before the connection drops, as a crashing upstream would have sent them.
    return void setTimeout(() => res.socket?.destroy(), 20);
  }
  for (const piece of pieces(reply.reasoning)) chunk({ reasoning_content: piece });
  for (const piece of pieces(reply.text)) {
    if (reply.chunkDelayMs !== undefined) await delay(reply.chunkDelayMs);
    if (res.destroyed) return;
    chunk({ content: piece });
  }
  (reply.toolCalls ?? []).forEach((call, index) => {
    chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] });
    const half = Math.ceil(call.arguments.length / 2);
    for (const part of [call.arguments.slice(0, half), call.arguments.slice(half)]) {
      if (part !== '') chunk({ tool_calls: [{ index, function: { arguments: part } }] });
    }
  });
  chunk({}, reply.finishReason ?? (reply.toolCalls === undefined ? 'stop' : 'tool_calls'));
  const usage = wireUsage(reply.usage);
  if (includeUsage && usage !== undefined) {
    res.write(`data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', model, choices: [], usage })}\n\n`);
  }
  res.end('data: [DONE]\n\n');
}

/** Splits text into word-sized pieces the way a model streams tokens. */
function pieces(text: string | undefined): string[] {
  if (text === undefined || text === '') return [];
  return text.match(/\S+\s*|\s+/g) ?? [text];
}

function wireUsage(usage: FakeUsage | null | undefined): Record<string, unknown> | undefined {
  if (usage === null) return undefined;
  const u = usage ?? DEFAULT_USAGE;
  const wire: Record<string, unknown> = {
    prompt_tokens: u.prompt_tokens,
    completion_tokens: u.completion_tokens,
    total_tokens: u.prompt_tokens + u.completion_tokens,
  };
  if (u.cached_tokens !== undefined) wire.prompt_tokens_details = { cached_tokens: u.cached_tokens };
  return wire;
}

function answerEmbeddings(request: RecordedRequest, res: ServerResponse): void {
  const body = request.body as { model?: unknown; input?: unknown; dimensions?: unknown } | undefined;
  if (body === undefined || typeof body.input !== 'string') return sendJson(res, 400, { error: { message: "'input' is required" } });
  const size = typeof body.dimensions === 'number' ? body.dimensions : 8;
  // Deterministic, not unit length, so a test can tell whether the provider normalised it.
  const embedding = Array.from({ length: size }, (_, i) => ((body.input as string).length + i) % 7);
  const tokens = body.input.split(/\s+/).filter(Boolean).length;
  sendJson(res, 200, {
    object: 'list',
    data: [{ object: 'embedding', index: 0, embedding }],
    model: body.model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  });
}
