import type { EventCursor } from '../../storage/index.js';
import { fnv1a64 } from '../common/index.js';

/** `f`: the next page reads forward (later events); `b`: backward (earlier events). */
export type TokenDirection = 'f' | 'b';

/** Before every event, and after every event: where a read starts when there is no event to anchor a token on. */
export const STREAM_START: EventCursor = { timestamp: -1, seq: -1 };
export const STREAM_END: EventCursor = { timestamp: Number.MAX_SAFE_INTEGER - 1, seq: Number.MAX_SAFE_INTEGER - 1 };

export interface StreamToken {
  readonly direction: TokenDirection;
  readonly position: EventCursor;
}

const CHECK_MODULUS = 10n ** 16n;

/** Where the store should continue from; reading forward from the start or backward from the end needs no cursor. */
export function readCursor(token: StreamToken | undefined): EventCursor | undefined {
  if (token === undefined) return undefined;
  const { direction, position } = token;
  const edge = direction === 'f' ? STREAM_START : STREAM_END;
  return position.timestamp === edge.timestamp && position.seq === edge.seq ? undefined : position;
}

/**
 * GetLogEvents tokens, shaped like AWS's (`f/` or `b/` and 56 digits): the event position (timestamp and seq, each
 * shifted by one so the start sentinel encodes) and a check over the stream's identity, so that edited tokens and
 * tokens of another stream are refused. Equal positions give equal tokens, which is what AWS's end-of-stream test
 * relies on.
 */
export function encodeStreamToken(stream: string, token: StreamToken): string {
  const { timestamp, seq } = token.position;
  const digits = pad(timestamp + 1, 20) + pad(seq + 1, 20) + pad(check(stream, token.direction, timestamp, seq), 16);
  return `${token.direction}/${digits}`;
}

export function decodeStreamToken(stream: string, text: string): StreamToken | undefined {
  const match = /^([fb])\/(\d{20})(\d{20})(\d{16})$/.exec(text);
  if (match === null) return undefined;
  const [, direction, ts, sq, sum] = match as unknown as [string, TokenDirection, string, string, string];
  const timestamp = Number(ts) - 1;
  const seq = Number(sq) - 1;
  if (!Number.isSafeInteger(timestamp) || !Number.isSafeInteger(seq)) return undefined;
  if (BigInt(sum) !== check(stream, direction, timestamp, seq)) return undefined;
  return { direction, position: { timestamp, seq } };
}

function check(stream: string, direction: TokenDirection, timestamp: number, seq: number): bigint {
  return fnv1a64(`${stream}|${direction}|${timestamp}|${seq}`) % CHECK_MODULUS;
}

function pad(value: number | bigint, width: number): string {
  return value.toString().padStart(width, '0');
}
