/** SigV4 dates: `YYYYMMDD'T'HHMMSS'Z'` (ISO-8601 basic format, always UTC). */

const BASIC_FORMAT = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Epoch milliseconds, or undefined when the text is not a real ISO-8601 basic-format UTC time. */
export function parseAmzDate(text: string): number | undefined {
  const m = BASIC_FORMAT.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls over (Feb 30 -> Mar 2); AWS rejects such dates, so require a round trip.
  return formatAmzDate(ms) === text ? ms : undefined;
}

export function formatAmzDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** The RFC 1123 `Date` header, which SigV4 accepts when `X-Amz-Date` is absent. */
export function parseHttpDate(text: string): number | undefined {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
