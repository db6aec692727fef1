import { ServiceError } from '../../kernel/index.js';
import type { S3Checksums } from '../../models/s3/index.js';
import { CHECKSUM_KINDS, isBase64Of, md5Base64 } from './s3-checksums.js';

/**
 * Verifies what the client claimed about the body it sent: `Content-MD5` and at most one `x-amz-checksum-*` value
 * (from a header, or from an aws-chunked trailer). Returns the verified checksums so operations can store and echo
 * them. Texts follow S3: InvalidDigest / BadDigest for MD5, InvalidRequest / BadDigest for flexible checksums.
 */
export function verifyBodyIntegrity(body: Uint8Array, claims: Readonly<Record<string, string>>): S3Checksums & { ContentMD5?: string } {
  const verified: { -readonly [K in keyof S3Checksums]: string } & { ContentMD5?: string } = {};
  const md5 = claims['content-md5'];
  if (md5 !== undefined) {
    if (!isBase64Of(md5, 16)) throw new ServiceError('InvalidDigest', 'The Content-MD5 you specified was invalid.', { members: { 'Content-MD5': md5 } });
    if (md5Base64(body) !== md5) {
      throw new ServiceError('BadDigest', 'The Content-MD5 you specified did not match what we received.', {
        members: { ExpectedDigest: md5, CalculatedDigest: md5Base64(body) },
      });
    }
    verified.ContentMD5 = md5;
  }
  const sent = CHECKSUM_KINDS.filter((kind) => claims[kind.header] !== undefined);
  if (sent.length > 1) {
    throw new ServiceError('InvalidRequest', 'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.');
  }
  const announced = claims['x-amz-sdk-checksum-algorithm']?.toUpperCase();
  if (announced !== undefined && !sent.some((kind) => kind.algorithm === announced)) {
    // [unconfirmed] S3's text for an announced algorithm whose checksum never arrived.
    throw new ServiceError(
      'InvalidRequest',
      'x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.',
    );
  }
  for (const kind of sent) {
    const claimed = claims[kind.header] as string;
    if (!isBase64Of(claimed, kind.bytes)) throw new ServiceError('InvalidRequest', `Value for ${kind.header} header is invalid.`);
    if (kind.compute(body) !== claimed) {
      throw new ServiceError('BadDigest', `The ${kind.algorithm} you specified did not match the calculated checksum.`);
    }
    verified[kind.member] = claimed;
  }
  return verified;
}
