import type { MetricSample, NewMetricDatum } from '../../storage/index.js';

/**
 * Why a datum cannot be stored, or undefined. The service applies AWS's rules (and error codes) first; this only
 * keeps what would corrupt the tables (NaN, fractional timestamps, unknown resolutions) out of a shared commit.
 */
export function invalidDatum(datum: NewMetricDatum): string | undefined {
  if (!Number.isSafeInteger(datum.timestamp)) return 'timestamp must be whole milliseconds';
  if (datum.storageResolution !== 1 && datum.storageResolution !== 60) return 'storageResolution must be 1 or 60';
  if (datum.unit.length === 0) return 'unit must not be empty';
  return invalidSample(datum.sample);
}

function invalidSample(sample: MetricSample): string | undefined {
  switch (sample.kind) {
    case 'value':
      return Number.isFinite(sample.value) ? undefined : 'value must be finite';
    case 'statistics': {
      const { sampleCount, sum, minimum, maximum } = sample;
      if (![sampleCount, sum, minimum, maximum].every(Number.isFinite)) return 'statistic values must be finite';
      if (sampleCount < 0 || minimum > maximum) return 'statistic set is inconsistent';
      return undefined;
    }
    case 'values':
      if (sample.counts.length > 0 && sample.counts.length !== sample.values.length) return 'counts must match values';
      if (!sample.values.every(Number.isFinite)) return 'values must be finite';
      if (!sample.counts.every((count) => Number.isFinite(count) && count >= 0)) return 'counts must be finite and >= 0';
      return undefined;
  }
}
