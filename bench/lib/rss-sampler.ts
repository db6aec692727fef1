import { readFileSync } from 'node:fs';

/** Resident set size of another process, sampled from /proc/<pid>/status on a timer. */
export interface RssSampler {
  /** Stops sampling; returns the figures in bytes. */
  stop(): RssSummary;
}

export interface RssSummary {
  readonly samples: number;
  readonly peakBytes: number;
  readonly lastBytes: number;
  /** VmHWM: the kernel's own peak RSS, which also catches spikes between samples. */
  readonly highWaterBytes: number;
  /** Every sample, in order, for a timeline. */
  readonly seriesBytes: readonly number[];
}

export function readProcStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined; // the process has exited
  }
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export function startRssSampler(pid: number, intervalMs: number): RssSampler {
  let samples = 0;
  let peakKb = 0;
  let lastKb = 0;
  const seriesBytes: number[] = [];
  const sample = (): void => {
    const kb = readProcStatusKb(pid, 'VmRSS');
    if (kb === undefined) return;
    samples += 1;
    seriesBytes.push(kb * 1024);
    lastKb = kb;
    peakKb = Math.max(peakKb, kb);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      const highWaterKb = readProcStatusKb(pid, 'VmHWM') ?? peakKb;
      return { samples, peakBytes: peakKb * 1024, lastBytes: lastKb * 1024, highWaterBytes: highWaterKb * 1024, seriesBytes };
    },
  };
}

/** The largest sample in each of `buckets` equal slices of the run, so a reader sees whether RSS climbs or plateaus. */
export function rssTimeline(summary: RssSummary, buckets: number): number[] {
  const series = summary.seriesBytes;
  const size = Math.max(1, Math.ceil(series.length / buckets));
  const peaks: number[] = [];
  for (let start = 0; start < series.length; start += size) peaks.push(Math.max(...series.slice(start, start + size)));
  return peaks;
}
