export { authenticate } from './authenticate.js';
export type { AuthenticatedCall } from './authenticate.js';
export { parseCredentialScope } from './read-sigv4-claim.js';
export type { CredentialScope } from './parse-credential.js';
export { parseAccountsFile } from './parse-accounts-file.js';
export { TEST_ACCOUNT_ID } from './auth-config.js';
export type { AccessKeyEntry, AuthConfig } from './auth-config.js';
export { parseBearerTokens } from './bearer-token.js';
export type { BearerTokenOwner } from './bearer-token.js';
