import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import { mkdirSync } from 'node:fs';
import { ServiceError, isServiceError, systemClock, type Clock } from '../kernel/index.js';
import { createAwsJsonCodec, type WireRequest, type WireResponse } from '../protocols/index.js';
import { createRestXmlCodec } from '../protocols/rest-xml/index.js';
import { parseAccountsFile, parseBearerTokens, parseCredentialScope, type AuthConfig } from '../auth/index.js';
import { openDuckDbStorage } from '../storage-duckdb/index.js';
import { openLocalObjectStore } from '../storage-local/index.js';
import { createMetricFilterPublisher, LiveTail } from '../services/logs/index.js';
import { createInProcessTailBus } from '../storage/index.js';
import { createConsoleTail } from './console-tail.js';
import { handleAdmin, isAdminRequest } from './admin-routes.js';
import { createPrometheusExposition, storeFileSizes } from './prometheus/index.js';
import { startBackgroundJobs } from './background-jobs.js';
import { isLoopback, type ServerConfig } from './config.js';
import { createDispatcher } from './dispatch.js';
import { listen } from './http-listener.js';
import { BodyBufferPool } from './body-buffer-pool.js';
import { readRequest } from './read-request.js';
import { writeResponse } from './write-response.js';
import { buildRouter } from './routes.js';
import { s3SigV2Rejection, s3TransportError } from './s3-transport-errors.js';
import { buildModelCatalog, providerKinds } from './model-registry.js';
import { openInvocationLogging } from './invocation-logging.js';
import { fanOutInvocations } from './fan-out-invocations.js';
import { MODELWATCH_VERSION } from './version.js';

export interface RunningServer {
  readonly url: string;
  /** Graceful: finish in-flight requests, stop background work, flush and close the store. */
  close(): Promise<void>;
}

export class StartupError extends Error {}

/** The composition root: opens the stores, builds the services and routes, and starts the listener. */
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
    bearerTokens: parseBearerTokensOrFail(config.bearerTokens),
  };
  const catalog = buildModelCatalog(config.models, providerKinds(config.secretsEnv));
  mkdirSync(config.dataDir, { recursive: true });
  const storage = await openDuckDbStorage({ dataDir: config.dataDir, memoryLimit: config.storageMemoryLimit });
  const objects = await openLocalObjectStore({ dataDir: config.dataDir, clock });
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
  // Bedrock: every runtime call's outcome goes to invocation logging (records to CloudWatch Logs and S3, the
  // AWS/Bedrock metrics) and to the Prometheus exposition; the control plane serves the logging configuration.
  const logging = await openInvocationLogging({
    storage,
    dataDir: config.dataDir,
    clock,
    objects: {
      bucketOf: async (name) => objects.getBucket(name),
      putObject: async (object) => void (await objects.putObject(object)),
    },
    afterAppend: metricFilters.afterAppend,
    liveTail,
    logError,
    loggerOptions: config.invocationLogging,
  });
  const invocationSink = fanOutInvocations([logging.logger, prometheus.invocations], logError);
  const s3ErrorCodec = createRestXmlCodec({ virtualHostSuffixes: [] });
  const unrouted = (request: WireRequest, requestId: string): WireResponse | undefined => s3SigV2Rejection(request, requestId, s3ErrorCodec);
  const dispatch = createDispatcher({
    router: buildRouter({ storage, objects, metricFilters, liveTail, catalog, invocationSink, bedrockControlOperations: logging.operations }), auth, clock, fallbackCodec, unrouted, logError, observe: prometheus.observeRequest,
  });
  const jobs = startBackgroundJobs({ logs: storage.logs, clock, retentionSweepMs: config.retentionSweepMs, logError });
  const reset = async (): Promise<void> => {
    // Records still queued were for resources about to vanish: deliver them first, then wipe everything.
    await logging.logger.flush();
    await Promise.all([storage.reset(), objects.reset()]);
  };
  const admin = { version: MODELWATCH_VERSION, allowReset: config.allowReset, reset, prometheus };

  const bodyPool = new BodyBufferPool();
  const handle = async (message: IncomingMessage | Http2ServerRequest, reply: ServerResponse | Http2ServerResponse): Promise<void> => {
    let response: WireResponse;
    let release = (): void => undefined;
    // The client leaving (connection or HTTP/2 stream closed before the answer ends) aborts the operation's backend.
    const gone = new AbortController();
    reply.once('close', () => gone.abort());
    try {
      // S3 bodies are the object's bytes (`Content-Encoding` is stored, not applied), so they stay as sent.
      const read = await readRequest(message, { keepBody: (r) => parseCredentialScope(r)?.service === 's3', bodyPool });
      release = read.release;
      const request = { ...read.request, signal: gone.signal };
      if (consoleTail.claims(request)) {
        release();
        await consoleTail.serve(request, reply);
        return;
      }
      response = isAdminRequest(request) ? await handleAdmin(request, admin) : await dispatch(request);
    } catch (error) {
      if (!isServiceError(error)) logError('unexpected failure outside a service', error);
      const failure = isServiceError(error) ? error : new ServiceError('InternalFailure', 'Internal failure.', { fault: 'server' });
      response = s3TransportError(message, failure, s3ErrorCodec) ?? fallbackCodec.encodeError(failure, 'none');
    }
    // Answered: operations have parsed (copied) what they need from the body, so its buffer can serve the next one.
    release();
    await writeResponse(reply, response, logError);
  };

  let listener;
  try {
    listener = await listen(config.host, config.port, (message, reply) => void handle(message, reply));
  } catch (error) {
    await logging.logger.close();
    await storage.close();
    await objects.close();
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
      // Invocation records first (they append log events, which feed metric filters), then the filters' datapoints.
      await logging.logger.close();
      await metricFilters.drain();
      await jobs.stop();
      await storage.close();
      await objects.close();
    },
  };
}

function parseBearerTokensOrFail(raw: unknown): ReturnType<typeof parseBearerTokens> {
  try {
    return parseBearerTokens(raw);
  } catch (error) {
    throw new StartupError(error instanceof Error ? error.message : String(error));
  }
}
