import type { Caller } from '../kernel/index.js';
import { TEST_ACCOUNT_ID, type AccessKeyEntry, type AuthConfig } from './auth-config.js';

/** Who owns an access key, as far as a Caller needs to know. */
export interface KeyOwner {
  readonly accountId: string;
  readonly userName?: string;
}

const TEST_KEY: AccessKeyEntry = { secretAccessKey: 'test', accountId: TEST_ACCOUNT_ID };

/** Strict mode: the configured entry, or the `test`/`test` convention when enabled; undefined for unknown keys. */
export function strictKeyEntry(accessKeyId: string, config: AuthConfig): AccessKeyEntry | undefined {
  const entry = config.keys.get(accessKeyId);
  if (entry !== undefined) return entry;
  return config.acceptTestCredentials && accessKeyId === 'test' ? TEST_KEY : undefined;
}

/** Permissive mode: a configured key keeps its owner; a 12-digit key is its own account; anything else is the default. */
export function permissiveKeyOwner(accessKeyId: string, config: AuthConfig): KeyOwner {
  const entry = config.keys.get(accessKeyId);
  if (entry !== undefined) return entry;
  return { accountId: /^\d{12}$/.test(accessKeyId) ? accessKeyId : config.defaultAccount };
}

/** Root keys report `arn:aws:iam::<acct>:root` with the account as user id; user keys report their user ARN. */
export function callerFor(accessKeyId: string, owner: KeyOwner, region: string): Caller {
  const { accountId, userName } = owner;
  if (userName === undefined) {
    return { accountId, region, accessKeyId, arn: `arn:aws:iam::${accountId}:root`, userId: accountId };
  }
  return { accountId, region, accessKeyId, arn: `arn:aws:iam::${accountId}:user/${userName}`, userId: accessKeyId };
}
