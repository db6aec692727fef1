import { streamNames, type EventLayout } from './event-generator.js';
import { callLogs, type Endpoint } from './signed-client.js';

interface GetLogEventsOutput {
  readonly events?: readonly unknown[];
  readonly nextForwardToken?: string;
}

interface DescribeLogGroupsOutput {
  readonly logGroups?: readonly { readonly logGroupName?: string; readonly storedBytes?: number }[];
}

/** Counts every stored event of the bench streams by paging GetLogEvents forward until the token stops moving. */
export async function countStoredEvents(endpoint: Endpoint, layout: EventLayout): Promise<number> {
  let total = 0;
  for (const logStreamName of streamNames(layout)) {
    let token: string | undefined;
    for (let page = 0; ; page++) {
      if (page > 1_000_000) throw new Error(`GetLogEvents paging on ${logStreamName} never ended`);
      const input = { logGroupName: layout.logGroupName, logStreamName, startFromHead: true, limit: 10_000, nextToken: token };
      const output = await callLogs<GetLogEventsOutput>(endpoint, 'GetLogEvents', input);
      total += output.events?.length ?? 0;
      if (output.nextForwardToken === undefined || output.nextForwardToken === token) break;
      token = output.nextForwardToken;
    }
  }
  return total;
}

/** The group's `storedBytes` (UTF-8 message bytes), a cheap cross-check when counting every event is too slow. */
export async function storedBytes(endpoint: Endpoint, logGroupName: string): Promise<number | undefined> {
  const output = await callLogs<DescribeLogGroupsOutput>(endpoint, 'DescribeLogGroups', { logGroupNamePrefix: logGroupName });
  return output.logGroups?.find((group) => group.logGroupName === logGroupName)?.storedBytes;
}
