import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { BENCH_MODEL } from './gateway-requests.js';
import type { Endpoint } from './signed-client.js';

/**
 * Set-up for the gateway bench: the fixed-latency upstream in its own process (so it does not share the load
 * generator's event loop), the server's config file pointing the bench model at it, and invocation logging turned
 * on to both CloudWatch Logs and S3 through the real control-plane calls.
 */
const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const LOG_GROUP = '/bench/invocations';
export const BUCKET = 'bench-invocation-logs';

export interface MockUpstream {
  readonly endpoint: Endpoint;
  stop(): Promise<void>;
}

export async function startMockUpstream(latencyMs: number): Promise<MockUpstream> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test/fakes/fixed-latency-openai.ts'), String(latencyMs)], {
    cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const port = await new Promise<number>((done, fail) => {
    const timer = setTimeout(() => fail(new Error('mock upstream did not start within 30 s')), 30_000);
    const early = (code: number | null): void => { clearTimeout(timer); fail(new Error(`mock upstream exited with ${code}`)); };
    child.once('exit', early);
    if (child.stdout === null) return fail(new Error('no stdout'));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(line);
      // Only this listener goes: `exited` above must still hear the exit, or stop() would wait forever.
      if (match?.[1] !== undefined) { clearTimeout(timer); child.off('exit', early); done(Number(match[1])); }
    });
  });
  return {
    endpoint: { host: '127.0.0.1', port },
    stop: async () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM'); await exited; },
  };
}

/** Writes the server config: the bench model answered by the mock through the openai-compatible backend. */
export async function writeGatewayConfig(dir: string, upstream: Endpoint): Promise<string> {
  const file = join(dir, 'gateway-config.json');
  await writeFile(file, JSON.stringify({
    providers: { mock: { kind: 'openai-compatible', baseUrl: `http://${upstream.host}:${upstream.port}/v1` } },
    models: { [BENCH_MODEL]: { provider: 'mock', upstreamModel: 'bench-model' } },
  }));
  return file;
}

const signers = new Map<string, SignatureV4>();
function signerFor(service: string): SignatureV4 {
  let signer = signers.get(service);
  if (signer === undefined) {
    signer = new SignatureV4({ credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, region: 'us-east-1', service, sha256: Hash.bind(null, 'sha256'), uriEscapePath: service !== 's3' });
    signers.set(service, signer);
  }
  return signer;
}

/** One signed call for set-up and verification; throws on anything but 2xx. */
export async function signedCall(endpoint: Endpoint, service: string, method: string, path: string, headers: Record<string, string>, body = ''): Promise<string> {
  const bytes = Buffer.from(body);
  const signed = await signerFor(service).sign({
    method, protocol: 'http:', hostname: endpoint.host, port: endpoint.port, path, query: {},
    headers: { host: `${endpoint.host}:${endpoint.port}`, 'content-length': String(bytes.length), 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', ...headers },
    body: bytes,
  });
  return new Promise((done, fail) => {
    const req = request({ host: endpoint.host, port: endpoint.port, method, path, headers: signed.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) done(text);
        else fail(new Error(`${method} ${path} (${service}) failed with HTTP ${status}: ${text.slice(0, 300)}`));
      });
    });
    req.on('error', fail);
    req.end(bytes);
  });
}

/** Creates the log group and bucket, then turns logging on to both, text bodies included (as a user would). */
export async function enableInvocationLogging(gateway: Endpoint): Promise<void> {
  await signedCall(gateway, 'logs', 'POST', '/', { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Logs_20140328.CreateLogGroup' }, JSON.stringify({ logGroupName: LOG_GROUP }));
  await signedCall(gateway, 's3', 'PUT', `/${BUCKET}`, {});
  await signedCall(gateway, 'bedrock', 'PUT', '/logging/modelinvocations', { 'content-type': 'application/json' }, JSON.stringify({
    loggingConfig: {
      cloudWatchConfig: { logGroupName: LOG_GROUP, roleArn: 'arn:aws:iam::000000000000:role/BedrockLogging' },
      s3Config: { bucketName: BUCKET },
      textDataDeliveryEnabled: true,
    },
  }));
}
