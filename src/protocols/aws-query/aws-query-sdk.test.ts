import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { ServiceError } from '../../kernel/index.js';
import type { WireRequest, WireResponse } from '../wire.js';
import { createAwsQueryCodec } from './aws-query-codec.js';
import type { QueryServiceShapes } from './query-shapes.js';

/**
 * Round trips through the real @aws-sdk/client-sts serializer and XML parser: the client's request is decoded by
 * the codec, a handler answers, and the codec's response is handed back to the client (no network).
 * The shapes mirror STS's model for two operations.
 */
const sts: QueryServiceShapes = {
  xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
  version: '2011-06-15',
  shapes: { Tag: { type: 'structure', members: { Key: 'string', Value: 'string' } } },
  operations: {
    GetCallerIdentity: { input: { type: 'structure', members: {} }, output: { type: 'structure', members: { UserId: 'string', Account: 'string', Arn: 'string' } } },
    AssumeRole: {
      input: {
        type: 'structure',
        members: {
          RoleArn: 'string',
          RoleSessionName: 'string',
          PolicyArns: { type: 'list', member: { type: 'structure', members: { arn: 'string' } } },
          DurationSeconds: 'integer',
          Tags: { type: 'list', member: 'Tag' },
          TransitiveTagKeys: { type: 'list', member: 'string' },
        },
      },
      output: {
        type: 'structure',
        members: {
          Credentials: {
            type: 'structure',
            members: { AccessKeyId: 'string', SecretAccessKey: 'string', SessionToken: 'string', Expiration: 'timestamp' },
          },
          AssumedRoleUser: { type: 'structure', members: { AssumedRoleId: 'string', Arn: 'string' } },
          PackedPolicySize: 'integer',
        },
      },
    },
  },
};
const codec = createAwsQueryCodec(sts);

interface SdkRequest {
  readonly method: string;
  readonly path: string;
  readonly query?: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

function clientAnswering(answer: (request: WireRequest) => WireResponse): STSClient {
  return new STSClient({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:4580',
    credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
    maxAttempts: 1,
    requestHandler: {
      handle: async (req: SdkRequest) => {
        const rawQuery = new URLSearchParams(req.query ?? {}).toString();
        const body = typeof req.body === 'string' ? Buffer.from(req.body) : Buffer.alloc(0);
        const response = answer({ method: req.method, path: req.path, rawQuery, query: new URLSearchParams(rawQuery), headers: req.headers, body });
        // Node's HTTP client lower-cases response header names; the SDK relies on that.
        const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
        return { response: { statusCode: response.status, headers, body: Buffer.from(response.body) } };
      },
    },
  });
}

describe('awsQuery codec with @aws-sdk/client-sts', () => {
  it('serves GetCallerIdentity to the SDK', async () => {
    const client = clientAnswering((request) => {
      const call = codec.decode(request);
      assert.deepEqual(call, { operation: 'GetCallerIdentity', input: {} });
      return codec.encodeOutput(call, { UserId: 'AIDA1', Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/a&b' }, 'rid-1');
    });
    const out = await client.send(new GetCallerIdentityCommand({}));
    assert.equal(out.UserId, 'AIDA1');
    assert.equal(out.Account, '123456789012');
    assert.equal(out.Arn, 'arn:aws:iam::123456789012:user/a&b');
    assert.equal(out.$metadata.requestId, 'rid-1');
  });

  it('decodes the SDK serialization of nested lists and encodes timestamps the SDK parses', async () => {
    let decoded: unknown;
    const client = clientAnswering((request) => {
      const call = codec.decode(request);
      decoded = call.input;
      return codec.encodeOutput(call, {
        Credentials: { AccessKeyId: 'ASIA1', SecretAccessKey: 's', SessionToken: 't', Expiration: 1718000000.5 },
        AssumedRoleUser: { AssumedRoleId: 'AROA1:s', Arn: 'arn:aws:sts::1:assumed-role/r/s' },
        PackedPolicySize: 6,
      }, 'rid-2');
    });
    const out = await client.send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::123456789012:role/r',
        RoleSessionName: 's p&ce',
        DurationSeconds: 900,
        PolicyArns: [{ arn: 'arn:a' }, { arn: 'arn:b' }],
        Tags: [{ Key: 'k1', Value: 'v=1' }, { Key: 'k2', Value: '' }],
        TransitiveTagKeys: [],
      }),
    );
    assert.deepEqual(decoded, {
      RoleArn: 'arn:aws:iam::123456789012:role/r',
      RoleSessionName: 's p&ce',
      PolicyArns: [{ arn: 'arn:a' }, { arn: 'arn:b' }],
      DurationSeconds: 900,
      Tags: [{ Key: 'k1', Value: 'v=1' }, { Key: 'k2', Value: '' }],
      TransitiveTagKeys: [],
    });
    assert.equal(out.Credentials?.Expiration?.getTime(), 1718000000500);
    assert.equal(out.AssumedRoleUser?.Arn, 'arn:aws:sts::1:assumed-role/r/s');
    assert.equal(out.PackedPolicySize, 6);
  });

  it('renders errors the SDK surfaces with their code, message and status', async () => {
    const client = clientAnswering(() =>
      codec.encodeError(new ServiceError('InvalidSignatureException', 'The request signature <x>'), 'rid-3'),
    );
    const error = await client.send(new GetCallerIdentityCommand({})).then(() => assert.fail('expected an error'), (e: unknown) => e);
    assert.ok(error instanceof STSServiceException);
    assert.equal(error.name, 'SignatureDoesNotMatch');
    assert.equal(error.message, 'The request signature <x>');
    assert.equal(error.$fault, 'client');
    assert.equal(error.$metadata.httpStatusCode, 403);
    assert.equal(error.$metadata.requestId, 'rid-3');
  });
});
