import { matchFilterPattern, parseFilterPattern, type FilterPattern } from '../../filter-pattern/index.js';
import type { MetricFilterRecord, MetricTransformationRecord, NewMetricDatum, Scope } from '../../storage/index.js';
import { filterValue } from './metric-filter-values.js';

const MINUTE_MS = 60_000;

export interface AppendedEvent {
  readonly timestamp: number;
  readonly message: string;
}

/** A default-value datapoint for one filter's minute in which events arrived but none matched. */
export interface DefaultCandidate {
  /** Identifies the filter's transformation and minute, so one minute gets at most one default. */
  readonly key: string;
  readonly datum: NewMetricDatum;
}

export interface FilterOutcome {
  /** Matching events' datapoints, summed up per metric, unit and minute as values with counts. */
  readonly datums: readonly NewMetricDatum[];
  /** Keys (as in DefaultCandidate) of minutes that had a match, so a later call publishes no default for them. */
  readonly matchedKeys: readonly string[];
  readonly defaults: readonly DefaultCandidate[];
}

const patternCache = new Map<string, FilterPattern | null>();

/**
 * What a batch of events appended to one log group publishes through the group's metric filters, as AWS does
 * (spec 5.8, 6.5): each matching event contributes its value (a literal or a field of the event) at the event's
 * timestamp to the transformation's metric, with dimensions from the event's fields; CloudWatch Logs aggregates
 * per minute. A transformation with a defaultValue publishes it once for each minute in which events were ingested
 * but none matched. Pure: the caller stores the datums and remembers which minutes already got a value.
 */
export function metricFilterDatums(scope: Scope, filters: readonly MetricFilterRecord[], events: readonly AppendedEvent[]): FilterOutcome {
  const buckets = new Map<string, { datum: Omit<NewMetricDatum, 'sample'>; values: Map<number, number> }>();
  const matchedKeys: string[] = [];
  const defaults: DefaultCandidate[] = [];
  for (const filter of filters) {
    const pattern = parsedPattern(filter.filterPattern);
    if (pattern === undefined) continue;
    const system = systemDimensions(scope, filter.emitSystemFieldDimensions);
    filter.metricTransformations.forEach((t, index) => {
      const minutesSeen = new Set<number>();
      const minutesMatched = new Set<number>();
      for (const event of events) {
        const minute = event.timestamp - (event.timestamp % MINUTE_MS);
        minutesSeen.add(minute);
        const match = matchFilterPattern(pattern, event.message);
        if (match === undefined) continue;
        // A match whose value is not a number publishes nothing, and still counts as a match [unconfirmed].
        minutesMatched.add(minute);
        const value = filterValue(t, event.message, match.extractedValues, system);
        if (value === undefined) continue;
        const metric = { namespace: t.metricNamespace, metricName: t.metricName, dimensions: toDimensions(value.dimensions) };
        const unit = t.unit ?? 'None';
        const bucketKey = JSON.stringify([metric.namespace, metric.metricName, metric.dimensions, unit, minute]);
        let bucket = buckets.get(bucketKey);
        if (bucket === undefined) {
          bucket = { datum: { metric, timestamp: minute, unit, storageResolution: 60 }, values: new Map() };
          buckets.set(bucketKey, bucket);
        }
        bucket.values.set(value.value, (bucket.values.get(value.value) ?? 0) + 1);
      }
      const keyOf = (minute: number): string => JSON.stringify([filter.logGroupName, filter.filterName, index, minute]);
      for (const minute of minutesMatched) matchedKeys.push(keyOf(minute));
      if (t.defaultValue === undefined) return;
      for (const minute of minutesSeen) {
        if (minutesMatched.has(minute)) continue;
        defaults.push({ key: keyOf(minute), datum: defaultDatum(t, minute, t.defaultValue, system) });
      }
    });
  }
  const datums = [...buckets.values()].map(({ datum, values }) => ({
    ...datum,
    sample: { kind: 'values' as const, values: [...values.keys()], counts: [...values.values()] },
  }));
  return { datums, matchedKeys, defaults };
}

function defaultDatum(t: MetricTransformationRecord, minute: number, value: number, system: Readonly<Record<string, string>>): NewMetricDatum {
  return {
    metric: { namespace: t.metricNamespace, metricName: t.metricName, dimensions: toDimensions(system) },
    timestamp: minute,
    unit: t.unit ?? 'None',
    storageResolution: 60,
    sample: { kind: 'value', value },
  };
}

/** `emitSystemFieldDimensions` adds `@aws.account` / `@aws.region` dimensions carrying the group's account and region. */
function systemDimensions(scope: Scope, fields: readonly string[] | undefined): Record<string, string> {
  const dimensions: Record<string, string> = {};
  for (const field of fields ?? []) {
    if (field === '@aws.account') dimensions[field] = scope.accountId;
    if (field === '@aws.region') dimensions[field] = scope.region;
  }
  return dimensions;
}

function toDimensions(map: Readonly<Record<string, string>>): { name: string; value: string }[] {
  return Object.keys(map).sort().map((name) => ({ name, value: map[name]! }));
}

/** Stored patterns were valid when stored; one that no longer parses publishes nothing rather than failing ingest. */
function parsedPattern(text: string): FilterPattern | undefined {
  let pattern = patternCache.get(text);
  if (pattern === undefined) {
    try {
      pattern = parseFilterPattern(text);
    } catch {
      pattern = null;
    }
    if (patternCache.size > 1000) patternCache.clear();
    patternCache.set(text, pattern);
  }
  return pattern ?? undefined;
}
