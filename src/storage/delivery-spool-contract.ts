import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { DeliverySpool, SpooledEntry } from './delivery-spool.js';
import { killWhenReady } from './kill-when-ready.test-support.js';

export interface DeliverySpoolContractOptions {
  /** Opens (or reopens) a spool over `dir`. */
  readonly open: (dir: string) => Promise<DeliverySpool>;
  /**
   * A script run as `node --import tsx <script> <dir> <mode>` that opens the same kind of spool over `dir`, follows
   * `mode` (see crash tests below), prints `ready <n>` and keeps appending until it is killed.
   */
  readonly crashChild: string;
}

const line = (i: number): string => JSON.stringify({ i, text: `entry ${i}` });
const indexes = (entries: readonly SpooledEntry[]): number[] => entries.map((e) => (JSON.parse(e.line) as { i: number }).i);

/** The DeliverySpool contract, including crash-replay: every adapter runs it. */
export function describeDeliverySpoolContract(name: string, options: DeliverySpoolContractOptions): void {
  describe(`DeliverySpool contract: ${name}`, () => {
    let dir = '';
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'modelwatch-spool-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('starts empty and hands out increasing seqs', async () => {
      const spool = await options.open(dir);
      assert.deepEqual(spool.takeRecovered(), []);
      const a = spool.append(line(1));
      const b = spool.append(line(2));
      assert.ok(b > a);
      await spool.close();
    });

    it('replays every unreleased entry after a graceful close, in order, once', async () => {
      const first = await options.open(dir);
      const seqs = [1, 2, 3, 4, 5].map((i) => first.append(line(i)));
      first.release(seqs[1] ?? 0);
      await first.close();
      const second = await options.open(dir);
      const recovered = second.takeRecovered();
      assert.deepEqual(indexes(recovered), [3, 4, 5]);
      assert.deepEqual(recovered.map((e) => e.seq), seqs.slice(2));
      assert.deepEqual(second.takeRecovered(), [], 'handed back once');
      assert.ok(second.append(line(6)) > (seqs[4] ?? 0), 'seqs are never reused');
      await second.close();
    });

    it('replays nothing once everything is released, and entries released from the recovered set stay gone', async () => {
      const first = await options.open(dir);
      const last = [1, 2, 3].map((i) => first.append(line(i))).at(-1) ?? 0;
      await first.close();
      const second = await options.open(dir);
      assert.equal(second.takeRecovered().length, 3);
      const next = second.append(line(4));
      second.release(last);
      await second.close();
      const third = await options.open(dir);
      assert.deepEqual(third.takeRecovered().map((e) => e.seq), [next]);
      third.release(next);
      await third.close();
      const fourth = await options.open(dir);
      assert.deepEqual(fourth.takeRecovered(), []);
      await fourth.close();
    });

    it('keeps many entries across segment rotation', async () => {
      const first = await options.open(dir);
      for (let i = 0; i < 2_000; i++) {
        first.append(line(i));
        if (i % 100 === 0) await first.flush();
      }
      await first.close();
      const second = await options.open(dir);
      assert.deepEqual(indexes(second.takeRecovered()), Array.from({ length: 2_000 }, (_, i) => i));
      await second.close();
    });

    it('refuses an entry with a newline', async () => {
      const spool = await options.open(dir);
      assert.throws(() => spool.append('{"a":\n1}'), RangeError);
      await spool.close();
    });

    it('after a kill -9, replays every entry that was flushed, with no torn entry', async () => {
      const flushed = await killWhenReady(options.crashChild, [dir, 'flush']);
      const spool = await options.open(dir);
      const got = indexes(spool.takeRecovered());
      assert.ok(got.length >= flushed, `all ${flushed} flushed entries are back (got ${got.length})`);
      assert.deepEqual(got, Array.from({ length: got.length }, (_, i) => i), 'a gap-free prefix of what was appended');
      await spool.close();
    });

    it('after a kill -9, entries appended longer ago than the sync interval are back without a flush', async () => {
      const appended = await killWhenReady(options.crashChild, [dir, 'wait']);
      const spool = await options.open(dir);
      const got = indexes(spool.takeRecovered());
      assert.ok(got.length >= appended, `the ${appended} entries older than the sync interval are back (got ${got.length})`);
      await spool.close();
    });

    it('after a kill -9, released entries stay released', async () => {
      const flushed = await killWhenReady(options.crashChild, [dir, 'release']);
      const spool = await options.open(dir);
      const got = indexes(spool.takeRecovered());
      assert.equal(got[0], 50, 'entries 0..49 were released and flushed');
      assert.ok(got.length >= flushed - 50);
      await spool.close();
    });
  });
}
