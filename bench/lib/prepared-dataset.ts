import { batchEvents, type EventLayout } from './event-generator.js';
import { openNdjsonWriter } from './duckdb-baseline.js';
import type { IngestRequest } from './ingest-driver.js';
import { encodeBatch, signBatch, type EncodedBatch } from './put-log-events-batches.js';
import type { Endpoint } from './signed-client.js';

/**
 * Every batch of a layout generated once, up front: the PutLogEvents bodies (signed later, just before the timed
 * part, so slow baselines cannot outlive the 15-minute signatures) and the same rows as NDJSON for DuckDB.
 */
export interface PreparedDataset {
  readonly layout: EventLayout;
  /** Encoded request bodies, `[writer][batch]`. */
  readonly batches: readonly (readonly EncodedBatch[])[];
  readonly ndjsonPath: string;
  readonly rows: number;
}

export async function generateDataset(layout: EventLayout, ndjsonPath: string): Promise<PreparedDataset> {
  const ndjson = openNdjsonWriter(ndjsonPath);
  const batches: EncodedBatch[][] = Array.from({ length: layout.writers }, () => []);
  let rows = 0;
  for (let batch = 0; batch < layout.batchesPerWriter; batch++) {
    for (let writer = 0; writer < layout.writers; writer++) {
      const events = batchEvents(layout, writer, batch);
      await ndjson.write(events);
      batches[writer]?.push(encodeBatch(layout.logGroupName, events));
      rows += events.length;
    }
  }
  await ndjson.close();
  return { layout, batches, ndjsonPath, rows };
}

/** Signs every batch now; the returned lookup hands them to `driveIngest` without further work. */
export async function signDataset(
  endpoint: Endpoint,
  dataset: PreparedDataset,
): Promise<(writer: number, batch: number) => Promise<IngestRequest>> {
  const signed: IngestRequest[][] = [];
  for (const batches of dataset.batches) {
    const requests: IngestRequest[] = [];
    for (const batch of batches) requests.push(await signBatch(endpoint, batch));
    signed.push(requests);
  }
  return (writer, batch) => {
    const request = signed[writer]?.[batch];
    return request === undefined ? Promise.reject(new Error(`no prepared batch ${writer}/${batch}`)) : Promise.resolve(request);
  };
}
