import { request, Agent } from 'node:http';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * A minimal CloudWatch Logs client for benchmarks: requests are signed ahead of time (SigV4, test/test, us-east-1,
 * service `logs`) and sent as raw bytes over keep-alive connections, so the client spends as little of the shared
 * CPU as possible while the clock runs. Signatures stay valid for 15 minutes.
 */
export interface Endpoint {
  readonly host: string;
  readonly port: number;
}

export interface PreparedRequest {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export interface RawResponse {
  readonly status: number;
  readonly body: string;
}

/** The wire of one awsJson service: signing name, JSON version and target prefix, plus any fixed headers. */
export interface AwsJsonWire {
  readonly service: string;
  readonly version: '1.0' | '1.1';
  readonly targetPrefix: string;
  readonly headers?: Readonly<Record<string, string>>;
}

const LOGS_WIRE: AwsJsonWire = { service: 'logs', version: '1.1', targetPrefix: 'Logs_20140328' };
const signers = new Map<string, SignatureV4>();

function signerFor(service: string): SignatureV4 {
  let signer = signers.get(service);
  if (signer === undefined) {
    signer = new SignatureV4({ credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, region: 'us-east-1', service, sha256: Hash.bind(null, 'sha256') });
    signers.set(service, signer);
  }
  return signer;
}

/** A signed awsJson `POST /` of `operation`, ready to send as raw bytes. */
export async function prepareAwsJsonRequest(endpoint: Endpoint, wire: AwsJsonWire, operation: string, body: string | Buffer): Promise<PreparedRequest> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const signed = await signerFor(wire.service).sign({
    method: 'POST',
    protocol: 'http:',
    hostname: endpoint.host,
    port: endpoint.port,
    path: '/',
    query: {},
    headers: {
      host: `${endpoint.host}:${endpoint.port}`,
      'content-type': `application/x-amz-json-${wire.version}`,
      'content-length': String(bytes.length),
      'x-amz-target': `${wire.targetPrefix}.${operation}`,
      ...wire.headers,
    },
    body: bytes,
  });
  return { headers: { ...(signed.headers as Record<string, string>) }, body: bytes };
}

export function prepareLogsRequest(endpoint: Endpoint, operation: string, body: string | Buffer): Promise<PreparedRequest> {
  return prepareAwsJsonRequest(endpoint, LOGS_WIRE, operation, body);
}

export function keepAliveAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: 1 });
}

export function sendPrepared(endpoint: Endpoint, agent: Agent, prepared: PreparedRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: endpoint.host, port: endpoint.port, method: 'POST', path: '/', headers: prepared.headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(prepared.body);
  });
}

export class LogsApiError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly errorType: string,
    detail: string,
  ) {
    super(`${operation} failed with HTTP ${status} ${errorType}: ${detail}`);
  }
}

export function throwIfFailed(operation: string, response: RawResponse): void {
  if (response.status === 200) return;
  let errorType = 'unknown';
  let detail = response.body.slice(0, 500);
  try {
    const parsed = JSON.parse(response.body) as { __type?: string; message?: string; Message?: string };
    errorType = (parsed.__type ?? errorType).split('#').pop() ?? errorType;
    detail = parsed.message ?? parsed.Message ?? detail;
  } catch {
    // Not JSON: keep the raw text.
  }
  throw new LogsApiError(operation, response.status, errorType, detail);
}

const sharedAgent = new Agent({ keepAlive: true, maxSockets: 4 });

/** One signed call, signed just in time; for set-up, verification and queries, not for the timed ingest path. */
export async function callLogs<T>(endpoint: Endpoint, operation: string, input: object): Promise<T> {
  const prepared = await prepareLogsRequest(endpoint, operation, JSON.stringify(input));
  const response = await sendPrepared(endpoint, sharedAgent, prepared);
  throwIfFailed(operation, response);
  return (response.body === '' ? {} : JSON.parse(response.body)) as T;
}

/** Lets the process exit once the benches are done. */
export function closeSharedAgent(): void {
  sharedAgent.destroy();
}
