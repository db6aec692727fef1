import type { ServerResponse } from 'node:http';
import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { authenticate, type AuthConfig } from '../../src/auth/index.js';
import { isServiceError } from '../../src/kernel/index.js';
import { sendJson, startFakeHttpServer, type FakeServer, type RecordedRequest } from './fake-http.js';

/**
 * A small bedrock-runtime: the four runtime operations over restJson1, answering JSON and AWS event-stream frames
 * (encoded with @smithy's codec, headers and `p` padding as real Bedrock sends them). Every request's SigV4
 * signature is verified with ModelWatch's own strict verifier (src/auth), so a mis-signed request fails the way
 * AWS fails it. Replies and failures are scripted with `enqueue`.
 */

export const FAKE_BEDROCK_KEY = { accessKeyId: 'AKIDUPSTREAM', secretAccessKey: 'upstream-secret' } as const;

export type FakeBedrockReply =
  | {
      readonly kind: 'converse';
      readonly text?: string;
      readonly toolUse?: { readonly toolUseId: string; readonly name: string; readonly input: unknown };
      readonly stopReason?: string;
      readonly usage?: Record<string, number>;
    }
  | { readonly kind: 'error'; readonly status: number; readonly code: string; readonly message: string; readonly members?: Record<string, unknown> }
  /** Streams: one event, then an exception frame of this union member name (e.g. `throttlingException`). */
  | { readonly kind: 'stream-exception'; readonly exceptionType: string; readonly message: string; readonly members?: Record<string, unknown> }
  | { readonly kind: 'hang' }
  /** Streams: one event, then half a frame, then the connection drops. */
  | { readonly kind: 'disconnect' };

export interface FakeBedrockRequest extends RecordedRequest {
  readonly modelId: string;
  readonly operation: string;
}

export interface FakeBedrockServer extends FakeServer {
  enqueue(...replies: FakeBedrockReply[]): void;
  calls(): FakeBedrockRequest[];
}

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const ROUTE = /^\/model\/([^/]+)\/(converse|converse-stream|invoke|invoke-with-response-stream)$/;
const AUTH: AuthConfig = {
  mode: 'strict',
  keys: new Map([[FAKE_BEDROCK_KEY.accessKeyId, { secretAccessKey: FAKE_BEDROCK_KEY.secretAccessKey, accountId: '111122223333' }]]),
  defaultAccount: '111122223333',
  acceptTestCredentials: false,
};
const DEFAULT_USAGE = { inputTokens: 5, outputTokens: 4, totalTokens: 9 };

export async function startFakeBedrockRuntime(): Promise<FakeBedrockServer> {
  const queue: FakeBedrockReply[] = [];
  const calls: FakeBedrockRequest[] = [];
  const server = await startFakeHttpServer(async (request, res) => {
    const [path = '', rawQuery = ''] = request.path.split('?');
    const match = ROUTE.exec(path);
    if (request.method !== 'POST' || match === null) return awsError(res, 404, 'UnknownOperationException', 'Unknown operation');
    try {
      const wire = { method: request.method, path, rawQuery, query: new URLSearchParams(rawQuery), headers: request.headers, body: request.rawBody };
      const call = await authenticate(wire, AUTH, Date.now());
      if (call.signingName !== 'bedrock') return awsError(res, 403, 'InvalidSignatureException', `Credential should be scoped to correct service: 'bedrock'.`);
    } catch (error) {
      // Real bedrock-runtime (restJson1) refuses a bad signature with 403, whatever status the JSON services use.
      if (isServiceError(error)) return awsError(res, 403, error.code, error.message);
      throw error;
    }
    const operation = match[2] ?? '';
    calls.push({ ...request, modelId: decodeURIComponent(match[1] ?? ''), operation });
    const reply = queue.shift();
    if (reply?.kind === 'hang') return;
    if (reply?.kind === 'error') return awsError(res, reply.status, reply.code, reply.message, reply.members);
    switch (operation) {
      case 'converse':
        return sendJson(res, 200, converseBody(reply));
      case 'converse-stream':
        return stream(res, converseEvents(reply), reply);
      case 'invoke':
        return invoke(res, request);
      default:
        return stream(res, invokeChunks(), reply);
    }
  });
  return { ...server, enqueue: (...replies) => queue.push(...replies), calls: () => calls };
}

function awsError(res: ServerResponse, status: number, code: string, message: string, members: Record<string, unknown> = {}): void {
  const body = JSON.stringify({ message, ...members });
  res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': `${code}:http://internal.amazon.com/coral/com.amazon.bedrock/` });
  res.end(body);
}

type ConverseReply = Extract<FakeBedrockReply, { kind: 'converse' }>;

function asConverse(reply: FakeBedrockReply | undefined): ConverseReply {
  return reply?.kind === 'converse' ? reply : { kind: 'converse', text: 'Hello from fake Bedrock.' };
}

function converseBody(reply: FakeBedrockReply | undefined): Record<string, unknown> {
  const r = asConverse(reply);
  const content: unknown[] = [];
  if (r.text !== undefined) content.push({ text: r.text });
  if (r.toolUse !== undefined) content.push({ toolUse: r.toolUse });
  return {
    output: { message: { role: 'assistant', content } },
    stopReason: r.stopReason ?? (r.toolUse === undefined ? 'end_turn' : 'tool_use'),
    usage: r.usage ?? DEFAULT_USAGE,
    metrics: { latencyMs: 12 },
  };
}

function converseEvents(reply: FakeBedrockReply | undefined): [string, Record<string, unknown>][] {
  const r = asConverse(reply);
  const events: [string, Record<string, unknown>][] = [['messageStart', { role: 'assistant' }]];
  let index = 0;
  if (r.text !== undefined) {
    for (const piece of r.text.match(/\S+\s*|\s+/g) ?? []) events.push(['contentBlockDelta', { contentBlockIndex: index, delta: { text: piece } }]);
    events.push(['contentBlockStop', { contentBlockIndex: index++ }]);
  }
  if (r.toolUse !== undefined) {
    const { toolUseId, name, input } = r.toolUse;
    events.push(['contentBlockStart', { contentBlockIndex: index, start: { toolUse: { toolUseId, name } } }]);
    events.push(['contentBlockDelta', { contentBlockIndex: index, delta: { toolUse: { input: JSON.stringify(input) } } }]);
    events.push(['contentBlockStop', { contentBlockIndex: index }]);
  }
  events.push(['messageStop', { stopReason: r.stopReason ?? (r.toolUse === undefined ? 'end_turn' : 'tool_use') }]);
  events.push(['metadata', { usage: r.usage ?? DEFAULT_USAGE, metrics: { latencyMs: 12 } }]);
  return events;
}

function invokeChunks(): [string, Record<string, unknown>][] {
  const chunks: Record<string, unknown>[] = [
    { type: 'message_start', message: { id: 'msg_bdrk_01', type: 'message', role: 'assistant', content: [], usage: { input_tokens: 8, output_tokens: 1 } } },
    { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hi' } },
    { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 3 } },
    {
      type: 'message_stop',
      'amazon-bedrock-invocationMetrics': { inputTokenCount: 8, outputTokenCount: 3, invocationLatency: 40, firstByteLatency: 10 },
    },
  ];
  return chunks.map((chunk) => ['chunk', { bytes: Buffer.from(JSON.stringify(chunk)).toString('base64') }]);
}

function invoke(res: ServerResponse, request: RecordedRequest): void {
  const body = request.body as { inputText?: unknown; dimensions?: unknown } | undefined;
  const headers = { 'x-amzn-bedrock-input-token-count': '8', 'x-amzn-bedrock-output-token-count': '3', 'x-amzn-bedrock-invocation-latency': '40' };
  if (typeof body?.inputText === 'string') {
    const size = typeof body.dimensions === 'number' ? body.dimensions : 1024;
    const answer = JSON.stringify({ embedding: Array.from({ length: size }, (_, i) => i / size), inputTextTokenCount: 2 });
    res.writeHead(200, { 'content-type': 'application/json', 'x-amzn-bedrock-input-token-count': '2' });
    return void res.end(answer);
  }
  const answer = JSON.stringify({ id: 'msg_bdrk_01', type: 'message', role: 'assistant', content: [{ type: 'text', text: 'Hi' }], stop_reason: 'end_turn' });
  res.writeHead(200, { 'content-type': 'application/json', ...headers });
  res.end(answer);
}

function frame(type: string, payload: Record<string, unknown>): Uint8Array {
  return codec.encode({
    headers: {
      ':event-type': { type: 'string', value: type },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: 'event' },
    },
    body: fromUtf8(JSON.stringify({ ...payload, p: 'abcdefghijklmnopqrstuvwxyzABCDEFGH' })),
  });
}

function stream(res: ServerResponse, events: [string, Record<string, unknown>][], reply: FakeBedrockReply | undefined): void {
  res.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-bedrock-content-type': 'application/json' });
  const [first, ...rest] = events;
  if (first !== undefined) res.write(frame(...first));
  if (reply?.kind === 'stream-exception') {
    const exception = codec.encode({
      headers: {
        ':exception-type': { type: 'string', value: reply.exceptionType },
        ':content-type': { type: 'string', value: 'application/json' },
        ':message-type': { type: 'string', value: 'exception' },
      },
      body: fromUtf8(JSON.stringify({ message: reply.message, ...reply.members })),
    });
    return void res.end(exception);
  }
  if (reply?.kind === 'disconnect') {
    const next = rest[0] === undefined ? frame('messageStop', { stopReason: 'end_turn' }) : frame(...rest[0]);
    res.write(next.subarray(0, Math.floor(next.byteLength / 2)));
    return void setTimeout(() => res.socket?.destroy(), 20);
  }
  for (const event of rest) res.write(frame(...event));
  res.end();
}
