/**
 * Reads `node --trace-gc` lines such as `Mark-Compact 150.2 (160.1) -> 120.3 (162.0) MB, ...` to learn how big the
 * server's V8 heap got, so RSS can be split into JavaScript heap and everything else (DuckDB, Buffers, code).
 */
export interface GcTrace {
  readonly onLine: (line: string) => void;
  /** Largest committed V8 heap seen, in MB (V8 prints MB as 2^20 bytes); 0 when no GC line was seen. */
  peakCommittedMiB(): number;
  /** Largest live heap right after a GC, in MB. */
  peakLiveAfterGcMiB(): number;
  gcCount(): number;
}

const GC_LINE = /(?:Scavenge|Mark-Compact|Mark-Sweep|Minor Mark-Sweep|Minor Mark-Compact)[^\d]*?([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/;

export function gcTrace(): GcTrace {
  let committed = 0;
  let liveAfter = 0;
  let count = 0;
  return {
    onLine: (line) => {
      const match = GC_LINE.exec(line);
      if (match === null) return;
      count += 1;
      committed = Math.max(committed, Number(match[2]), Number(match[4]));
      liveAfter = Math.max(liveAfter, Number(match[3]));
    },
    peakCommittedMiB: () => committed,
    peakLiveAfterGcMiB: () => liveAfter,
    gcCount: () => count,
  };
}
