import { Agent } from 'node:http';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { sendPrepared, type Endpoint, type PreparedRequest } from './signed-client.js';

/**
 * CloudWatch (signing name `monitoring`) over awsJson1_0, as the current JS SDK and boto3 send it: requests are
 * signed ahead of time so the timed loops spend their CPU on the server, not on SigV4.
 */
const signer = new SignatureV4({
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  region: 'us-east-1',
  service: 'monitoring',
  sha256: Hash.bind(null, 'sha256'),
});

export async function prepareCloudWatchRequest(endpoint: Endpoint, operation: string, body: string): Promise<PreparedRequest> {
  const bytes = Buffer.from(body);
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: endpoint.host,
    port: endpoint.port,
    path: '/',
    query: {},
    headers: {
      host: `${endpoint.host}:${endpoint.port}`,
      'content-type': 'application/x-amz-json-1.0',
      'content-length': String(bytes.length),
      'x-amz-target': `GraniteServiceVersion20100801.${operation}`,
      'x-amzn-query-mode': 'true',
    },
    body: bytes,
  });
  return { headers: { ...(signed.headers as Record<string, string>) }, body: bytes };
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

/** One signed call; throws with the AWS error on anything but 200. */
export async function callCloudWatch<T>(endpoint: Endpoint, operation: string, input: object): Promise<T> {
  const response = await sendPrepared(endpoint, agent, await prepareCloudWatchRequest(endpoint, operation, JSON.stringify(input)));
  if (response.status !== 200) throw new Error(`${operation} failed with HTTP ${response.status}: ${response.body.slice(0, 500)}`);
  return (response.body === '' ? {} : JSON.parse(response.body)) as T;
}

export function closeCloudWatchAgent(): void {
  agent.destroy();
}
