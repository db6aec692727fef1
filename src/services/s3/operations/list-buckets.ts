import type { Operation } from '../../../kernel/index.js';
import type { ListBucketsInput, ListBucketsOutput } from '../../../models/s3/index.js';
import { compareKeys } from '../../../storage/index.js';
import { invalidArgument } from '../errors.js';
import { bucketArn, ownerOf } from '../owned-bucket.js';
import type { S3ServiceDeps } from '../s3-deps.js';

const MAX_BUCKETS = 10_000;

/** The caller's account's buckets only (names are global, listings are not), by name, paged by `max-buckets`. */
export function listBuckets(deps: S3ServiceDeps): Operation<ListBucketsInput, ListBucketsOutput> {
  return async (input, ctx) => {
    const max = input.MaxBuckets ?? MAX_BUCKETS;
    if (!Number.isInteger(max) || max < 1 || max > MAX_BUCKETS) {
      throw invalidArgument('Invalid Argument: max-buckets must be between 1 and 10000', 'max-buckets', String(input.MaxBuckets));
    }
    const after = input.ContinuationToken === undefined ? undefined : decodeToken(input.ContinuationToken);
    const all = (await deps.store.listBuckets(ctx.caller.accountId)).filter(
      (b) =>
        (input.Prefix === undefined || b.name.startsWith(input.Prefix)) &&
        (input.BucketRegion === undefined || b.region === input.BucketRegion) &&
        (after === undefined || compareKeys(b.name, after) > 0),
    );
    const page = all.slice(0, max);
    const last = page[page.length - 1];
    return {
      Owner: ownerOf(ctx.caller.accountId),
      Buckets: page.map((b) => ({ Name: b.name, CreationDate: b.createdAt, BucketRegion: b.region, BucketArn: bucketArn(b.name) })),
      ...(all.length > max && last !== undefined ? { ContinuationToken: Buffer.from(last.name, 'utf8').toString('base64url') } : {}),
      ...(input.Prefix === undefined ? {} : { Prefix: input.Prefix }),
    };
  };
}

function decodeToken(token: string): string {
  const name = Buffer.from(token, 'base64url').toString('utf8');
  if (name === '') throw invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
  return name;
}
