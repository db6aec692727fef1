import { parseArn } from '../../kernel/index.js';
import type { Scope } from '../../storage/index.js';
import { invalidParameter } from './errors.js';

/**
 * CloudWatch Logs takes a KMS key as an ARN (`arn:aws:kms:<region>:<account>:key/<id>`) in the log group's region.
 * ModelWatch has no KMS, so it checks the form only and stores the ARN as given.
 */
export function checkKmsKeyArn(kmsKeyId: string, scope: Scope): void {
  const arn = parseArn(kmsKeyId);
  const valid = arn !== undefined && arn.service === 'kms' && arn.region === scope.region && /^\d{12}$/.test(arn.accountId) && /^(key|alias)\/.+/.test(arn.resource);
  if (!valid) throw invalidParameter(`Specified KMS key '${kmsKeyId}' is not a valid KMS key ARN in region ${scope.region}.`);
}
