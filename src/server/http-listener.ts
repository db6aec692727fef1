import { createServer as createHttp1Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttp2Server, type Http2ServerRequest, type Http2ServerResponse, type Http2Session } from 'node:http2';
import { createServer as createTcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * One TCP port that speaks HTTP/1.1 and cleartext HTTP/2 with prior knowledge. The JS bedrock-runtime client talks
 * h2c by default while every other client uses HTTP/1.1, so each connection's first bytes decide which server gets it.
 */
export type RequestHandler = (
  request: IncomingMessage | Http2ServerRequest,
  response: ServerResponse | Http2ServerResponse,
) => void;

export interface Listener {
  readonly url: string;
  readonly port: number;
  /** Stops accepting, waits for in-flight requests to finish, then closes every connection. */
  close(): Promise<void>;
}

const H2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

export async function listen(host: string, port: number, handler: RequestHandler): Promise<Listener> {
  let inFlight = 0;
  let closing = false;
  let drained: (() => void) | undefined;
  const track: RequestHandler = (request, response) => {
    inFlight += 1;
    if (closing && 'setHeader' in response && !('stream' in response)) response.setHeader('connection', 'close');
    response.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
    handler(request, response);
  };

  const http1 = createHttp1Server({ keepAliveTimeout: 65_000, requestTimeout: 120_000 }, track);
  const http2 = createHttp2Server({}, track);
  const sessions = new Set<Http2Session>();
  http2.on('session', (session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });
  const sockets = new Set<Socket>();
  // noDelay: http.Server sets it on the sockets it accepts itself, but these arrive through 'connection'. Without it
  // Nagle holds a stream's first event frame behind the unacknowledged headers for a delayed ACK (~40 ms).
  const tcp = createTcpServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    sniff(socket, (isHttp2) => (isHttp2 ? http2 : http1).emit('connection', socket));
  });

  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(port, host, () => resolve());
  });
  const address = tcp.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    async close() {
      closing = true;
      const stopped = new Promise<void>((resolve) => tcp.close(() => resolve()));
      http1.closeIdleConnections();
      for (const session of sessions) session.close();
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      http1.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await stopped;
    },
  };
}

/** Reads just enough of a new connection to tell an HTTP/2 preface from an HTTP/1 request line, then hands it on. */
function sniff(socket: Socket, handOver: (isHttp2: boolean) => void): void {
  let seen = Buffer.alloc(0);
  const onData = (chunk: Buffer): void => {
    seen = Buffer.concat([seen, chunk]);
    const compared = Math.min(seen.length, H2_PREFACE.length);
    const isHttp2Prefix = seen.subarray(0, compared).equals(H2_PREFACE.subarray(0, compared));
    if (isHttp2Prefix && seen.length < H2_PREFACE.length) return;
    socket.off('data', onData);
    socket.pause();
    socket.unshift(seen);
    handOver(isHttp2Prefix);
    process.nextTick(() => socket.resume());
  };
  socket.on('data', onData);
  socket.once('error', () => socket.destroy());
}
