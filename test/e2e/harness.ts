import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { BedrockClient } from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/** Boots the real, built server as a child process, the way a user runs it, and hands out SDK clients for it. */

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const SERVER_ENTRY = join(REPO_ROOT, 'dist/server/main.js');
const READY_LINE = /listening on (http:\/\/127\.0\.0\.1:(\d+))/;
const OUTPUT_KEEP = 64 * 1024;

export const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' } as const;
export const TEST_ACCOUNT = '000000000000';
export const REGION = 'us-east-1';

export interface AccessKeyConfig {
  readonly secretAccessKey: string;
  readonly accountId: string;
}

export interface ServerOptions {
  /** Reuse a data folder (a restart). Without it a fresh temporary folder is made and deleted by `stop()`. */
  readonly dataDir?: string;
  readonly auth?: 'strict' | 'permissive';
  readonly defaultAccount?: string;
  readonly allowReset?: boolean;
  readonly accessKeys?: Readonly<Record<string, AccessKeyConfig>>;
  /** Extra top-level keys for the JSON config file. */
  readonly config?: Readonly<Record<string, unknown>>;
  readonly startTimeoutMs?: number;
}

export interface ClientOptions {
  readonly region?: string;
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** 1 by default: a test must see the first answer, not a retried one. */
  readonly maxAttempts?: number;
}

export interface RunningServer {
  readonly endpoint: string;
  readonly port: number;
  readonly dataDir: string;
  readonly process: ChildProcess;
  /** The last 64 KiB of the server's stdout and stderr, for failure messages. */
  output(): string;
  logs(options?: ClientOptions): CloudWatchLogsClient;
  sts(options?: ClientOptions): STSClient;
  cloudwatch(options?: ClientOptions): CloudWatchClient;
  /** Path-style by default; `{ forcePathStyle: false }` addresses buckets as `<bucket>.localhost`. */
  s3(options?: S3ClientOptions): S3Client;
  /** The runtime client with its default HTTP/2 handler (h2c), or HTTP/1.1 with `{ http1: true }`. */
  bedrockRuntime(options?: BedrockRuntimeClientOptions): BedrockRuntimeClient;
  bedrock(options?: ClientOptions): BedrockClient;
  /** Sends a signal and waits for the process to exit. Keeps the data folder. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** SIGTERM (SIGKILL after 10 s), destroys its clients, deletes the data folder if this harness made it. */
  stop(): Promise<void>;
}

/** Every child still alive when the test process exits is killed, whatever happened to the `after` hooks. */
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export function createLogsClient(endpoint: string, options: ClientOptions = {}): CloudWatchLogsClient {
  return new CloudWatchLogsClient(clientConfig(endpoint, options));
}

export function createStsClient(endpoint: string, options: ClientOptions = {}): STSClient {
  return new STSClient(clientConfig(endpoint, options));
}

export interface S3ClientOptions extends ClientOptions {
  readonly forcePathStyle?: boolean;
  /** Overrides the endpoint, e.g. `http://localhost:PORT` for virtual-host style. */
  readonly endpoint?: string;
  /** Passed to the SDK client as is (e.g. a request handler that resolves `*.localhost`). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

export function createS3Client(endpoint: string, options: S3ClientOptions = {}): S3Client {
  return new S3Client({
    ...clientConfig(options.endpoint ?? endpoint, options),
    forcePathStyle: options.forcePathStyle ?? true,
    ...options.extra,
  });
}

export function createCloudWatchClient(endpoint: string, options: ClientOptions = {}): CloudWatchClient {
  return new CloudWatchClient(clientConfig(endpoint, options));
}

export interface BedrockRuntimeClientOptions extends ClientOptions {
  /** Use NodeHttpHandler (HTTP/1.1) instead of the client's default NodeHttp2Handler. */
  readonly http1?: boolean;
}

export function createBedrockRuntimeClient(endpoint: string, options: BedrockRuntimeClientOptions = {}): BedrockRuntimeClient {
  return new BedrockRuntimeClient({ ...clientConfig(endpoint, options), ...(options.http1 === true ? { requestHandler: new NodeHttpHandler() } : {}) });
}

export function createBedrockClient(endpoint: string, options: ClientOptions = {}): BedrockClient {
  return new BedrockClient(clientConfig(endpoint, options));
}

function clientConfig(endpoint: string, options: ClientOptions) {
  return {
    endpoint,
    region: options.region ?? REGION,
    credentials: { ...(options.credentials ?? TEST_CREDENTIALS) },
    maxAttempts: options.maxAttempts ?? 1,
  };
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run \`npm run build\` first (npm run test:e2e does)`);
  const scratch = await mkdtemp(join(tmpdir(), 'modelwatch-e2e-'));
  const ownsData = options.dataDir === undefined;
  const dataDir = options.dataDir ?? join(scratch, 'data');
  const configFile = join(scratch, 'config.json');
  const auth = options.accessKeys === undefined ? {} : { auth: { accessKeys: options.accessKeys } };
  await writeFile(configFile, JSON.stringify({ ...options.config, ...auth }));

  const args = [SERVER_ENTRY, '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir, '--config', configFile];
  args.push('--auth', options.auth ?? 'strict');
  if (options.defaultAccount !== undefined) args.push('--default-account', options.defaultAccount);
  if (options.allowReset === true) args.push('--allow-reset');

  const child = spawn(process.execPath, args, { cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => { live.delete(child); done(); }));
  const record = (chunk: Buffer): void => { output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEEP); };
  child.stderr.on('data', record);

  const endpoint = await new Promise<string>((done, fail) => {
    const timeoutMs = options.startTimeoutMs ?? 30_000;
    const timer = setTimeout(() => fail(new Error(`server not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      record(chunk);
      const match = READY_LINE.exec(output);
      if (match?.[1] !== undefined) { clearTimeout(timer); done(match[1]); }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`server exited before listening (code ${code}, signal ${signal}):\n${output}`));
    });
  }).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await exited;
    await rm(scratch, { recursive: true, force: true });
    throw error;
  });

  const clients: Array<{ destroy(): void }> = [];
  const track = <C extends { destroy(): void }>(client: C): C => { clients.push(client); return client; };
  const kill = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };

  return {
    endpoint,
    port: Number(new URL(endpoint).port),
    dataDir,
    process: child,
    output: () => output,
    logs: (clientOptions) => track(createLogsClient(endpoint, clientOptions)),
    sts: (clientOptions) => track(createStsClient(endpoint, clientOptions)),
    cloudwatch: (clientOptions) => track(createCloudWatchClient(endpoint, clientOptions)),
    s3: (clientOptions) => track(createS3Client(endpoint, clientOptions)),
    bedrockRuntime: (clientOptions) => track(createBedrockRuntimeClient(endpoint, clientOptions)),
    bedrock: (clientOptions) => track(createBedrockClient(endpoint, clientOptions)),
    kill,
    async stop() {
      for (const client of clients.splice(0)) client.destroy();
      const grace = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await kill('SIGTERM');
      clearTimeout(grace);
      await rm(scratch, { recursive: true, force: true });
      if (ownsData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A name no other test in the run uses, valid as a log group or stream name. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
