import { collectDefaultMetrics, Gauge, type Registry } from 'prom-client';

/** Read when scraped, never pushed: each source answers with its current numbers. */
export interface HealthSources {
  /** Bytes on disk per store file (e.g. `{ database: ..., wal: ... }`). */
  readonly storeBytes?: () => Promise<Readonly<Record<string, number>>>;
  /** Writes waiting per queue (e.g. `{ metric_filter_publications: 3 }`). */
  readonly queueDepths?: () => Readonly<Record<string, number>>;
}

/** The server's own health: store sizes, queue depths, and Node's process metrics (CPU, memory, event loop, GC). */
export function healthMetrics(registry: Registry, sources: HealthSources): void {
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'modelwatch_store_size_bytes',
    help: 'Bytes on disk of the embedded store, per file.',
    labelNames: ['file'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const sizes = (await sources.storeBytes?.()) ?? {};
      for (const [file, bytes] of Object.entries(sizes)) this.set({ file }, bytes);
    },
  });
  new Gauge({
    name: 'modelwatch_queue_depth',
    help: 'Items waiting in each background queue.',
    labelNames: ['queue'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const [queue, depth] of Object.entries(sources.queueDepths?.() ?? {})) this.set({ queue }, depth);
    },
  });
}
