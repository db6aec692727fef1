import { Counter, Histogram, type Registry } from 'prom-client';

/** One answered AWS API request, as the dispatcher saw it. */
export interface RequestObservation {
  /** The signing name of the service that answered (`logs`, `monitoring`, `sts`, ...), or `none` when unrouted. */
  readonly service: string;
  /** The AWS operation, or `unknown` when the request never decoded to one. */
  readonly operation: string;
  readonly status: number;
  readonly seconds: number;
}

/** Latency buckets from 1 ms to 10 s: API calls here are mostly sub-millisecond to tens of milliseconds. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Request counts and latencies by service and operation. Operation names come from the served catalogues (or
 * `unknown`), so their cardinality is bounded by the APIs, not by the clients.
 */
export function requestMetrics(registry: Registry): (observation: RequestObservation) => void {
  const requests = new Counter({
    name: 'modelwatch_requests_total',
    help: 'AWS API requests answered, by service, operation and HTTP status class.',
    labelNames: ['service', 'operation', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'modelwatch_request_duration_seconds',
    help: 'Time from a request being read to its response being ready, by service and operation.',
    labelNames: ['service', 'operation'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  return ({ service, operation, status, seconds }) => {
    requests.inc({ service, operation, status: `${Math.floor(status / 100)}xx` });
    latency.observe({ service, operation }, seconds);
  };
}
