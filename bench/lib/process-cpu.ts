import { readFileSync } from 'node:fs';

/**
 * CPU time of another process, split into its JavaScript main thread and everything else, from /proc. Node names
 * every thread `node`, so DuckDB's workers, libuv's pool and V8's GC helpers can only be told apart from the main
 * thread, not from each other.
 */
export interface CpuSnapshot {
  readonly mainTicks: number;
  /** The whole process, including threads that have already exited. */
  readonly totalTicks: number;
}

export interface CpuUsage {
  readonly mainSeconds: number;
  readonly otherSeconds: number;
  readonly totalSeconds: number;
}

/** Kernel clock ticks per second (USER_HZ); 100 on every mainstream Linux build. */
const TICKS_PER_SECOND = 100;

function ticksOf(statPath: string): number {
  try {
    const stat = readFileSync(statPath, 'utf8');
    // After the parenthesised command name: utime and stime are fields 14 and 15 (1-based) of the whole line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0; // the process has exited
  }
}

export function cpuSnapshot(pid: number): CpuSnapshot {
  return { mainTicks: ticksOf(`/proc/${pid}/task/${pid}/stat`), totalTicks: ticksOf(`/proc/${pid}/stat`) };
}

export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): CpuUsage {
  const mainSeconds = (after.mainTicks - before.mainTicks) / TICKS_PER_SECOND;
  const totalSeconds = (after.totalTicks - before.totalTicks) / TICKS_PER_SECOND;
  return { mainSeconds, otherSeconds: totalSeconds - mainSeconds, totalSeconds };
}

export function describeCpu(usage: CpuUsage, wallSeconds: number): string {
  const cores = (seconds: number): string => `${seconds.toFixed(1)} s (${(seconds / wallSeconds).toFixed(2)} cores)`;
  return `server CPU ${cores(usage.totalSeconds)}: JS main thread ${cores(usage.mainSeconds)}, other threads (DuckDB, libuv, GC) ${cores(usage.otherSeconds)}`;
}
