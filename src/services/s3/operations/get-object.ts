import type { Operation } from '../../../kernel/index.js';
import type { GetObjectInput, GetObjectOutput } from '../../../models/s3/index.js';
import { noSuchKey } from '../errors.js';
import { objectView } from '../object-view.js';
import { readTarget } from '../read-target.js';
import type { S3ServiceDeps } from '../s3-deps.js';

/**
 * Reads an object, or the byte range asked for (then with `ContentRange`, which the wire answers as 206). A ranged
 * read reports the whole object's checksum only for a full read, as S3 does for full-object checksums.
 */
export function getObject(deps: S3ServiceDeps): Operation<GetObjectInput, GetObjectOutput> {
  return async (input, ctx) => {
    const { range } = await readTarget(deps, input, ctx);
    const stored = await deps.store.getObject(input.Bucket, input.Key, range);
    if (stored === undefined) throw noSuchKey(input.Key);
    const view = objectView(stored, input, range === undefined);
    if (range === undefined) return { ...view, Body: stored.body };
    return { ...view, Body: stored.body, ContentLength: stored.body.length, ContentRange: `bytes ${range.first}-${range.last}/${stored.size}` };
  };
}
