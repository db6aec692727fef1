import type { MetricTransformation } from '../../models/logs/index.js';
import { invalidParameter } from './errors.js';

export const MAX_METRIC_FILTERS_PER_GROUP = 100;
export const MAX_REGEX_PATTERNS_PER_GROUP = 5;
export const MAX_DIMENSIONS = 3;
const SYSTEM_FIELDS = new Set(['@aws.account', '@aws.region']);

const NUMBER_LITERAL = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
/** `$.a.b[0]` (JSON patterns) or `$name` (space-delimited patterns). */
const FIELD_REFERENCE = /^\$((\.[\w-]+(\[\d+\])*)+|\w+)$/;

/** Dimensions take their values from fields, which only JSON (`{...}`) and space-delimited (`[...]`) patterns name. */
function patternNamesFields(filterPattern: string): boolean {
  const text = filterPattern.trim();
  return text.startsWith('{') || text.startsWith('[');
}

/** The checks PutMetricFilter applies to its one transformation beyond the model's constraints. */
export function checkMetricTransformation(t: MetricTransformation, filterPattern: string): void {
  if (!NUMBER_LITERAL.test(t.metricValue) && !FIELD_REFERENCE.test(t.metricValue)) {
    throw invalidParameter(`Invalid metric value '${t.metricValue}': use a number or a field reference such as $.field or $field.`);
  }
  const dimensions = Object.entries(t.dimensions ?? {});
  if (dimensions.length === 0) return;
  if (dimensions.length > MAX_DIMENSIONS) throw invalidParameter(`A metric filter can have at most ${MAX_DIMENSIONS} dimensions.`);
  if (t.defaultValue !== undefined) throw invalidParameter('A default value cannot be specified together with dimensions.');
  // observed text
  if (!patternNamesFields(filterPattern)) throw invalidParameter('The specified filter pattern does not support dimensions');
  for (const [name, value] of dimensions) {
    if (!FIELD_REFERENCE.test(value)) throw invalidParameter(`Invalid dimension value '${value}' for dimension '${name}': use a field reference such as $.field or $field.`);
  }
}

export function checkSystemFieldDimensions(fields: readonly string[] | undefined): void {
  for (const field of fields ?? []) {
    if (!SYSTEM_FIELDS.has(field)) throw invalidParameter(`Invalid system field '${field}': valid values are @aws.account and @aws.region.`);
  }
}
