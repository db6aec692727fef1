import { parentPort, workerData } from 'node:worker_threads';
import { openTailSession, type TailSession } from './tail-sessions.js';
import type { Endpoint } from './signed-client.js';

/**
 * The tail bench's readers, on their own thread so that parsing twenty SSE streams does not hold up the bench's
 * writers. Messages: `clear` forgets arrivals so far; `report` (with each batch's ack time) answers the latencies.
 */
interface Setup {
  readonly endpoint: Endpoint;
  readonly logGroupName: string;
  readonly patterns: readonly string[];
}

export interface ReaderReport {
  /** ack -> arrival in ms, sorted; arrivals before their ack count as 0. */
  readonly latencies: number[];
  readonly early: number;
  readonly dropped: number;
}

const setup = workerData as Setup;
const now = (): number => performance.timeOrigin + performance.now();
const sessions: TailSession[] = [];
for (const pattern of setup.patterns) sessions.push(await openTailSession(setup.endpoint, setup.logGroupName, pattern, now));
parentPort?.postMessage({ kind: 'ready' });

parentPort?.on('message', (message: { kind: 'clear' } | { kind: 'report'; firstId: number; batch: number; acks: number[] }) => {
  if (message.kind === 'clear') {
    for (const session of sessions) {
      session.arrivals.clear();
      session.dropped = 0;
    }
    parentPort?.postMessage({ kind: 'cleared' });
    return;
  }
  const latencies: number[] = [];
  let early = 0;
  let dropped = 0;
  for (const session of sessions) {
    dropped += session.dropped;
    for (const [id, at] of session.arrivals) {
      const acked = message.acks[Math.floor((id - message.firstId) / message.batch)];
      if (acked === undefined || id < message.firstId) continue;
      if (at < acked) early += 1;
      latencies.push(Math.max(0, at - acked));
    }
    session.close();
  }
  latencies.sort((a, b) => a - b);
  const report: ReaderReport = { latencies, early, dropped };
  parentPort?.postMessage({ kind: 'report', report });
});
