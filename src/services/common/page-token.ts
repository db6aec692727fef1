import { fnv1a64 } from './checksum.js';

/** What a page token may remember: a flat record of scalars (a sort key, a direction, a filter fingerprint). */
export type PageTokenState = Readonly<Record<string, string | number | boolean>>;

interface TokenEnvelope {
  readonly k: string;
  readonly v: PageTokenState;
  readonly c: string;
}

/**
 * Opaque pagination tokens: base64url of `{k: kind, v: state, c: checksum}`. `kind` names the listing (usually the
 * operation) so a token from one listing is refused by another; the checksum refuses tokens edited by hand.
 */
export function encodePageToken(kind: string, state: PageTokenState): string {
  const envelope: TokenEnvelope = { k: kind, v: state, c: checksumOf(kind, state) };
  return Buffer.from(JSON.stringify(envelope), 'utf8').toString('base64url');
}

/** The state a token was made from, or `undefined` when it is malformed, tampered with, or of another kind. */
export function decodePageToken(kind: string, token: string): PageTokenState | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isEnvelope(parsed) || parsed.k !== kind) return undefined;
  return parsed.c === checksumOf(kind, parsed.v) ? parsed.v : undefined;
}

function checksumOf(kind: string, state: PageTokenState): string {
  return fnv1a64(`modelwatch-page-token|${kind}|${JSON.stringify(state)}`).toString(36);
}

function isEnvelope(value: unknown): value is TokenEnvelope {
  if (value === null || typeof value !== 'object') return false;
  const { k, v, c } = value as Record<string, unknown>;
  if (typeof k !== 'string' || typeof c !== 'string' || v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  return Object.values(v).every((x) => typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x)));
}
