import type { Scope } from '../storage/index.js';

/** Ids of a group and, once resolved, of its streams. */
interface CachedGroup {
  readonly groupId: number;
  readonly streams: Map<string, number>;
}

export interface StreamIds {
  readonly groupId: number;
  readonly streamId: number;
}

// Bounded so millions of short-lived streams cannot grow the heap; a miss only costs one lookup query.
const MAX_ENTRIES = 100_000;

/**
 * (scope, group, stream) -> ids, so an append does not look names up. Only the write lane fills and invalidates
 * it (deletes and reset run there too), so an entry can never outlive the row it points at.
 */
export class IdCache {
  private readonly groups = new Map<string, CachedGroup>();
  private entries = 0;

  group(scope: Scope, logGroupName: string): number | undefined {
    return this.groups.get(groupKey(scope, logGroupName))?.groupId;
  }

  stream(scope: Scope, logGroupName: string, logStreamName: string): StreamIds | undefined {
    const group = this.groups.get(groupKey(scope, logGroupName));
    const streamId = group?.streams.get(logStreamName);
    return group === undefined || streamId === undefined ? undefined : { groupId: group.groupId, streamId };
  }

  rememberGroup(scope: Scope, logGroupName: string, groupId: number): void {
    const key = groupKey(scope, logGroupName);
    if (this.groups.get(key)?.groupId === groupId) return;
    this.makeRoom();
    this.groups.set(key, { groupId, streams: new Map() });
    this.entries++;
  }

  rememberStream(scope: Scope, logGroupName: string, ids: StreamIds, logStreamName: string): void {
    this.rememberGroup(scope, logGroupName, ids.groupId);
    const group = this.groups.get(groupKey(scope, logGroupName));
    if (group === undefined || group.streams.has(logStreamName)) return;
    this.makeRoom();
    group.streams.set(logStreamName, ids.streamId);
    this.entries++;
  }

  forgetGroup(scope: Scope, logGroupName: string): void {
    const key = groupKey(scope, logGroupName);
    const group = this.groups.get(key);
    if (group === undefined) return;
    this.entries -= 1 + group.streams.size;
    this.groups.delete(key);
  }

  forgetStream(scope: Scope, logGroupName: string, logStreamName: string): void {
    if (this.groups.get(groupKey(scope, logGroupName))?.streams.delete(logStreamName) === true) this.entries--;
  }

  clear(): void {
    this.groups.clear();
    this.entries = 0;
  }

  private makeRoom(): void {
    if (this.entries >= MAX_ENTRIES) this.clear();
  }
}

// Account ids and regions never contain NUL, so the joined key is unambiguous.
export function groupKey(scope: Scope, logGroupName: string): string {
  return `${scope.accountId}\u0000${scope.region}\u0000${logGroupName}`;
}
