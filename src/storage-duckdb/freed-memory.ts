/** How often, at most, freed memory goes back to the OS while writes go on. */
export const RETURN_INTERVAL_MS = 1_000;

/**
 * Calls `giveBack` after writes, at most once per interval, and once more an interval after the last write of a
 * burst (so memory freed by the final commits and checkpoint goes back too). Writes are where DuckDB allocates and
 * frees the most; an idle server does nothing.
 */
export class FreedMemoryReturn {
  private lastRun = Number.NEGATIVE_INFINITY;
  private trailing: NodeJS.Timeout | undefined;
  private running = false;
  /** A return fell due while one ran: run once more when it ends. */
  private again = false;
  private stopped = false;

  constructor(
    private readonly giveBack: () => Promise<void>,
    private readonly intervalMs: number = RETURN_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  afterWrite(): void {
    if (this.trailing !== undefined || this.stopped) return;
    const wait = Math.max(0, this.lastRun + this.intervalMs - this.now());
    this.trailing = setTimeout(() => this.run(), wait);
    this.trailing.unref();
  }

  /** Cancels a pending return and schedules no more (at shutdown). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.trailing);
    this.trailing = undefined;
  }

  private run(): void {
    this.trailing = undefined;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.lastRun = this.now();
    void this.giveBack()
      .catch(() => undefined) // best effort: the memory stays where it was
      .finally(() => {
        this.running = false;
        if (!this.again) return;
        this.again = false;
        this.afterWrite();
      });
  }
}
