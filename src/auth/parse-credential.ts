import { incompleteSignature } from './auth-errors.js';

/** `<access key id>/<YYYYMMDD>/<region>/<service>/aws4_request`, split into its parts. */
export interface CredentialScope {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
}

export const SCOPE_TERMINATOR = 'aws4_request';

/** Splits a credential without judging it; undefined unless it has five non-empty elements. */
export function splitCredential(credential: string): (CredentialScope & { readonly terminator: string }) | undefined {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts.some((p) => p === '')) return undefined;
  const [accessKeyId, date, region, service, terminator] = parts as [string, string, string, string, string];
  return { accessKeyId, date, region, service, terminator };
}

/** Parses a credential as AWS does, throwing `IncompleteSignatureException` with AWS's texts. */
export function parseCredential(credential: string): CredentialScope {
  const parts = splitCredential(credential);
  if (parts === undefined) {
    throw incompleteSignature(
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
    );
  }
  if (parts.terminator !== SCOPE_TERMINATOR) {
    throw incompleteSignature(
      `Credential should be scoped with a valid terminator: '${SCOPE_TERMINATOR}', not '${parts.terminator}'.`,
    );
  }
  const { accessKeyId, date, region, service } = parts;
  return { accessKeyId, date, region, service };
}
