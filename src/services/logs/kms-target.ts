import type { Scope } from '../../storage/index.js';
import { invalidParameter, logGroupNotFound } from './errors.js';
import { groupNameFromIdentifier } from './log-group-ref.js';

export interface KmsTargetInput {
  readonly logGroupName?: string;
  readonly resourceIdentifier?: string;
}

/**
 * The log group an AssociateKmsKey / DisassociateKmsKey call targets: exactly one of `logGroupName` and
 * `resourceIdentifier` (a log group ARN). The other documented target, the account's Logs Insights query results
 * (`arn:aws:logs:<region>:<account>:query-result:*`), has nowhere to live in ModelWatch yet and is refused.
 */
export function kmsTargetGroup(input: KmsTargetInput, scope: Scope): string {
  if ((input.logGroupName === undefined) === (input.resourceIdentifier === undefined)) {
    throw invalidParameter('Specify exactly one of logGroupName and resourceIdentifier.');
  }
  if (input.logGroupName !== undefined) return input.logGroupName;
  const identifier = input.resourceIdentifier ?? '';
  if (/^arn:aws:logs:[^:]*:[^:]*:query-result:\*$/.test(identifier)) {
    throw invalidParameter('ModelWatch does not support KMS keys for query results; specify a log group.');
  }
  if (!identifier.startsWith('arn:')) throw invalidParameter('resourceIdentifier must be a log group ARN or a query-result ARN.');
  const name = groupNameFromIdentifier(identifier, scope);
  if (name === undefined) throw logGroupNotFound();
  return name;
}
