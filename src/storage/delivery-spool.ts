/**
 * A durable, append-only queue of work the server acknowledged but has not finished (Bedrock invocation outcomes
 * waiting for log delivery). Appends return at once and become durable within the adapter's sync interval (at most
 * 200 ms), so a crash loses at most that much; `flush()` makes everything durable now. Entries the consumer has
 * finished are released by sequence number and are not replayed; everything else is handed back after a restart.
 * Delivery is therefore at-least-once: an entry finished but not yet released when the process died comes back.
 */
export interface SpooledEntry {
  readonly seq: number;
  /** One line of JSON text, exactly as appended. */
  readonly line: string;
}

export interface DeliverySpool {
  /** Entries left unreleased by a previous run, in append order. Returns them once; later calls return []. */
  takeRecovered(): readonly SpooledEntry[];
  /** Buffers one entry (JSON text without newlines) and returns its seq (increasing, never reused). */
  append(line: string): number;
  /** Every entry with seq <= `upTo` is finished and need not be replayed; its space can be reclaimed. */
  release(upTo: number): void;
  /** Makes every appended entry (and the latest release) durable. */
  flush(): Promise<void>;
  /** Flushes and closes; further appends throw. */
  close(): Promise<void>;
}
