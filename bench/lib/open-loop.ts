/**
 * An open-loop load driver: request i is due at `i / rate` seconds after the start, whether or not earlier ones have
 * answered (a closed loop would slow down with the server and hide queueing). Bounded by a count and a time limit.
 * Latency is timed from when a request was due, so a late client or a queueing server both show up (no coordinated
 * omission), and the client's own lateness is reported apart.
 */
export interface OpenLoopOptions {
  readonly rate: number;
  readonly count: number;
  /** Stop scheduling after this long even if `count` is not reached. */
  readonly maxSeconds: number;
  /** Sends request number `index`; resolves when its whole answer has arrived, rejects on any failure. */
  readonly send: (index: number) => Promise<void>;
  /** Stop sending once this many requests wait for answers: the server has fallen behind for good. */
  readonly maxInFlight: number;
}

export interface OpenLoopResult {
  /** Per completed request, ms from due time to the last byte of the answer. */
  readonly latenciesMs: Float64Array;
  readonly sent: number;
  readonly failed: number;
  readonly firstError?: string;
  /** Completed requests per second, over the time from the first due time to the last answer. */
  readonly throughput: number;
  /** How late the client itself sent requests (p99, ms): above ~1 ms the client, not the server, is the limit. */
  readonly sendLagP99Ms: number;
  /** Sending stopped early because `maxInFlight` requests were waiting. */
  readonly fellBehind: boolean;
}

export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const { rate, count, maxSeconds, send, maxInFlight } = options;
  let fellBehind = false;
  const latencies = new Float64Array(count);
  const lags = new Float64Array(count);
  let completed = 0;
  let failed = 0;
  let firstError: string | undefined;
  let lastDone = 0;
  const inFlight = new Set<Promise<void>>();
  const start = performance.now();
  const intervalMs = 1000 / rate;
  let next = 0;
  while (next < count) {
    const now = performance.now();
    if (now - start > maxSeconds * 1000) break;
    // Send everything that is due; then yield to the event loop so answers are read.
    while (next < count && start + next * intervalMs <= now && !fellBehind) {
      if (inFlight.size >= maxInFlight) {
        fellBehind = true;
        break;
      }
      const index = next++;
      const due = start + index * intervalMs;
      lags[index] = now - due;
      const call = send(index).then(
        () => { const done = performance.now(); latencies[completed++] = done - due; lastDone = done; },
        (error: unknown) => { failed++; firstError ??= error instanceof Error ? error.message : String(error); },
      );
      inFlight.add(call);
      void call.finally(() => inFlight.delete(call));
    }
    if (fellBehind) break;
    const wait = start + next * intervalMs - performance.now();
    await new Promise<void>((resolve) => (wait > 1 ? setTimeout(resolve, Math.min(wait, 5) - 0.5) : setImmediate(resolve)));
  }
  await Promise.all(inFlight);
  const elapsedS = Math.max(lastDone - start, 1) / 1000;
  return {
    latenciesMs: latencies.slice(0, completed),
    sent: next,
    failed,
    ...(firstError === undefined ? {} : { firstError }),
    throughput: completed / elapsedS,
    sendLagP99Ms: percentile(lags.slice(0, next), 0.99),
    fellBehind,
  };
}

/** The nearest-rank percentile (`q` in 0..1) of the values; NaN when there are none. */
export function percentile(values: Float64Array, q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
