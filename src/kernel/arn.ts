/** ARN builders and parsers for the resources ModelWatch serves. Partition is always `aws`. */

export function logGroupArn(region: string, accountId: string, logGroupName: string): string {
  return `arn:aws:logs:${region}:${accountId}:log-group:${logGroupName}`;
}

/** The IAM-style ARN with the trailing `:*`, as DescribeLogGroups reports in `arn`. */
export function logGroupWildcardArn(region: string, accountId: string, logGroupName: string): string {
  return `${logGroupArn(region, accountId, logGroupName)}:*`;
}

export function logStreamArn(region: string, accountId: string, logGroupName: string, logStreamName: string): string {
  return `${logGroupArn(region, accountId, logGroupName)}:log-stream:${logStreamName}`;
}

export interface ParsedArn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly accountId: string;
  /** Everything after the fifth colon, e.g. `log-group:my-group`. */
  readonly resource: string;
}

export function parseArn(text: string): ParsedArn | undefined {
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition, service, region, accountId] = parts as [string, string, string, string, string];
  return { partition, service, region, accountId, resource: parts.slice(5).join(':') };
}
