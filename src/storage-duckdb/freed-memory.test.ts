import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { FreedMemoryReturn } from './freed-memory.js';

describe('FreedMemoryReturn', () => {
  it('gives memory back after a write at once, then at most once per interval, and once after the last write', async () => {
    let calls = 0;
    const giveBack = (): Promise<void> => {
      calls++;
      return Promise.resolve();
    };
    const returner = new FreedMemoryReturn(giveBack, 60);
    returner.afterWrite();
    await sleep(5);
    assert.equal(calls, 1, 'the first write returns at once');
    for (let i = 0; i < 10; i++) returner.afterWrite();
    await sleep(20);
    assert.equal(calls, 1, 'writes within the interval wait for it');
    await sleep(80);
    assert.equal(calls, 2, 'one trailing return covers all of them');
    await sleep(100);
    assert.equal(calls, 2, 'an idle store does nothing');
  });

  it('never runs two returns at once, and stop cancels a pending one', async () => {
    let running = 0;
    let most = 0;
    let calls = 0;
    const returner = new FreedMemoryReturn(async () => {
      calls++;
      most = Math.max(most, ++running);
      await sleep(40);
      running--;
    }, 10);
    returner.afterWrite();
    await sleep(15);
    returner.afterWrite(); // due while the first still runs
    await sleep(80);
    assert.equal(most, 1);
    assert.equal(calls, 2);
    returner.afterWrite();
    returner.stop();
    await sleep(30);
    assert.equal(calls, 2, 'stop cancelled the pending return');
  });
});
