import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import { mkdirSync } from 'node:fs';
import { ServiceError, isServiceError, systemClock, type Clock } from '../kernel/index.js';
import { createAwsJsonCodec, type WireResponse } from '../protocols/index.js';
import { parseAccountsFile, parseBearerTokens, type AuthConfig } from '../auth/index.js';
import { openDuckDbStorage } from '../storage-duckdb/index.js';
import { ADMIN_PREFIX, handleAdmin } from './admin-routes.js';
import { startBackgroundJobs } from './background-jobs.js';
import { isLoopback, type ServerConfig } from './config.js';
import { createDispatcher } from './dispatch.js';
import { listen } from './http-listener.js';
import { readRequest } from './read-request.js';
import { writeResponse } from './write-response.js';
import { buildRouter } from './routes.js';
import { buildModelCatalog } from './model-registry.js';
import { RecentOutcomesSink } from './recent-outcomes-sink.js';
import type { InvocationSink } from '../services/bedrock/index.js';
import { MODELWATCH_VERSION } from './version.js';

export interface RunningServer {
  readonly url: string;
  /** Graceful: finish in-flight requests, stop background work, flush and close the store. */
  close(): Promise<void>;
}

export class StartupError extends Error {}

/** The composition root: opens the store, builds the services and routes, and starts the listener. */
/**
 * `invocationSink` receives every Bedrock runtime call's outcome; by default a bounded in-memory buffer until the
 * invocation-logging sink is wired in.
 */
export async function startServer(
  config: ServerConfig,
  clock: Clock = systemClock,
  invocationSink: InvocationSink = new RecentOutcomesSink(),
): Promise<RunningServer> {
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
  const catalog = buildModelCatalog(config.models);
  mkdirSync(config.dataDir, { recursive: true });
  const storage = await openDuckDbStorage({ dataDir: config.dataDir, memoryLimit: config.storageMemoryLimit });
  const logError = (message: string, error: unknown): void => console.error(`modelwatch: ${message}:`, error);
  const fallbackCodec = createAwsJsonCodec({ version: '1.1', targetPrefix: '' });
  const dispatch = createDispatcher({ router: buildRouter({ storage, catalog, invocationSink }), auth, clock, fallbackCodec, logError });
  const jobs = startBackgroundJobs({ logs: storage.logs, clock, retentionSweepMs: config.retentionSweepMs, logError });
  const admin = { version: MODELWATCH_VERSION, allowReset: config.allowReset, reset: () => storage.reset() };

  const handle = async (message: IncomingMessage | Http2ServerRequest, reply: ServerResponse | Http2ServerResponse): Promise<void> => {
    let response: WireResponse;
    // The client leaving (connection or HTTP/2 stream closed before the answer ends) aborts the operation's backend.
    const gone = new AbortController();
    reply.once('close', () => gone.abort());
    try {
      const request = { ...(await readRequest(message)), signal: gone.signal };
      response = request.path.startsWith(ADMIN_PREFIX) ? await handleAdmin(request, admin) : await dispatch(request);
    } catch (error) {
      if (!isServiceError(error)) logError('unexpected failure outside a service', error);
      const failure = isServiceError(error) ? error : new ServiceError('InternalFailure', 'Internal failure.', { fault: 'server' });
      response = fallbackCodec.encodeError(failure, 'none');
    }
    await writeResponse(reply, response, logError);
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
      await listener.close();
      await jobs.stop();
      await storage.close();
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
