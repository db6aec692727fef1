/** One configured access key: who it belongs to and the secret that proves it. */
export interface AccessKeyEntry {
  readonly secretAccessKey: string;
  readonly accountId: string;
  /** IAM user name; without it the key acts as the account's root user. */
  readonly userName?: string;
}

/**
 * How requests are authenticated. Parsed once at startup and passed down.
 * - `strict`: the signature, clock skew and access key are all checked, as on AWS.
 * - `permissive`: any well-formed SigV4 request is accepted without checking secret or clock,
 *   so any SDK configured with any credentials works out of the box.
 */
export interface AuthConfig {
  readonly mode: 'strict' | 'permissive';
  /** Access key id -> entry. */
  readonly keys: ReadonlyMap<string, AccessKeyEntry>;
  /** Permissive mode: account for access key ids that are not themselves 12 digits (usually 000000000000). */
  readonly defaultAccount: string;
  /** Strict mode: also accept the emulator convention `test`/`test` as account 000000000000 (loopback only). */
  readonly acceptTestCredentials: boolean;
  /** Bedrock API keys (`Authorization: Bearer`) -> owner; only services whose model lists httpBearerAuth take them. */
  readonly bearerTokens?: ReadonlyMap<string, { readonly accountId: string; readonly userName?: string }>;
}

/** The account the `test`/`test` credentials map to, as in other AWS emulators. */
export const TEST_ACCOUNT_ID = '000000000000';
