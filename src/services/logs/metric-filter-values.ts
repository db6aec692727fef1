import { resolveJsonSelector } from '../../filter-pattern/index.js';
import type { MetricTransformationRecord } from '../../storage/index.js';

const NUMBER_LITERAL = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
/** Dimension values are CloudWatch dimension values: 1..1024 characters. */
const MAX_DIMENSION_VALUE = 1024;

/** What one matching event contributes to one transformation's metric. */
export interface FilterValue {
  readonly value: number;
  readonly dimensions: Readonly<Record<string, string>>;
}

/**
 * The text a field reference names in one event: `$.a.b` reads the JSON event, `$name` (or `$3`) reads the
 * space-delimited pattern's extracted fields. Undefined when the field is absent.
 */
export function referencedText(reference: string, message: string, extracted: Readonly<Record<string, string>>): string | undefined {
  if (reference.startsWith('$.')) {
    const value = resolveJsonSelector(message, reference);
    if (value === undefined || value === null) return undefined;
    return String(value);
  }
  return extracted[reference];
}

/**
 * The datapoint value and dimensions one matching event yields for a transformation, or undefined when it yields
 * none: AWS publishes nothing for an event whose value field is absent or not a number (spec 6.5). A JSON number and
 * a numeric string both count as numbers [unconfirmed for strings]; booleans do not. An event lacking a dimension
 * field publishes nothing either, since a CloudWatch dimension needs a non-empty value [unconfirmed].
 */
export function filterValue(
  transformation: MetricTransformationRecord,
  message: string,
  extracted: Readonly<Record<string, string>>,
  systemDimensions: Readonly<Record<string, string>>,
): FilterValue | undefined {
  const value = numericValue(transformation.metricValue, message, extracted);
  if (value === undefined) return undefined;
  const dimensions: Record<string, string> = { ...systemDimensions };
  for (const [name, reference] of Object.entries(transformation.dimensions ?? {})) {
    const text = referencedText(reference, message, extracted);
    // The metric store refuses U+0000/U+0001 in dimension values (its key separators); such an event publishes nothing.
    if (text === undefined || text.length === 0 || text.includes('\u0000') || text.includes('\u0001')) return undefined;
    dimensions[name] = text.length > MAX_DIMENSION_VALUE ? text.slice(0, MAX_DIMENSION_VALUE) : text;
  }
  return { value, dimensions };
}

function numericValue(metricValue: string, message: string, extracted: Readonly<Record<string, string>>): number | undefined {
  const text = metricValue.startsWith('$') ? referencedText(metricValue, message, extracted) : metricValue;
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (!NUMBER_LITERAL.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}
