import type { CredentialScope } from './parse-credential.js';

/** The request time a signature claims, and where it came from (it is signed as that header). */
export interface RequestTime {
  readonly text: string;
  readonly source: 'x-amz-date' | 'date';
}

/** What a request says about its own SigV4 signature, before anything is verified. */
export interface SigV4Claim {
  /** `header`: `Authorization: AWS4-HMAC-SHA256 ...`; `query`: a presigned URL. */
  readonly form: 'header' | 'query';
  readonly scope: CredentialScope;
  /** Lower-case header names in the client's order. */
  readonly signedHeaders: readonly string[];
  readonly signature: string;
  readonly requestTime: RequestTime;
  /** Presigned URLs only: `X-Amz-Expires` in seconds, if sent. */
  readonly expiresSeconds: number | undefined;
  readonly securityToken: string | undefined;
  /** Whether the security token is covered by the signature (always so for presigned URLs). */
  readonly securityTokenSigned: boolean;
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';
