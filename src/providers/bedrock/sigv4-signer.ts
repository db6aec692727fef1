import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { UpstreamCredentials } from './bedrock-options.js';

/** Signs bedrock-runtime requests with SigV4 (signing name `bedrock`), as the AWS SDK does. */
export class Sigv4Signer {
  private readonly signer: SignatureV4;

  constructor(region: string, credentials: UpstreamCredentials) {
    this.signer = new SignatureV4({
      service: 'bedrock',
      region,
      credentials,
      sha256: Hash.bind(null, 'sha256'),
      // The path is sent percent-encoded once and signed encoded twice, as for every service but S3.
      uriEscapePath: true,
    });
  }

  /** The headers to send: the given ones plus `host`-bound `authorization`, `x-amz-date` (and the session token). */
  async headers(url: URL, headers: Readonly<Record<string, string>>, body: Uint8Array): Promise<Record<string, string>> {
    const signed = await this.signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port === '' ? {} : { port: Number(url.port) }),
      path: url.pathname,
      query: {},
      headers: { ...headers, host: url.host },
      body,
    });
    // fetch sets Host itself (from the URL, so it matches what was signed).
    const { host: _host, ...rest } = signed.headers;
    return rest;
  }
}
