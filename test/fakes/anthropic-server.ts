import type { ServerResponse } from 'node:http';
import { delay, sendJson, startFakeHttpServer, type FakeServer, type RecordedRequest } from './fake-http.js';

/**
 * A small but faithful Anthropic Messages API server: `POST /v1/messages` answered as JSON or, with
 * `stream: true`, as Anthropic's named SSE events (message_start, ping, content_block_start/delta/stop,
 * message_delta, message_stop). It checks what the real API checks first (`anthropic-version`, `x-api-key` when
 * configured, `model`, `max_tokens`), answers with Anthropic's error JSON, and takes scripted replies and failures.
 */

export type FakeAnthropicBlock =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'tool_use'; readonly id: string; readonly name: string; readonly input: unknown }
  | { readonly type: 'thinking'; readonly thinking: string; readonly signature: string };

export interface FakeAnthropicUsage {
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cache_read_input_tokens?: number;
  readonly cache_creation_input_tokens?: number;
}

export type FakeAnthropicReply =
  | { readonly kind: 'message'; readonly content?: readonly FakeAnthropicBlock[]; readonly stopReason?: string; readonly usage?: FakeAnthropicUsage }
  | { readonly kind: 'status'; readonly status: number; readonly errorType: string; readonly message: string }
  | { readonly kind: 'hang' }
  | { readonly kind: 'malformed' }
  /** Stream: message_start and one text delta, then the connection drops. */
  | { readonly kind: 'disconnect' }
  /** Stream: message_start, then an `error` event of this type. */
  | { readonly kind: 'stream-error'; readonly errorType: string; readonly message: string };

export interface FakeAnthropicServer extends FakeServer {
  enqueue(...replies: FakeAnthropicReply[]): void;
  messageRequests(): RecordedRequest[];
}

export interface FakeAnthropicOptions {
  /** When set, requests must carry this `x-api-key`. */
  readonly apiKey?: string;
}

const DEFAULT_REPLY: FakeAnthropicReply = { kind: 'message', content: [{ type: 'text', text: 'Hello from fake Claude.' }] };
const DEFAULT_USAGE: FakeAnthropicUsage = { input_tokens: 12, output_tokens: 6 };

export async function startFakeAnthropicServer(options: FakeAnthropicOptions = {}): Promise<FakeAnthropicServer> {
  const queue: FakeAnthropicReply[] = [];
  const server = await startFakeHttpServer((request, res) => {
    if (request.method !== 'POST' || request.path !== '/v1/messages') return error(res, 404, 'not_found_error', 'Not found');
    if (request.headers['anthropic-version'] === undefined) return error(res, 400, 'invalid_request_error', 'anthropic-version: header is required');
    if (options.apiKey !== undefined && request.headers['x-api-key'] !== options.apiKey) {
      return error(res, 401, 'authentication_error', 'invalid x-api-key');
    }
    const body = request.body as { model?: unknown; max_tokens?: unknown; messages?: unknown; stream?: unknown } | undefined;
    if (body === undefined || typeof body.model !== 'string') return error(res, 400, 'invalid_request_error', 'model: Field required');
    if (typeof body.max_tokens !== 'number') return error(res, 400, 'invalid_request_error', 'max_tokens: Field required');
    if (!Array.isArray(body.messages)) return error(res, 400, 'invalid_request_error', 'messages: Field required');
    const reply = queue.shift() ?? DEFAULT_REPLY;
    return body.stream === true ? stream(res, reply, body.model) : answer(res, reply, body.model);
  });
  return {
    ...server,
    enqueue: (...replies) => queue.push(...replies),
    messageRequests: () => server.requests.filter((r) => r.path === '/v1/messages'),
  };
}

function error(res: ServerResponse, status: number, type: string, message: string): void {
  sendJson(res, status, { type: 'error', error: { type, message } });
}

function messageShell(model: string): Record<string, unknown> {
  return { id: 'msg_fake01', type: 'message', role: 'assistant', model, stop_sequence: null };
}

function answer(res: ServerResponse, reply: FakeAnthropicReply, model: string): void {
  switch (reply.kind) {
    case 'status':
      return error(res, reply.status, reply.errorType, reply.message);
    case 'hang':
      return;
    case 'malformed':
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end('{"id": "msg_fake01", "content": [');
    case 'disconnect':
    case 'stream-error':
      return void res.socket?.destroy();
    case 'message': {
      const content = reply.content ?? [];
      const stopReason = reply.stopReason ?? (content.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn');
      return sendJson(res, 200, { ...messageShell(model), content, stop_reason: stopReason, usage: reply.usage ?? DEFAULT_USAGE });
    }
  }
}

async function stream(res: ServerResponse, reply: FakeAnthropicReply, model: string): Promise<void> {
  if (reply.kind === 'status' || reply.kind === 'hang') return answer(res, reply, model);
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const send = (type: string, data: Record<string, unknown>): void => void res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
  const usage = reply.kind === 'message' ? reply.usage ?? DEFAULT_USAGE : DEFAULT_USAGE;
  const { output_tokens: outputTokens, ...startUsage } = usage;
  send('message_start', { message: { ...messageShell(model), content: [], stop_reason: null, usage: { ...startUsage, output_tokens: 1 } } });
  if (reply.kind === 'malformed') return void res.end('event: ping\ndata: {"type": "pi\n\n');
  if (reply.kind === 'stream-error') {
    send('error', { error: { type: reply.errorType, message: reply.message } });
    return void res.end();
  }
  send('ping', {});
  if (reply.kind === 'disconnect') {
    send('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
    send('content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'Partial' } });
    await delay(20);
    return void res.socket?.destroy();
  }
  const content = reply.content ?? [];
  content.forEach((block, index) => {
    if (block.type === 'text') {
      send('content_block_start', { index, content_block: { type: 'text', text: '' } });
      for (const piece of block.text.match(/\S+\s*|\s+/g) ?? []) send('content_block_delta', { index, delta: { type: 'text_delta', text: piece } });
    } else if (block.type === 'tool_use') {
      send('content_block_start', { index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } });
      const json = JSON.stringify(block.input);
      const half = Math.ceil(json.length / 2);
      for (const part of [json.slice(0, half), json.slice(half)]) send('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: part } });
    } else {
      send('content_block_start', { index, content_block: { type: 'thinking', thinking: '' } });
      send('content_block_delta', { index, delta: { type: 'thinking_delta', thinking: block.thinking } });
      send('content_block_delta', { index, delta: { type: 'signature_delta', signature: block.signature } });
    }
    send('content_block_stop', { index });
  });
  const stopReason = reply.stopReason ?? (content.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn');
  send('message_delta', { delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: outputTokens } });
  send('message_stop', {});
  res.end();
}
