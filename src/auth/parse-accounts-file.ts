import type { AccessKeyEntry } from './auth-config.js';

const ACCESS_KEY_ID = /^[A-Za-z0-9_]{1,128}$/;
const ACCOUNT_ID = /^\d{12}$/;
/** IAM's user-name alphabet. */
const USER_NAME = /^[\w+=,.@-]{1,64}$/;
const ENTRY_FIELDS = new Set(['secretAccessKey', 'accountId', 'userName']);

/**
 * Validates the accounts section of the configuration:
 * `{"accessKeys": {"AKIA...": {"secretAccessKey": "...", "accountId": "123456789012", "userName": "alice"}}}`.
 * Throws an `Error` naming the offending path, so a typo in the file is reported at startup.
 */
export function parseAccountsFile(json: unknown): Map<string, AccessKeyEntry> {
  if (!isObject(json)) throw new Error(`accounts: expected an object with "accessKeys", got ${describe(json)}`);
  const extra = Object.keys(json).filter((k) => k !== 'accessKeys');
  if (extra.length > 0) throw new Error(`accounts: unknown field "${extra[0]}" (expected "accessKeys")`);
  const accessKeys = json['accessKeys'];
  if (!isObject(accessKeys)) throw new Error(`accounts.accessKeys: expected an object, got ${describe(accessKeys)}`);

  const keys = new Map<string, AccessKeyEntry>();
  for (const [id, raw] of Object.entries(accessKeys)) {
    const path = `accounts.accessKeys["${id}"]`;
    if (!ACCESS_KEY_ID.test(id)) throw new Error(`${path}: access key id must be 1-128 letters, digits or "_"`);
    keys.set(id, parseEntry(path, raw));
  }
  return keys;
}

function parseEntry(path: string, raw: unknown): AccessKeyEntry {
  if (!isObject(raw)) throw new Error(`${path}: expected an object, got ${describe(raw)}`);
  const unknown = Object.keys(raw).find((k) => !ENTRY_FIELDS.has(k));
  if (unknown !== undefined) {
    throw new Error(`${path}: unknown field "${unknown}" (expected secretAccessKey, accountId, userName)`);
  }
  const { secretAccessKey, accountId, userName } = raw;
  if (typeof secretAccessKey !== 'string' || secretAccessKey === '') {
    throw new Error(`${path}.secretAccessKey: expected a non-empty string, got ${describe(secretAccessKey)}`);
  }
  if (typeof accountId !== 'string' || !ACCOUNT_ID.test(accountId)) {
    throw new Error(`${path}.accountId: expected a 12-digit string such as "123456789012", got ${describe(accountId)}`);
  }
  if (userName === undefined) return { secretAccessKey, accountId };
  if (typeof userName !== 'string' || !USER_NAME.test(userName)) {
    throw new Error(`${path}.userName: expected 1-64 characters of [A-Za-z0-9_+=,.@-], got ${describe(userName)}`);
  }
  return { secretAccessKey, accountId, userName };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  return Array.isArray(value) ? 'an array' : JSON.stringify(value);
}
