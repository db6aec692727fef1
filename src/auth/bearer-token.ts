import { ServiceError, type Caller } from '../kernel/index.js';
import type { AuthConfig } from './auth-config.js';

/** The owner of a Bedrock API key (`Authorization: Bearer <token>`, httpBearerAuth). */
export interface BearerTokenOwner {
  readonly accountId: string;
  readonly userName?: string;
}

/**
 * Bedrock's httpBearerAuth: `Authorization: Bearer <api key>` (the SDKs send it from `AWS_BEARER_TOKEN_BEDROCK`).
 * Configured tokens map to an account; in permissive mode any token is the default account. A bearer call carries
 * no region, so it is served as us-east-1 [unconfirmed: AWS scopes API keys to the endpoint's region].
 */
export const BEARER_SIGNING_NAME = 'bedrock';
const BEARER_REGION = 'us-east-1';

export function bearerTokenOf(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

export function bearerCaller(token: string, config: AuthConfig): Caller {
  const owner = config.bearerTokens?.get(token) ?? (config.mode === 'permissive' ? { accountId: config.defaultAccount } : undefined);
  // [unconfirmed] The text Bedrock answers for an unknown API key.
  if (owner === undefined) throw new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.', { httpStatus: 403 });
  const userName = owner.userName ?? 'BedrockAPIKey';
  return {
    accountId: owner.accountId,
    region: BEARER_REGION,
    accessKeyId: `bearer-${token.slice(0, 4)}`,
    arn: `arn:aws:iam::${owner.accountId}:user/${userName}`,
    userId: userName,
  };
}

/** `{"<token>": {"accountId": "123456789012", "userName": "..."}}` from the config file's `auth.bearerTokens`. */
export function parseBearerTokens(json: unknown): Map<string, BearerTokenOwner> {
  const tokens = new Map<string, BearerTokenOwner>();
  if (json === undefined) return tokens;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('auth.bearerTokens: expected an object');
  for (const [token, raw] of Object.entries(json)) {
    const where = `auth.bearerTokens["${token.slice(0, 4)}..."]`;
    if (!/^\S{8,}$/.test(token)) throw new Error(`${where}: a token is at least 8 characters without spaces`);
    const entry = (typeof raw === 'object' && raw !== null ? raw : {}) as { accountId?: unknown; userName?: unknown };
    if (typeof entry.accountId !== 'string' || !/^\d{12}$/.test(entry.accountId)) throw new Error(`${where}.accountId: expected 12 digits`);
    if (entry.userName !== undefined && (typeof entry.userName !== 'string' || !/^[\w+=,.@-]{1,64}$/.test(entry.userName))) {
      throw new Error(`${where}.userName: expected an IAM user name`);
    }
    tokens.set(token, { accountId: entry.accountId, ...(typeof entry.userName === 'string' ? { userName: entry.userName } : {}) });
  }
  return tokens;
}
