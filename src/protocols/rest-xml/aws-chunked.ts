import { ServiceError } from '../../kernel/index.js';

/** One decoded `aws-chunked` body: the payload, the trailing headers, and each chunk's signature if it was signed. */
export interface AwsChunkedBody {
  readonly payload: Buffer;
  /** Trailer names lower-case, e.g. `x-amz-checksum-crc32`. */
  readonly trailers: Readonly<Record<string, string>>;
  readonly chunkSignatures: readonly string[];
}

const CRLF = Buffer.from('\r\n');

/**
 * Decodes S3's `aws-chunked` framing (`<hex size>[;chunk-signature=<sig>]\r\n<data>\r\n` ... `0...\r\n`, then
 * optional `name:value\r\n` trailers and a final `\r\n`), as the SDKs send for streaming uploads with both
 * `STREAMING-UNSIGNED-PAYLOAD-TRAILER` and `STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]`.
 */
export function decodeAwsChunked(body: Buffer): AwsChunkedBody {
  const parts: Buffer[] = [];
  const chunkSignatures: string[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = body.indexOf(CRLF, offset);
    if (lineEnd < 0) throw incompleteBody();
    const [sizeText = '', ...extensions] = body.subarray(offset, lineEnd).toString('latin1').split(';');
    if (!/^[0-9a-fA-F]{1,16}$/.test(sizeText.trim())) throw incompleteBody();
    const size = Number.parseInt(sizeText.trim(), 16);
    const signature = extensions.map((e) => e.trim()).find((e) => e.startsWith('chunk-signature='));
    if (signature !== undefined) chunkSignatures.push(signature.slice('chunk-signature='.length));
    offset = lineEnd + 2;
    if (size === 0) break;
    if (offset + size + 2 > body.length || !body.subarray(offset + size, offset + size + 2).equals(CRLF)) throw incompleteBody();
    parts.push(body.subarray(offset, offset + size));
    offset += size + 2;
  }
  return { payload: Buffer.concat(parts), trailers: readTrailers(body.subarray(offset)), chunkSignatures };
}

function readTrailers(rest: Buffer): Record<string, string> {
  const trailers: Record<string, string> = {};
  for (const line of rest.toString('latin1').split('\r\n')) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) throw incompleteBody();
    trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return trailers;
}

/** [unconfirmed] the code S3 answers for a chunked body that ends early or is malformed. */
export function incompleteBody(): ServiceError {
  return new ServiceError('IncompleteBody', 'The request body terminated unexpectedly');
}
