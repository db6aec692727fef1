/** Past this many, the set starts over: it only saves a failed first attempt, never decides a result. */
const MAX_GROUPS = 10_000;

/**
 * Log groups holding an object-shaped message DuckDB cannot parse, found when a `direct` JSON read failed on them
 * (json-condition-sql.ts). Their scans go straight to the `validated` read instead of failing first each time.
 * Group ids are never reused, so an entry never outlives its meaning.
 */
export class MalformedJsonGroups {
  private readonly groups = new Set<number>();

  has(groupId: number): boolean {
    return this.groups.has(groupId);
  }

  add(groupId: number): void {
    if (this.groups.size >= MAX_GROUPS) this.groups.clear();
    this.groups.add(groupId);
  }

  clear(): void {
    this.groups.clear();
  }
}
