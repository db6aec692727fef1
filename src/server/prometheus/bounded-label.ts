/** The label value every value past the limit shares, so a flood of distinct ids cannot grow the exposition. */
export const OTHER_LABEL = 'other';

/**
 * Keeps a label's cardinality bounded: the first `limit` distinct values are kept as they are, every later one is
 * reported as `other`. First come, first kept: a value once kept stays kept, so series never change labels.
 */
export class BoundedLabel {
  private readonly kept = new Set<string>();

  constructor(private readonly limit: number) {}

  value(raw: string): string {
    if (this.kept.has(raw)) return raw;
    if (this.kept.size >= this.limit) return OTHER_LABEL;
    this.kept.add(raw);
    return raw;
  }
}
