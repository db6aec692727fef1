import type { ServiceError } from '../../kernel/index.js';
import type { Deadline } from './deadline.js';
import { malformedUpstream, upstreamStatusError } from './upstream-errors.js';

/** The fetch a backend uses; injectable so tests and the gateway can swap transports. */
export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

export interface UpstreamPost {
  readonly fetch: FetchFn;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array;
  readonly deadline: Deadline;
  readonly resourceName: string;
  /** Maps a non-2xx answer; the shared mapping by default (Bedrock keeps AWS's own errors instead). */
  readonly onStatus?: (response: Response, bodyText: string) => ServiceError;
}

/** POSTs to the backend and returns its 2xx response; every failure is already Bedrock's error. */
export async function postUpstream(post: UpstreamPost): Promise<Response> {
  const { deadline } = post;
  deadline.arm();
  let response: Response;
  try {
    response = await post.fetch(post.url, {
      method: 'POST',
      headers: post.headers,
      body: post.body,
      signal: deadline.signal,
    });
  } catch (error) {
    throw deadline.failure(error);
  }
  if (response.ok) return response;
  const text = await readText(response, deadline);
  if (post.onStatus !== undefined) throw post.onStatus(response, text);
  throw upstreamStatusError({ status: response.status, message: upstreamMessage(text, response.status), resourceName: post.resourceName });
}

export async function readText(response: Response, deadline: Deadline): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw deadline.failure(error);
  }
}

export async function readBytes(response: Response, deadline: Deadline): Promise<Uint8Array> {
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw deadline.failure(error);
  }
}

/** Reads a 2xx JSON body; anything that is not a JSON object is the model's malformed output. */
export async function readJsonObject(response: Response, deadline: Deadline, resourceName: string): Promise<Record<string, unknown>> {
  const text = await readText(response, deadline);
  const parsed = parseJsonObject(text);
  if (parsed === undefined) throw malformedUpstream('the body is not a JSON object', resourceName);
  return parsed;
}

export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The human part of an upstream error body: OpenAI and Anthropic use `{error: {message}}`, vLLM/FastAPI `{detail}`,
 * llama.cpp and others `{error: "..."}` or `{message}`; anything else is quoted (cut short).
 */
export function upstreamMessage(text: string, status: number): string {
  const body = parseJsonObject(text);
  if (body !== undefined) {
    const error = body.error;
    if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
      return (error as { message: string }).message;
    }
    for (const key of ['error', 'message', 'Message', 'detail'] as const) {
      if (typeof body[key] === 'string') return body[key];
    }
  }
  const trimmed = text.trim();
  return trimmed === '' ? `HTTP ${status}` : trimmed.slice(0, 500);
}
