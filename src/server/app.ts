import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import { mkdirSync } from 'node:fs';
import { ServiceError, isServiceError, systemClock, type Clock } from '../kernel/index.js';
import { createAwsJsonCodec, type WireResponse } from '../protocols/index.js';
import { parseAccountsFile, type AuthConfig } from '../auth/index.js';
import { openDuckDbStorage } from '../storage-duckdb/index.js';
import { createMetricFilterPublisher, LiveTail } from '../services/logs/index.js';
import { createInProcessTailBus } from '../storage/index.js';
import { createConsoleTail } from './console-tail.js';
import { handleAdmin, isAdminRequest } from './admin-routes.js';
import { createPrometheusExposition, storeFileSizes } from './prometheus/index.js';
import { startBackgroundJobs } from './background-jobs.js';
import { isLoopback, type ServerConfig } from './config.js';
import { createDispatcher } from './dispatch.js';
import { listen } from './http-listener.js';
import { readRequest } from './read-request.js';
import { buildRouter } from './routes.js';
import { MODELWATCH_VERSION } from './version.js';

export interface RunningServer {
  readonly url: string;
  /** Graceful: finish in-flight requests, stop background work, flush and close the store. */
  close(): Promise<void>;
}

export class StartupError extends Error {}

/** The composition root: opens the store, builds the services and routes, and starts the listener. */
export async function startServer(config: ServerConfig, clock: Clock = systemClock): Promise<RunningServer> {
  if (config.authMode === 'permissive' && !isLoopback(config.host) && !config.allowPermissiveOnNonLoopback) {
    throw new StartupError(
      `refusing to start with --auth permissive on ${config.host}: it accepts any credentials. ` +
        'Listen on loopback, or set auth.allowPermissiveOnNonLoopback in the config file.',
    );
  }
  const auth: AuthConfig = {
    mode: config.authMode,
    keys: parseAccountsFile({ accessKeys: config.accessKeys }),
    defaultAccount: config.defaultAccount,
    acceptTestCredentials: config.acceptTestCredentials,
  };
  mkdirSync(config.dataDir, { recursive: true });
  const storage = await openDuckDbStorage({ dataDir: config.dataDir, memoryLimit: config.storageMemoryLimit });
  const logError = (message: string, error: unknown): void => console.error(`modelwatch: ${message}:`, error);
  const fallbackCodec = createAwsJsonCodec({ version: '1.1', targetPrefix: '' });
  // Metric filters turn appended log events into CloudWatch datapoints, off the PutLogEvents response path.
  const metricFilters = createMetricFilterPublisher({
    store: storage.logs,
    publish: (scope, data) => storage.metrics.putMetricData(scope, data),
    logError,
  });
  // GET /metrics: request metrics fed by the dispatcher; prometheus.invocations is the Bedrock InvocationSink.
  const prometheus = createPrometheusExposition({
    health: {
      storeBytes: () => storeFileSizes(config.dataDir),
      queueDepths: () => ({ metric_filter_publications: metricFilters.pendingCount() }),
    },
  });
  // One Live Tail engine for every write path, StartLiveTail and the console stream (GET /_modelwatch/tail).
  const { maxSessions, sessionTimeoutMs } = config.liveTail;
  const liveTail = new LiveTail({
    bus: createInProcessTailBus(), store: storage.logs,
    ...(maxSessions === undefined ? {} : { maxSessions }), ...(sessionTimeoutMs === undefined ? {} : { timeoutMs: sessionTimeoutMs }),
  });
  const consoleTail = createConsoleTail({ liveTail, auth, clock, logError });
  const dispatch = createDispatcher({
    router: buildRouter({ storage, metricFilters, liveTail }), auth, clock, fallbackCodec, logError, observe: prometheus.observeRequest,
  });
  const jobs = startBackgroundJobs({ logs: storage.logs, clock, retentionSweepMs: config.retentionSweepMs, logError });
  const admin = { version: MODELWATCH_VERSION, allowReset: config.allowReset, reset: () => storage.reset(), prometheus };

  const handle = async (message: IncomingMessage | Http2ServerRequest, reply: ServerResponse | Http2ServerResponse): Promise<void> => {
    let response: WireResponse;
    try {
      const request = await readRequest(message);
      if (consoleTail.claims(request)) {
        await consoleTail.serve(request, reply);
        return;
      }
      response = isAdminRequest(request) ? await handleAdmin(request, admin) : await dispatch(request);
    } catch (error) {
      if (!isServiceError(error)) logError('unexpected failure outside a service', error);
      const failure = isServiceError(error) ? error : new ServiceError('InternalFailure', 'Internal failure.', { fault: 'server' });
      response = fallbackCodec.encodeError(failure, 'none');
    }
    writeResponse(reply, response);
  };

  let listener;
  try {
    listener = await listen(config.host, config.port, (message, reply) => void handle(message, reply));
  } catch (error) {
    await storage.close();
    throw error;
  }
  return {
    url: listener.url,
    async close() {
      // Live-tail responses never finish by themselves: end the sessions once the listener stops accepting.
      const closing = listener.close();
      consoleTail.closeAll();
      liveTail.closeAll();
      await closing;
      await metricFilters.drain();
      await jobs.stop();
      await storage.close();
    },
  };
}

function writeResponse(reply: ServerResponse | Http2ServerResponse, response: WireResponse): void {
  if (reply.headersSent || reply.destroyed) return;
  const body = typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : response.body;
  reply.writeHead(response.status, { ...response.headers, 'content-length': String(body.length) });
  reply.end(body);
}
