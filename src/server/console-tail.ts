import { randomUUID } from 'node:crypto';
import { authenticate, type AuthConfig } from '../auth/index.js';
import { ServiceError, isServiceError, type Clock } from '../kernel/index.js';
import type { WireRequest } from '../protocols/index.js';
import { parseCursor, type ConsoleTailItem, type LiveTail } from '../services/logs/index.js';
import type { TailPosition } from '../storage/index.js';
import { consoleTailRequest } from './console-tail-request.js';

export const CONSOLE_TAIL_PATH = '/_modelwatch/tail';
/** Comment lines keep proxies and browsers from timing an idle stream out. */
const HEARTBEAT_MS = 15_000;

export interface ConsoleTailOptions {
  readonly liveTail: LiveTail;
  readonly auth: AuthConfig;
  readonly clock: Clock;
  readonly logError: (message: string, error: unknown) => void;
}

/** What the stream needs of an HTTP/1.1 or HTTP/2 response. */
export interface Reply {
  readonly destroyed: boolean;
  writeHead(status: number, headers: Record<string, string>): unknown;
  write(chunk: string): boolean;
  end(chunk: string): unknown;
  once(event: 'close' | 'drain', listener: () => void): unknown;
}

export interface ConsoleTail {
  claims(request: WireRequest): boolean;
  serve(request: WireRequest, reply: Reply): Promise<void>;
  /** Ends every open stream (graceful shutdown would otherwise wait for them forever). */
  closeAll(): void;
}

/**
 * `GET /_modelwatch/tail`: Live Tail for the web console as Server-Sent Events. SigV4-authenticated like the Logs
 * API (a presigned URL with signing name `logs` works, since EventSource cannot set headers); each matching event is
 * written the moment it is stored, with `id:` its cursor, so `Last-Event-ID` (or `after=`, or `since=` a time)
 * resumes without loss or duplicates. HTTP lives here; the session is the logs service's.
 */
export function createConsoleTail(options: ConsoleTailOptions): ConsoleTail {
  const open = new Set<() => void>();
  return {
    claims: (request) => request.path === CONSOLE_TAIL_PATH,
    closeAll: () => [...open].forEach((end) => end()),
    async serve(request, reply) {
      const requestId = randomUUID();
      let stream;
      try {
        if (request.method !== 'GET') throw new ServiceError('MethodNotAllowed', `${request.method} is not supported here; use GET.`, { httpStatus: 405 });
        const caller = await authenticateLogs(request, options);
        const scope = { accountId: caller.accountId, region: caller.region };
        stream = await options.liveTail.openConsoleStream(scope, consoleTailRequest(request.query), resumePosition(request));
      } catch (error) {
        if (!isServiceError(error)) options.logError(`console tail ${requestId} failed`, error);
        writeError(reply, isServiceError(error) ? error : new ServiceError('ServiceUnavailableException', 'The service cannot complete the request.', { fault: 'server' }), requestId);
        return;
      }
      reply.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-amzn-requestid': requestId, 'x-accel-buffering': 'no' });
      reply.write(`retry: 1000\n: live tail ${requestId}\n\n`);
      const heartbeat = setInterval(() => reply.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const end = (): void => void stream.return();
      open.add(end);
      reply.once('close', end);
      try {
        for await (const items of stream) {
          if (reply.destroyed) break;
          if (!reply.write(items.map(frame).join(''))) {
            await new Promise<void>((resolve) => {
              reply.once('drain', resolve);
              reply.once('close', resolve);
            });
          }
        }
      } catch (error) {
        options.logError(`console tail ${requestId} stream failed`, error);
      } finally {
        clearInterval(heartbeat);
        open.delete(end);
        await stream.return();
        if (!reply.destroyed) reply.end('');
      }
    },
  };
}

async function authenticateLogs(request: WireRequest, options: ConsoleTailOptions) {
  const call = await authenticate(request, options.auth, options.clock.now()).catch((error: unknown) => {
    throw isServiceError(error) ? new ServiceError(error.code, error.message, { httpStatus: 403 }) : error;
  });
  if (call.signingName !== 'logs') {
    throw new ServiceError('InvalidSignatureException', "Credential should be scoped to correct service: 'logs'. ", { httpStatus: 403 });
  }
  return call.caller;
}

/** `Last-Event-ID` (a reconnecting EventSource) wins over `after=`; `since=` is an epoch-millisecond ingestion time. */
function resumePosition(request: WireRequest): TailPosition | undefined {
  const cursor = request.headers['last-event-id'] ?? request.query.get('after') ?? undefined;
  if (cursor !== undefined && cursor !== '') {
    const position = parseCursor(cursor);
    if (position === undefined) throw new ServiceError('InvalidParameterException', `Invalid resume cursor '${cursor}'.`);
    return position;
  }
  const since = request.query.get('since');
  if (since === null) return undefined;
  if (!/^\d{1,15}$/.test(since)) throw new ServiceError('InvalidParameterException', `since must be epoch milliseconds, not '${since}'.`);
  return { kind: 'since', ingestionTime: Number(since) };
}

/** Event items are shared by every session that delivers the event, so each one's frame is built once. */
const frames = new WeakMap<ConsoleTailItem, string>();

function frame(item: ConsoleTailItem): string {
  if (item.kind === 'event') {
    let text = frames.get(item);
    if (text === undefined) {
      text = `id: ${item.cursor}\ndata: ${item.json}\n\n`;
      frames.set(item, text);
    }
    return text;
  }
  return `event: dropped\ndata: ${JSON.stringify({ dropped: item.count, ...(item.resumeCursor === undefined ? {} : { resumeCursor: item.resumeCursor }) })}\n\n`;
}

/** The awsJson error shape (`__type`, `message`, `x-amzn-ErrorType`), so SDK-minded clients read it as usual. */
function writeError(reply: Reply, error: ServiceError, requestId: string): void {
  const body = JSON.stringify({ __type: error.code, message: error.message });
  reply.writeHead(error.httpStatus, {
    'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId, 'x-amzn-errortype': error.code, 'content-length': String(Buffer.byteLength(body)),
  });
  reply.end(body);
}
