import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock, type RequestContext } from '../../kernel/index.js';
import { createStsService } from './create-sts-service.js';
import { stsQueryShapes } from './sts-query-shapes.js';

function contextFor(caller: RequestContext['caller']): RequestContext {
  return { caller, requestId: 'req-1', clock: new ManualClock(0) };
}

describe('STS service', () => {
  const service = createStsService();

  it('is reached with signing name sts and offers only GetCallerIdentity', () => {
    assert.equal(service.signingName, 'sts');
    assert.deepEqual([...service.operations.keys()], ['GetCallerIdentity']);
    assert.deepEqual(Object.keys(stsQueryShapes.operations), ['GetCallerIdentity']);
  });

  it('answers GetCallerIdentity from the authenticated caller', async () => {
    const op = service.operations.get('GetCallerIdentity');
    assert.ok(op);
    const user = { accountId: '222222222222', region: 'eu-west-1', accessKeyId: 'AKIAUSER', arn: 'arn:aws:iam::222222222222:user/alice', userId: 'AKIAUSER' };
    assert.deepEqual(await op({}, contextFor(user)), { UserId: 'AKIAUSER', Account: '222222222222', Arn: 'arn:aws:iam::222222222222:user/alice' });
    const root = { accountId: '000000000000', region: 'us-east-1', accessKeyId: 'test', arn: 'arn:aws:iam::000000000000:root', userId: '000000000000' };
    assert.deepEqual(await op(undefined, contextFor(root)), { UserId: '000000000000', Account: '000000000000', Arn: 'arn:aws:iam::000000000000:root' });
  });

  it('describes exactly the output members the operation returns', async () => {
    const op = service.operations.get('GetCallerIdentity');
    assert.ok(op);
    const caller = { accountId: '1', region: 'r', accessKeyId: 'k', arn: 'a', userId: 'u' };
    const output = (await op({}, contextFor(caller))) as Record<string, unknown>;
    const described = stsQueryShapes.operations.GetCallerIdentity.output.members;
    assert.deepEqual(Object.keys(described).sort(), Object.keys(output).sort());
    assert.equal(stsQueryShapes.xmlNamespace, 'https://sts.amazonaws.com/doc/2011-06-15/');
    assert.equal(stsQueryShapes.version, '2011-06-15');
  });
});
