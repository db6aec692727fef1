import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isServiceError } from '../../../kernel/index.js';
import { ACCOUNT } from '../logs-harness.test-support.js';
import { nextUpdate, tailHarness } from '../tail/tail-harness.test-support.js';

describe('StartLiveTail', () => {
  it('sends sessionStart at once, echoing the request', async () => {
    const h = tailHarness();
    await h.groupWithStreams('app', 'web-1');
    const stream = await h.start({ logGroupIdentifiers: ['app'], logStreamNamePrefixes: ['web'], logEventFilterPattern: 'ERROR' });
    const first = await stream.next();
    assert.equal(first.done, false);
    assert.ok('sessionStart' in first.value);
    const start = first.value.sessionStart;
    assert.equal(start.requestId, 'test-request');
    assert.match(start.sessionId ?? '', /^[0-9a-f-]{36}$/);
    assert.deepEqual(start.logGroupIdentifiers, ['app']);
    assert.deepEqual(start.logStreamNamePrefixes, ['web']);
    assert.equal(start.logEventFilterPattern, 'ERROR');
    await stream.return?.();
  });

  it('sends an update every second: empty when nothing matched, else the matches in timestamp order', async () => {
    const h = tailHarness();
    await h.groupWithStreams('app', 's1', 's2');
    const stream = await h.start({ logGroupIdentifiers: [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:app`] });
    await stream.next();
    assert.deepEqual(await nextUpdate(h.timer, stream), { sessionMetadata: { sampled: false }, sessionResults: [] });
    const t = h.clock.now();
    await h.put('app', 's2', ['later'], t + 5);
    await h.put('app', 's1', ['earlier'], t - 5);
    const update = await nextUpdate(h.timer, stream);
    assert.deepEqual(update.sessionResults, [
      { logStreamName: 's1', logGroupIdentifier: `${ACCOUNT}:app`, message: 'earlier', timestamp: t - 5, ingestionTime: t },
      { logStreamName: 's2', logGroupIdentifier: `${ACCOUNT}:app`, message: 'later', timestamp: t + 5, ingestionTime: t },
    ]);
    assert.deepEqual(await nextUpdate(h.timer, stream), { sessionMetadata: { sampled: false }, sessionResults: [] });
    await stream.return?.();
  });

  it('applies the filter pattern and the stream selection, compiled once', async () => {
    const h = tailHarness();
    await h.groupWithStreams('app', 'web-1', 'worker-1');
    const stream = await h.start({ logGroupIdentifiers: ['app'], logStreamNamePrefixes: ['web'], logEventFilterPattern: '{ $.level = "ERROR" }' });
    await stream.next();
    await h.put('app', 'web-1', ['{"level":"ERROR","n":1}', '{"level":"INFO","n":2}', 'not json']);
    await h.put('app', 'worker-1', ['{"level":"ERROR","n":3}']);
    const update = await nextUpdate(h.timer, stream);
    assert.deepEqual(update.sessionResults?.map((r) => r.message), ['{"level":"ERROR","n":1}']);
    await stream.return?.();
  });

  it('tails several groups, and sees events written by the ingest path (Bedrock records)', async () => {
    const h = tailHarness();
    await h.groupWithStreams('a', 's');
    await h.groupWithStreams('b');
    const stream = await h.start({ logGroupIdentifiers: ['a', 'b'] });
    await stream.next();
    await h.put('a', 's', ['from put']);
    assert.equal(await h.ingest.appendLogEvents({ accountId: ACCOUNT, region: 'us-east-1' }, 'b', 'bedrock', [{ timestamp: h.clock.now(), message: 'from ingest' }]), 'appended');
    const update = await nextUpdate(h.timer, stream);
    assert.deepEqual(update.sessionResults?.map((r) => [r.logGroupIdentifier, r.logStreamName, r.message]).sort(), [
      [`${ACCOUNT}:a`, 's', 'from put'],
      [`${ACCOUNT}:b`, 'bedrock', 'from ingest'],
    ]);
    await stream.return?.();
  });

  it('samples down to 500 events, in timestamp order, when more matched in one second', async () => {
    const h = tailHarness();
    await h.groupWithStreams('app', 's');
    const stream = await h.start({ logGroupIdentifiers: ['app'] });
    await stream.next();
    const t = h.clock.now();
    await h.call('PutLogEvents', { logGroupName: 'app', logStreamName: 's', logEvents: Array.from({ length: 1200 }, (_, i) => ({ timestamp: t + i, message: `m${i}` })) });
    const update = await nextUpdate(h.timer, stream);
    assert.equal(update.sessionMetadata?.sampled, true);
    assert.equal(update.sessionResults?.length, 500);
    const stamps = update.sessionResults?.map((r) => r.timestamp ?? 0) ?? [];
    assert.deepEqual(stamps, [...stamps].sort((a, b) => a - b));
    assert.equal(stamps[0], t);
    assert.ok((stamps[499] ?? 0) > t + 1100, 'the sample spans the whole second');
    assert.equal((await nextUpdate(h.timer, stream)).sessionMetadata?.sampled, false);
    await stream.return?.();
  });

  it('drops the oldest updates of a reader more than ten behind and marks the next one sampled', async () => {
    const h = tailHarness();
    await h.groupWithStreams('app', 's');
    const stream = await h.start({ logGroupIdentifiers: ['app'] });
    await stream.next();
    for (let i = 0; i < 12; i++) {
      await h.put('app', 's', [`second ${i}`]);
      await h.timer.advance(1000);
    }
    const updates = [];
    for (let i = 0; i < 10; i++) {
      const { value } = await stream.next();
      assert.ok(value !== undefined && 'sessionUpdate' in value);
      updates.push(value.sessionUpdate);
    }
    assert.deepEqual(updates.map((u) => u.sessionResults?.[0]?.message), Array.from({ length: 10 }, (_, i) => `second ${i + 2}`));
    assert.deepEqual(updates.map((u) => u.sessionMetadata?.sampled), [false, false, false, false, false, false, false, false, true, true]);
    await stream.return?.();
  });

  it('times out after three hours with SessionTimeoutException, freeing the slot', async () => {
    const h = tailHarness();
    await h.groupWithStreams('app', 's');
    const stream = await h.start({ logGroupIdentifiers: ['app'] });
    await stream.next();
    assert.equal(h.liveTail.openSessions({ accountId: ACCOUNT, region: 'us-east-1' }), 1);
    await h.timer.advance(3 * 3_600_000 - 1000);
    assert.equal(h.liveTail.openSessions({ accountId: ACCOUNT, region: 'us-east-1' }), 1);
    await h.timer.advance(1000);
    assert.equal(h.liveTail.openSessions({ accountId: ACCOUNT, region: 'us-east-1' }), 0);
    let error: unknown;
    try {
      for (;;) if ((await stream.next()).done === true) break;
    } catch (caught) {
      error = caught;
    }
    assert.ok(isServiceError(error) && error.code === 'SessionTimeoutException', String(error));
    assert.equal((await stream.next()).done, true);
  });

  it('enforces the concurrent-session quota per account and region; return() frees a slot', async () => {
    const h = tailHarness({ maxSessions: 2 });
    await h.groupWithStreams('app', 's');
    const one = await h.start({ logGroupIdentifiers: ['app'] });
    await h.start({ logGroupIdentifiers: ['app'] });
    await h.startFails({ logGroupIdentifiers: ['app'] }, 'LimitExceededException');
    const pending = one.next().then(() => one.next());
    await one.return?.();
    assert.deepEqual(await pending, { value: undefined, done: true }, 'a waiting next() ends with the session');
    const again = await h.start({ logGroupIdentifiers: ['app'] });
    await again.return?.();
  });

  it('stops delivering once closed', async () => {
    const h = tailHarness();
    await h.groupWithStreams('app', 's');
    const stream = await h.start({ logGroupIdentifiers: ['app'] });
    await stream.next();
    await stream.return?.();
    await h.put('app', 's', ['after close']);
    await h.timer.advance(2000);
    assert.equal((await stream.next()).done, true);
  });

  it('answers bad requests before any stream exists', async () => {
    const h = tailHarness();
    await h.groupWithStreams('app', 's');
    await h.groupWithStreams('other');
    await h.startFails({}, 'InvalidParameterException', /logGroupIdentifiers/);
    await h.startFails({ logGroupIdentifiers: [] }, 'InvalidParameterException', /length greater than or equal to 1/);
    await h.startFails({ logGroupIdentifiers: Array.from({ length: 11 }, () => 'app') }, 'InvalidParameterException', /less than or equal to 10/);
    await h.startFails({ logGroupIdentifiers: ['app'], logStreamNames: ['s'], logStreamNamePrefixes: ['s'] }, 'InvalidParameterException', /mutually exclusive/);
    await h.startFails({ logGroupIdentifiers: ['app', 'other'], logStreamNames: ['s'] }, 'InvalidParameterException', /exactly one log group/);
    await h.startFails({ logGroupIdentifiers: [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:app:*`] }, 'InvalidParameterException', /regular expression pattern/);
    await h.startFails({ logGroupIdentifiers: ['missing'] }, 'ResourceNotFoundException', 'The specified log group does not exist.');
    await h.startFails({ logGroupIdentifiers: ['arn:aws:logs:us-east-1:999999999999:log-group:app'] }, 'ResourceNotFoundException');
    await h.startFails({ logGroupIdentifiers: ['app'], logEventFilterPattern: '{ $.x = ' }, 'InvalidParameterException', /Invalid filter pattern/);
    assert.equal(h.liveTail.openSessions({ accountId: ACCOUNT, region: 'us-east-1' }), 0);
  });
});
