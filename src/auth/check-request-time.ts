import { formatAmzDate } from './amz-date.js';
import { invalidSignature } from './auth-errors.js';

/** AWS accepts signatures up to 15 minutes off its clock, either way. */
const MAX_SKEW_MS = 15 * 60 * 1000;

/** Throws AWS's `Signature expired` / `Signature not yet current` errors for a signed time outside the window. */
export function checkRequestTime(requestTimeMs: number, nowMs: number, expiresSeconds: number | undefined): void {
  const amzDate = formatAmzDate(requestTimeMs);
  if (requestTimeMs > nowMs + MAX_SKEW_MS) {
    throw invalidSignature(
      `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(nowMs + MAX_SKEW_MS)} ` +
        `(${formatAmzDate(nowMs)} + 15 min.)`,
    );
  }
  // A presigned URL lives for its X-Amz-Expires; a header signature for the skew window.
  const lifetimeMs = expiresSeconds === undefined ? MAX_SKEW_MS : expiresSeconds * 1000;
  if (requestTimeMs < nowMs - lifetimeMs) {
    throw invalidSignature(
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(nowMs - lifetimeMs)} ` +
        `(${formatAmzDate(nowMs)} - ${describeLifetime(lifetimeMs)})`,
    );
  }
}

function describeLifetime(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return seconds % 60 === 0 ? `${seconds / 60} min.` : `${seconds} sec.`;
}
