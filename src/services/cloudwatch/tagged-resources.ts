import type { Scope } from '../../storage/index.js';

/**
 * The port behind CloudWatch tagging: which taggable resources (alarms, dashboards, metric streams, Contributor
 * Insights rules) exist, and their tags. The services owning those resources register and unregister them; the
 * tagging operations only read and change tags. ModelWatch has no taggable resource yet, so every ARN is unknown.
 */
export interface TaggedResources {
  /** The resource's tags, or undefined when it does not exist. */
  tags(scope: Scope, arn: string): Promise<Readonly<Record<string, string>> | undefined>;
  /** Adds or overwrites tags; 'no-resource' when it does not exist. */
  tag(scope: Scope, arn: string, tags: Readonly<Record<string, string>>): Promise<'tagged' | 'no-resource'>;
  /** Removes keys (absent keys are ignored); 'no-resource' when it does not exist. */
  untag(scope: Scope, arn: string, keys: readonly string[]): Promise<'untagged' | 'no-resource'>;
  /** A resource came into existence with its initial tags (e.g. PutMetricAlarm's Tags). */
  register(scope: Scope, arn: string, tags: Readonly<Record<string, string>>): Promise<void>;
  /** A resource was deleted, and its tags with it. */
  unregister(scope: Scope, arn: string): Promise<void>;
}

/** An in-memory TaggedResources: enough while nothing taggable is stored; alarms bring a durable one. */
export function createMemoryTaggedResources(): TaggedResources {
  const resources = new Map<string, Map<string, string>>();
  const keyOf = (scope: Scope, arn: string): string => `${scope.accountId}\u0000${scope.region}\u0000${arn}`;
  return {
    async tags(scope, arn) {
      const found = resources.get(keyOf(scope, arn));
      return found === undefined ? undefined : Object.fromEntries(found);
    },
    async tag(scope, arn, tags) {
      const found = resources.get(keyOf(scope, arn));
      if (found === undefined) return 'no-resource';
      for (const [key, value] of Object.entries(tags)) found.set(key, value);
      return 'tagged';
    },
    async untag(scope, arn, keys) {
      const found = resources.get(keyOf(scope, arn));
      if (found === undefined) return 'no-resource';
      for (const key of keys) found.delete(key);
      return 'untagged';
    },
    async register(scope, arn, tags) {
      resources.set(keyOf(scope, arn), new Map(Object.entries(tags)));
    },
    async unregister(scope, arn) {
      resources.delete(keyOf(scope, arn));
    },
  };
}
