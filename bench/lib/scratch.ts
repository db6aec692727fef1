import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs `work` with a fresh temporary folder (NDJSON files, baseline databases) and removes it afterwards. */
export async function withScratchDir<T>(prefix: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), `modelwatch-${prefix}-`));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The 1-minute load average: on a shared 2-core machine, anything above ~2 means the figures are pessimistic. */
export function loadNote(when: string): string {
  return `load average ${when}: ${loadavg()[0]?.toFixed(2) ?? '?'} (2 cores shared with other processes)`;
}

export function progress(message: string): void {
  console.log(`  .. ${message}`);
}
