import type { ConverseRequest, ConverseResult, ConverseStreamEvent } from '../converse-types.js';
import type { EmbedRequest, EmbedResult, ModelProvider, ProviderCall, RawInvokeRequest, RawInvokeResult, RawStreamChunk } from '../model-provider.js';
import { Deadline } from '../upstream/deadline.js';
import { nodeHttpFetch } from '../upstream/node-http-fetch.js';
import { malformedUpstream, streamFailure } from '../upstream/upstream-errors.js';
import { postUpstream, readBytes, readJsonObject, type FetchFn } from '../upstream/upstream-http.js';
import type { BedrockOptions } from './bedrock-options.js';
import { bedrockStatusError, bedrockStreamException } from './bedrock-errors.js';
import { converseEventOf, chunkOf, usageFromHeaders } from './bedrock-stream-events.js';
import { headerString, readEventStreamFrames, type EventStreamMessage } from './event-stream-frames.js';
import { Sigv4Signer } from './sigv4-signer.js';
import { fromWireResult, toWireJson } from './wire-blobs.js';

export interface BedrockDeps {
  readonly fetch?: FetchFn;
}

type Action = 'converse' | 'converse-stream' | 'invoke' | 'invoke-with-response-stream';

/**
 * A ModelProvider that forwards to bedrock-runtime (real Amazon Bedrock or another ModelWatch), re-signed with the
 * upstream's credentials. Every body format goes through untouched (`invokeRaw` always answers); upstream AWS errors
 * keep their code, status and message; in-stream exceptions are rethrown as the same ServiceError.
 */
export function createBedrockProvider(options: BedrockOptions, deps: BedrockDeps = {}): ModelProvider {
  const fetchFn: FetchFn = deps.fetch ?? nodeHttpFetch;
  const signer = new Sigv4Signer(options.region, options.credentials);

  async function send(call: ProviderCall<unknown>, action: Action, body: Uint8Array, headers: Record<string, string>, deadline: Deadline): Promise<Response> {
    const url = new URL(`${options.endpoint}/model/${encodeURIComponent(call.upstreamModel)}/${action}`);
    let signed: Record<string, string>;
    try {
      signed = await signer.headers(url, headers, body);
    } catch (error) {
      throw deadline.failure(error);
    }
    const resourceName = call.upstreamModel;
    const onStatus = (response: Response, text: string) => bedrockStatusError(response, text, resourceName);
    return postUpstream({ fetch: fetchFn, url: url.toString(), headers: signed, body, deadline, resourceName, onStatus });
  }

  async function withDeadline<T>(call: ProviderCall<unknown>, run: (deadline: Deadline) => Promise<T>): Promise<T> {
    const deadline = new Deadline(call.signal, options.timeoutMs);
    try {
      return await run(deadline);
    } finally {
      deadline.dispose();
    }
  }

  async function* frames(call: ProviderCall<unknown>, action: Action, body: Uint8Array, headers: Record<string, string>): AsyncGenerator<{ type: string; payload: Uint8Array }> {
    const deadline = new Deadline(call.signal, options.timeoutMs);
    try {
      const response = await send(call, action, body, { ...headers, accept: 'application/vnd.amazon.eventstream' }, deadline);
      for await (const message of readEventStreamFrames(response, deadline)) yield eventOf(message);
    } finally {
      deadline.dispose();
    }
  }

  const converse = (call: ProviderCall<ConverseRequest>): Promise<ConverseResult> =>
    withDeadline(call, async (deadline) => {
      const response = await send(call, 'converse', encode(toWireJson(converseBody(call.request))), { 'content-type': 'application/json' }, deadline);
      const json = await readJsonObject(response, deadline, call.upstreamModel);
      if (typeof json.stopReason !== 'string' || typeof (json.output as { message?: unknown } | undefined)?.message !== 'object') {
        throw malformedUpstream('no output.message or stopReason', call.upstreamModel);
      }
      return fromWireResult(json);
    });

  async function* converseStream(call: ProviderCall<ConverseRequest>): AsyncGenerator<ConverseStreamEvent> {
    for await (const frame of frames(call, 'converse-stream', encode(toWireJson(converseBody(call.request))), { 'content-type': 'application/json' })) {
      const event = converseEventOf(frame.type, frame.payload);
      if (event !== undefined) yield event;
    }
  }

  const invokeRaw = (call: ProviderCall<RawInvokeRequest>): Promise<RawInvokeResult> =>
    withDeadline(call, async (deadline) => {
      const headers = { 'content-type': call.request.contentType, accept: call.request.accept };
      const response = await send(call, 'invoke', call.request.body, headers, deadline);
      // Bytes, not text: InvokeModel bodies may be binary (image models).
      const body = await readBytes(response, deadline);
      const usage = usageFromHeaders(response.headers);
      return { body, contentType: response.headers.get('content-type') ?? 'application/json', ...(usage === undefined ? {} : { usage }) };
    });

  async function* invokeRawStream(call: ProviderCall<RawInvokeRequest>): AsyncGenerator<RawStreamChunk> {
    const headers = { 'content-type': call.request.contentType, 'x-amzn-bedrock-accept': call.request.accept };
    for await (const frame of frames(call, 'invoke-with-response-stream', call.request.body, headers)) {
      const chunk = chunkOf(frame.type, frame.payload);
      if (chunk !== undefined) yield chunk;
    }
  }

  const embed = (call: ProviderCall<EmbedRequest>): Promise<EmbedResult> =>
    withDeadline(call, async (deadline) => {
      const { inputText, dimensions, normalize } = call.request;
      const titan = { inputText, ...(dimensions === undefined ? {} : { dimensions }), ...(normalize === undefined ? {} : { normalize }) };
      const response = await send(call, 'invoke', encode(JSON.stringify(titan)), { 'content-type': 'application/json', accept: 'application/json' }, deadline);
      const json = await readJsonObject(response, deadline, call.upstreamModel);
      if (!Array.isArray(json.embedding)) throw malformedUpstream('no embedding array', call.upstreamModel);
      const tokens = json.inputTextTokenCount;
      return { embedding: json.embedding as number[], ...(typeof tokens === 'number' ? { inputTokens: tokens } : {}) };
    });

  return { kind: 'bedrock', converse, converseStream, invokeRaw, invokeRawStream, embed };
}

/** An event frame's type and payload; exception and error frames are thrown as Bedrock's errors. */
function eventOf(message: EventStreamMessage): { type: string; payload: Uint8Array } {
  const messageType = headerString(message, ':message-type');
  if (messageType === 'exception') throw bedrockStreamException(headerString(message, ':exception-type') ?? 'internalServerException', message.body);
  if (messageType === 'error') {
    throw streamFailure(`${headerString(message, ':error-code') ?? 'UnknownError'}: ${headerString(message, ':error-message') ?? ''}`);
  }
  return { type: headerString(message, ':event-type') ?? '', payload: message.body };
}

/** The Converse body: `modelId` is a path label, so it is left out if the gateway's input still carries it. */
function converseBody(request: ConverseRequest): Record<string, unknown> {
  const { modelId: _modelId, ...body } = request as ConverseRequest & { modelId?: unknown };
  return body;
}

function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

