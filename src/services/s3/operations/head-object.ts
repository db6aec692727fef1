import type { Operation } from '../../../kernel/index.js';
import type { GetObjectInput, HeadObjectOutput } from '../../../models/s3/index.js';
import { objectView } from '../object-view.js';
import { readTarget } from '../read-target.js';
import type { S3ServiceDeps } from '../s3-deps.js';

/** GetObject's headers without the body; a missing key is a 404 (the wire sends no body, SDKs say NotFound). */
export function headObject(deps: S3ServiceDeps): Operation<GetObjectInput, HeadObjectOutput> {
  return async (input, ctx) => {
    const { head, range } = await readTarget(deps, input, ctx);
    const view = objectView(head, input, range === undefined);
    if (range === undefined) return view;
    return { ...view, ContentLength: range.last - range.first + 1, ContentRange: `bytes ${range.first}-${range.last}/${head.size}` };
  };
}
