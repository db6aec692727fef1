import { setTimeout as sleep } from 'node:timers/promises';
import { LOG_GROUP } from './gateway-setup.js';
import { callLogs, type Endpoint } from './signed-client.js';

/**
 * Verification that logging really was on and kept up: counts the invocation records delivered to CloudWatch Logs
 * with a Logs Insights `stats count(*)`, polling until it reaches `expected` (delivery is asynchronous by design) or
 * `waitMs` has passed. Returns the last count seen.
 */
export async function countLoggedRecords(endpoint: Endpoint, sinceMs: number, expected: number, waitMs = 30_000): Promise<number> {
  const deadline = Date.now() + waitMs;
  let count = 0;
  for (;;) {
    count = await insightsCount(endpoint, sinceMs);
    if (count >= expected || Date.now() > deadline) return count;
    await sleep(500);
  }
}

interface QueryResults {
  readonly status: string;
  readonly results?: ReadonlyArray<ReadonlyArray<{ readonly field: string; readonly value: string }>>;
}

async function insightsCount(endpoint: Endpoint, sinceMs: number): Promise<number> {
  const { queryId } = await callLogs<{ queryId: string }>(endpoint, 'StartQuery', {
    logGroupName: LOG_GROUP,
    startTime: Math.floor(sinceMs / 1000) - 60,
    endTime: Math.ceil(Date.now() / 1000) + 60,
    queryString: 'stats count(*) as records',
  });
  for (;;) {
    const answer = await callLogs<QueryResults>(endpoint, 'GetQueryResults', { queryId });
    if (answer.status === 'Complete') {
      const cell = answer.results?.[0]?.find((field) => field.field === 'records');
      return Number(cell?.value ?? 0);
    }
    if (answer.status !== 'Running' && answer.status !== 'Scheduled') throw new Error(`Logs Insights query ended ${answer.status}`);
    await sleep(100);
  }
}
