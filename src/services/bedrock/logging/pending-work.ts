/**
 * Which spooled outcomes still have work outstanding (metrics not yet written, a destination not yet delivered),
 * so the spool can be released up to the newest seq below which everything is finished. Seqs arrive in
 * increasing order, so the oldest unfinished one is found from the front of a queue in amortized O(1).
 */
export class PendingWork {
  private readonly remaining = new Map<number, number>();
  private readonly order: number[] = [];
  private head = 0;
  private highest = 0;

  /** Registers `seq` with `parts` pieces of work (at least 1). */
  add(seq: number, parts: number): void {
    this.remaining.set(seq, (this.remaining.get(seq) ?? 0) + parts);
    this.order.push(seq);
    this.highest = Math.max(this.highest, seq);
  }

  /** Adds pieces of work to a seq still pending (a destination discovered once its configuration is read). */
  extend(seq: number, parts: number): void {
    const left = this.remaining.get(seq);
    if (left !== undefined) this.remaining.set(seq, left + parts);
  }

  done(seq: number): void {
    const left = this.remaining.get(seq);
    if (left === undefined) return;
    if (left <= 1) this.remaining.delete(seq);
    else this.remaining.set(seq, left - 1);
  }

  /** The newest seq such that it and every older one are finished (0 when none). */
  watermark(): number {
    while (this.head < this.order.length && !this.remaining.has(this.order[this.head] ?? 0)) this.head++;
    if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order.splice(0, this.head);
      this.head = 0;
    }
    const oldest = this.order[this.head];
    return oldest === undefined ? this.highest : oldest - 1;
  }

  get size(): number {
    return this.remaining.size;
  }
}
