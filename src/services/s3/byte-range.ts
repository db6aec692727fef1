import type { ByteRange } from '../../storage/index.js';
import { invalidRange } from './errors.js';

/**
 * Resolves an HTTP `Range` header against an object's size, as S3 does: one `bytes=` range (`a-b`, `a-`, `-n`);
 * a range that starts past the end is InvalidRange (416); a header S3 cannot parse (or several ranges) is ignored
 * and the whole object is returned [unconfirmed for multi-range]. Any range of an empty object is InvalidRange
 * [unconfirmed].
 */
export function resolveByteRange(header: string | undefined, size: number): ByteRange | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*bytes=(\d*)-(\d*)\s*$/.exec(header);
  if (match === null) return undefined;
  const [, startText = '', endText = ''] = match;
  if (startText === '' && endText === '') return undefined;
  if (startText === '') {
    const suffix = Number(endText);
    if (suffix === 0 || size === 0) throw invalidRange(header, size);
    return { first: Math.max(0, size - suffix), last: size - 1 };
  }
  const first = Number(startText);
  const last = endText === '' ? size - 1 : Math.min(Number(endText), size - 1);
  if (endText !== '' && Number(endText) < first) return undefined;
  if (first >= size) throw invalidRange(header, size);
  return { first, last };
}
