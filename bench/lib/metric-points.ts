/**
 * The metrics bench's data, generated deterministically: `series` 1-minute series of one day (the GetMetricData and
 * SEARCH queries) and one day of 1-second data (the p99), plus filler series that only add ingest volume.
 */
export interface MetricPoint {
  readonly metricName: string;
  /** Value of the one dimension `Series`. */
  readonly series: string;
  readonly timestamp: number;
  readonly value: number;
  readonly resolution: 1 | 60;
}

export const NAMESPACE = 'Bench/Metrics';

export interface PointLayout {
  /** End of the day, exclusive, on a whole minute. */
  readonly end: number;
  readonly series: number;
  readonly minutes: number;
  readonly seconds: number;
  /** Extra 1-minute points spread over filler series, for ingest volume only. */
  readonly filler: number;
}

export const DAY_MS = 86_400_000;

/** A small xorshift PRNG: the same values in every run, and cheap. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

/** Log-normal-ish latencies (ms): what percentiles are asked of in practice. */
const latency = (next: () => number): number => Math.round(Math.exp(3 + next() * 2.5) * 100) / 100;

export function* generatePoints(layout: PointLayout): Generator<MetricPoint> {
  const next = random(42);
  const start = layout.end - DAY_MS;
  for (let m = 0; m < layout.minutes; m++) {
    for (let s = 0; s < layout.series; s++) {
      yield { metricName: 'Latency', series: `s${String(s).padStart(3, '0')}`, timestamp: start + m * 60_000, value: latency(next), resolution: 60 };
    }
  }
  for (let i = 0; i < layout.seconds; i++) {
    yield { metricName: 'FineLatency', series: 'fine', timestamp: start + i * 1000, value: latency(next), resolution: 1 };
  }
  for (let i = 0; i < layout.filler; i++) {
    const minute = i % layout.minutes;
    yield { metricName: 'Filler', series: `f${Math.floor(i / layout.minutes)}`, timestamp: start + minute * 60_000, value: latency(next), resolution: 60 };
  }
}

/** The PutMetricData JSON body for up to 1,000 points (AWS's per-call limit). */
export function putMetricDataBody(points: readonly MetricPoint[]): string {
  const data = points.map((p) => ({
    MetricName: p.metricName,
    Dimensions: [{ Name: 'Series', Value: p.series }],
    Timestamp: p.timestamp / 1000,
    Value: p.value,
    StorageResolution: p.resolution,
  }));
  return JSON.stringify({ Namespace: NAMESPACE, MetricData: data });
}
