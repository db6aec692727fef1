import { Agent } from 'node:http';
import { prepareAwsJsonRequest, sendPrepared, type AwsJsonWire, type Endpoint, type PreparedRequest } from './signed-client.js';

/**
 * CloudWatch (signing name `monitoring`) over awsJson1_0, as the current JS SDK and boto3 send it: requests are
 * signed ahead of time so the timed loops spend their CPU on the server, not on SigV4.
 */
const CLOUDWATCH_WIRE: AwsJsonWire = {
  service: 'monitoring',
  version: '1.0',
  targetPrefix: 'GraniteServiceVersion20100801',
  headers: { 'x-amzn-query-mode': 'true' },
};

export function prepareCloudWatchRequest(endpoint: Endpoint, operation: string, body: string): Promise<PreparedRequest> {
  return prepareAwsJsonRequest(endpoint, CLOUDWATCH_WIRE, operation, body);
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
