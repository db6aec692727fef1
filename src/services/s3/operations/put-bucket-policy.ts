import type { Operation } from '../../../kernel/index.js';
import type { EmptyOutput, PutBucketPolicyInput } from '../../../models/s3/index.js';
import { malformedPolicy } from '../errors.js';
import { ownedBucket } from '../owned-bucket.js';
import type { S3ServiceDeps } from '../s3-deps.js';

/**
 * Bucket policies are stored and returned as sent. S3 checks more of the policy grammar than JSON-ness; here only
 * the JSON object and a `Statement` member are required [unconfirmed: S3's full policy validation texts].
 */
export function putBucketPolicy(deps: S3ServiceDeps): Operation<PutBucketPolicyInput, EmptyOutput> {
  return async (input, ctx) => {
    await ownedBucket(deps.store, input, ctx);
    let parsed: unknown;
    try {
      parsed = JSON.parse(input.Policy);
    } catch {
      throw malformedPolicy("Policies must be valid JSON and the first byte must be '{'");
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !input.Policy.trimStart().startsWith('{')) {
      throw malformedPolicy("Policies must be valid JSON and the first byte must be '{'");
    }
    if (!('Statement' in parsed)) throw malformedPolicy('Missing required field Statement');
    await deps.store.setBucketPolicy(input.Bucket, input.Policy);
    return {};
  };
}
