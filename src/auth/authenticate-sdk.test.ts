import assert from 'node:assert/strict';
import { it } from 'node:test';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { WireRequest } from '../protocols/wire.js';
import type { AuthConfig } from './auth-config.js';
import { authenticate } from './authenticate.js';
import { toWireRequest, withChanges } from './testdata/sign-wire-request.js';

/** Requests signed by the real SDK clients, captured before they leave the process (no network). */

interface CapturedRequest {
  readonly method: string;
  readonly path: string;
  readonly query?: Record<string, string | string[] | null>;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

class Captured extends Error {
  constructor(readonly request: WireRequest) {
    super('captured');
  }
}

const capturingHandler = {
  handle: async (request: CapturedRequest): Promise<never> => {
    const body = typeof request.body === 'string' || request.body instanceof Uint8Array ? request.body : '';
    throw new Captured(toWireRequest(request.method, request.path, request.query ?? {}, request.headers, body));
  },
};

async function capture(send: () => Promise<unknown>): Promise<WireRequest> {
  const error = await send().then(() => assert.fail('expected the capture'), (e: unknown) => e);
  assert.ok(error instanceof Captured, String(error));
  return error.request;
}

const credentials = { accessKeyId: 'AKIAROOTKEY000000001', secretAccessKey: 'root/secret+key' };
const config: AuthConfig = {
  mode: 'strict',
  keys: new Map([[credentials.accessKeyId, { secretAccessKey: credentials.secretAccessKey, accountId: '111111111111' }]]),
  defaultAccount: '000000000000',
  acceptTestCredentials: false,
};
const common = { region: 'ap-southeast-2', endpoint: 'http://127.0.0.1:4580', credentials, requestHandler: capturingHandler, maxAttempts: 1 };

it('verifies a CloudWatch Logs request signed by @aws-sdk/client-cloudwatch-logs', async () => {
  const client = new CloudWatchLogsClient(common);
  const request = await capture(() => client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'a b/c' })));
  const { caller, signingName } = await authenticate(request, config, Date.now());
  assert.equal(signingName, 'logs');
  assert.equal(caller.region, 'ap-southeast-2');
  const tampered = withChanges(request, { body: Buffer.from(request.body.toString().replace('a b/c', 'a b/d')) });
  await assert.rejects(authenticate(tampered, config, Date.now()), { code: 'InvalidSignatureException' });
});

it('verifies an awsQuery request signed by @aws-sdk/client-sts', async () => {
  const client = new STSClient(common);
  const request = await capture(() => client.send(new GetCallerIdentityCommand({})));
  assert.match(request.body.toString(), /Action=GetCallerIdentity/);
  const { caller, signingName } = await authenticate(request, config, Date.now());
  assert.equal(signingName, 'sts');
  assert.equal(caller.arn, 'arn:aws:iam::111111111111:root');
  await assert.rejects(authenticate(request, { ...config, keys: new Map() }, Date.now()), { code: 'UnrecognizedClientException' });
});
