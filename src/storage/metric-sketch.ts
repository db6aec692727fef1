/**
 * A mergeable value distribution in the style of DDSketch: values fall into logarithmic buckets whose width is
 * 1% of their value, so any value read back from a bucket is within 0.5% of every value it holds. Merging two
 * sketches adds their counts, which is what makes percentiles of any period exact to 0.5% (not averages of
 * averages). Pure: no I/O, safe to store bucket keys as integers anywhere.
 */
export const SKETCH_RELATIVE_ACCURACY = 0.005;
const GAMMA = (1 + SKETCH_RELATIVE_ACCURACY) / (1 - SKETCH_RELATIVE_ACCURACY);
const LN_GAMMA = Math.log(GAMMA);
/** A bucket holds (GAMMA^(i-1), GAMMA^i]; 2 GAMMA^i / (GAMMA + 1) is equally close, relatively, to both ends. */
const LN_CENTRE = Math.log(2 / (GAMMA + 1));
// Bucket indexes of finite doubles stay within about ±75,000, so an offset of 10^6 keeps positive keys positive
// and lets one signed integer order all keys exactly as their values: negatives < 0 (key 0) < positives.
const OFFSET = 1_000_000;

/** The bucket key of a finite value; keys compare in the same order as the values they hold. */
export function sketchKey(value: number): number {
  if (value === 0) return 0;
  const index = Math.ceil(Math.log(Math.abs(value)) / LN_GAMMA);
  return value > 0 ? OFFSET + index : -(OFFSET + index);
}

/** The value a bucket stands for: within SKETCH_RELATIVE_ACCURACY of everything in it. */
export function sketchKeyValue(key: number): number {
  if (key === 0) return 0;
  // In log space, and capped, so the bucket of Number.MAX_VALUE does not read back as Infinity.
  const magnitude = Math.min(Number.MAX_VALUE, Math.exp((Math.abs(key) - OFFSET) * LN_GAMMA + LN_CENTRE));
  return key > 0 ? magnitude : -magnitude;
}

/** Share (0..1) of a bucket's values assumed to be <= value, interpolating in log space. */
function shareAtOrBelow(key: number, value: number): number {
  if (key === 0) return value >= 0 ? 1 : 0;
  const index = Math.abs(key) - OFFSET;
  const position = Math.log(Math.abs(value)) / LN_GAMMA - (index - 1);
  const clamped = Number.isFinite(position) ? Math.min(1, Math.max(0, position)) : Math.abs(value) > 1 ? 1 : 0;
  return key > 0 ? clamped : 1 - clamped;
}

export class MetricSketch {
  // Ascending keys with their counts; adds land in `pending` and are folded in on the next read, so building from
  // already sorted rows (a database's ORDER BY) costs no map or sort at all.
  private keys: number[] = [];
  private counts: number[] = [];
  private pending: Map<number, number> | undefined;
  private totalCount = 0;

  /** A sketch over buckets given in strictly ascending key order (taken over, not copied). */
  static fromSorted(keys: number[], counts: number[]): MetricSketch {
    const sketch = new MetricSketch();
    sketch.keys = keys;
    sketch.counts = counts;
    for (const count of counts) sketch.totalCount += count;
    return sketch;
  }

  add(key: number, count: number): void {
    if (!(count > 0)) return;
    this.pending ??= new Map();
    this.pending.set(key, (this.pending.get(key) ?? 0) + count);
    this.totalCount += count;
  }

  addValue(value: number, count = 1): void {
    this.add(sketchKey(value), count);
  }

  merge(other: MetricSketch): void {
    other.fold();
    other.keys.forEach((key, index) => this.add(key, other.counts[index] as number));
  }

  /** How many values the sketch holds (counts may be fractional: AWS allows fractional Counts). */
  get count(): number {
    return this.totalCount;
  }

  /** [key, count] pairs in ascending value order. */
  buckets(): (readonly [number, number])[] {
    this.fold();
    return this.keys.map((key, index) => [key, this.counts[index] as number] as const);
  }

  /** The value at `rank` (0..count) counting from the smallest: rank r lands in the bucket holding the r-th value. */
  valueAtRank(rank: number): number {
    this.fold();
    let seen = 0;
    for (let index = 0; index < this.keys.length; index++) {
      seen += this.counts[index] as number;
      if (seen >= rank) return sketchKeyValue(this.keys[index] as number);
    }
    return sketchKeyValue(this.keys.at(-1) ?? 0);
  }

  /** How many values are <= value (interpolated inside the bucket holding it). */
  rankOfValue(value: number): number {
    this.fold();
    const boundary = sketchKey(value);
    let rank = 0;
    for (let index = 0; index < this.keys.length; index++) {
      const key = this.keys[index] as number;
      const count = this.counts[index] as number;
      if (key < boundary) rank += count;
      else if (key === boundary) rank += count * shareAtOrBelow(key, value);
      else break;
    }
    return rank;
  }

  /** Sum of the values whose rank lies in (lowRank, highRank], each bucket contributing the overlapping share. */
  sumBetweenRanks(lowRank: number, highRank: number, minimum: number, maximum: number): number {
    this.fold();
    let seen = 0;
    let sum = 0;
    for (let index = 0; index < this.keys.length && seen < highRank; index++) {
      const count = this.counts[index] as number;
      const overlap = Math.min(seen + count, highRank) - Math.max(seen, lowRank);
      if (overlap > 0) sum += overlap * Math.min(maximum, Math.max(minimum, sketchKeyValue(this.keys[index] as number)));
      seen += count;
    }
    return sum;
  }

  private fold(): void {
    if (this.pending === undefined) return;
    const merged = new Map(this.pending);
    this.keys.forEach((key, index) => merged.set(key, (merged.get(key) ?? 0) + (this.counts[index] as number)));
    const keys = [...merged.keys()].sort((a, b) => a - b);
    this.keys = keys;
    this.counts = keys.map((key) => merged.get(key) as number);
    this.pending = undefined;
  }
}
